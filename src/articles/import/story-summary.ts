/**
 * The summary of an imported story, which feed readers show first: it starts at the story's
 * first sentence, after a credit line, the dateline and its byline brackets, and without
 * stray markup; it never ends inside a kept annotation (`國(gu…`). The cut itself is
 * deriveSummary's: CJK-aware and grapheme-safe.
 */
import { CJK_SUMMARY_GRAPHEMES, deriveSummary } from '../summary'
import { readDateline } from './dateline'

/** Enough of the story for any summary, so the work stays bounded on a 1 MiB body. */
const SAMPLE_CHARS = 16_000
/** Longer than any summary deriveSummary cuts from words or CJK text. */
const MAX_SUMMARY_CHARS = 1_000
const TAG = /<\/?[A-Za-z][^<>]{0,300}>|<!--[^<>]{0,300}-->/g
const ENTITY = /&(?:[A-Za-z]{2,10}|#\d{1,7}|#x[0-9A-Fa-f]{1,6});/g
/** An annotation the cut left open at the end: `國(gu`, `總（ㄗㄨ`. */
const OPEN_ANNOTATION = /(?<=\p{Script=Han})[(（][^)）]{0,10}$/u

/** Whom a notice or a letter is addressed to, on a line of its own: `各市州教育局，厅直属有关学校：`. */
const ADDRESSEE = /^[^。！？!?]{2,80}[：:]$/

/** The summary of a story given as its paragraphs (indentation already trimmed). */
export function storySummary(paragraphs: readonly string[]): string {
  const story: string[] = []
  let size = 0
  for (const paragraph of paragraphs) {
    if (size >= SAMPLE_CHARS) break
    const text = cut(paragraph, SAMPLE_CHARS).replace(TAG, '').replace(ENTITY, ' ').trim()
    if (!text) continue
    if (story.length === 0) {
      const dateline = readDateline(text)
      if (dateline?.credit || ADDRESSEE.test(text)) continue
      const rest = dateline ? text.slice(dateline.end) : text
      if (rest) story.push(rest)
    } else {
      story.push(text)
    }
    size += text.length
  }
  return closeAnnotation(bounded(deriveSummary(cut(story.join('\n'), SAMPLE_CHARS))))
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/**
 * deriveSummary counts words in text that is not CJK, so a story without any (a run of
 * symbols) would come back whole: cut it at CJK_SUMMARY_GRAPHEMES graphemes instead.
 */
function bounded(summary: string): string {
  if (summary.length <= MAX_SUMMARY_CHARS) return summary
  let count = 0
  for (const { index } of graphemes.segment(summary)) {
    if (count++ === CJK_SUMMARY_GRAPHEMES) return summary.slice(0, index).trimEnd() + '…'
  }
  return summary
}

/** The first `chars` UTF-16 units of `text`, never half a surrogate pair. */
function cut(text: string, chars: number): string {
  if (text.length <= chars) return text
  const last = text.charCodeAt(chars - 1)
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? chars - 1 : chars)
}

/** Drops half an annotation from the end of a cut summary, keeping its ellipsis. */
function closeAnnotation(summary: string): string {
  const ellipsis = summary.endsWith('…')
  const body = ellipsis ? summary.slice(0, -1) : summary
  // Twelve code points, astral ones included.
  const open = OPEN_ANNOTATION.exec(body.slice(-24))
  if (!open) return summary
  return body.slice(0, body.length - open[0].length) + (ellipsis ? '…' : '')
}
