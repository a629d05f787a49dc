/**
 * Every line of a page gets a class, from its features (features.ts) and where it sits:
 *
 * - the story is the stretch from the first to the last line that reads as story (STORY),
 *   leaving out lists of links inside it (a related heading and what follows, runs of bulleted
 *   lines) and lines with a strong furniture cue; captions and short lines inside it stay;
 * - the header (above the story) holds the title (title.ts), metadata, furniture, captions,
 *   and lines that open the story (a credit line set apart above it);
 * - under the story come, first, short lines that belong to it (a signature and its date, an
 *   end mark, a glossary), and then the footer, read line by line from the top: metadata,
 *   furniture, captions. Whatever is neither in the footer goes with it.
 *
 * Each verdict carries a reason, for the import report.
 */
import { STORY, STRONG_STORY, type LineFeatures } from './features'
import type { PageLine } from './page-lines'
import { knownMeta, listedLines, openingLines } from './story-edges'
import { pickTitle, type TitleLines } from './title'

export type LineClass =
  'title' | 'metadata' | 'story' | 'caption' | 'furniture' | 'annotation' | 'blank'

export interface Verdict {
  class: LineClass
  /** Why, in a word or two: `paragraph`, `signature`, `相关新闻` (a cue's id), `label 來源`... */
  reason: string
  /** In the article's body. */
  kept: boolean
  /** The header, the story, or the footer: where metadata was read. */
  zone: 'above' | 'header' | 'story' | 'footer'
}

/** What every blank line is. */
const BLANK: Verdict = Object.freeze({
  class: 'blank',
  reason: 'blank',
  kept: false,
  zone: 'story',
})

export interface Layout {
  verdicts: Verdict[]
  title: TitleLines
  /** The first line that reads as story (its summary starts there), or -1. */
  firstStory: number
}

/** Classifies every line of a page. */
export function classifyLines(
  lines: readonly PageLine[],
  f: readonly LineFeatures[],
  markdown: boolean,
): Layout {
  const listed = listedLines(f)
  const good = f.map(
    (x, i) =>
      x.story >= STORY &&
      !x.cue?.strong &&
      !knownMeta(x) &&
      !x.caption &&
      (!listed[i] || x.story >= STRONG_STORY),
  )
  let firstStory = good.indexOf(true)
  const title = pickTitle(lines, f, firstStory, markdown)
  const titleLast = title.lines.at(-1) ?? -1
  // A title that read as story (a question, a long headline) does not start the story.
  if (firstStory !== -1 && firstStory <= titleLast) {
    for (let i = 0; i <= titleLast; i++) good[i] = false
    firstStory = good.indexOf(true)
  }
  let start = firstStory
  let end = good.lastIndexOf(true)
  if (start === -1) {
    // Nothing reads as story: the story is what is left between the header and the footer.
    const plain = (i: number) =>
      i > titleLast && !f[i]!.blank && !f[i]!.cue && !knownMeta(f[i]!) && !f[i]!.caption
    start = f.findIndex((_, i) => plain(i))
    end = f.findLastIndex((_, i) => plain(i))
  }
  const verdicts = new Array<Verdict>(lines.length)
  const openers = openingLines(lines, f, title, start)
  const set = (i: number, cls: LineClass, reason: string, kept: boolean, zone: Verdict['zone']) =>
    (verdicts[i] = { class: cls, reason, kept, zone })
  const titleFirst = title.lines[0] ?? 0

  for (let i = 0; i < lines.length; i++) {
    const x = f[i]!
    if (x.blank) verdicts[i] = BLANK
    else if (title.lines.includes(i)) set(i, 'title', 'headline', false, 'header')
    else if (i < titleFirst || title.above.includes(i)) aside(i, 'above', 'above-title')
    else if (start === -1 || i < start) header(i)
    else if (i <= end) story(i)
  }
  footer(end)
  return { verdicts, title, firstStory }

  function aside(i: number, zone: Verdict['zone'], otherwise: string) {
    const x = f[i]!
    if (x.readings) set(i, 'annotation', 'readings', false, zone)
    else if (x.cue) set(i, 'furniture', x.cue.id, false, zone)
    else if (x.meta || (x.name && zone === 'header')) set(i, 'metadata', metaReason(x), false, zone)
    else if (x.caption) set(i, 'caption', 'caption', false, zone)
    else if (x.path) set(i, 'furniture', 'path', false, zone)
    else if (x.list || x.links || listed[i]) set(i, 'furniture', 'list', false, zone)
    else set(i, 'furniture', otherwise, false, zone)
  }

  function header(i: number) {
    if (title.subtitles.includes(i)) set(i, 'story', 'subtitle', true, 'header')
    else if (openers.has(i))
      set(i, f[i]!.caption ? 'caption' : 'story', 'opens-story', true, 'header')
    else aside(i, 'header', 'header')
  }

  function story(i: number) {
    const x = f[i]!
    if (good[i]) set(i, 'story', 'paragraph', true, 'story')
    else if (x.readings) set(i, 'annotation', 'readings', false, 'story')
    else if (x.sentence) set(i, 'story', 'sentence', true, 'story')
    else if (listed[i]) set(i, 'furniture', x.cue?.id ?? 'list', false, 'story')
    else if (x.cue?.strong) set(i, 'furniture', x.cue.id, false, 'story')
    else if (x.caption) set(i, 'caption', 'caption', true, 'story')
    else set(i, 'story', 'inside-story', true, 'story')
  }

  /** Under the story: lines that belong to it (a signature, its date, an end mark), then the footer. */
  function footer(last: number) {
    if (last === -1) return
    let tail = !f[last]!.endMark
    let signed = false
    for (let i = last + 1; i < lines.length; i++) {
      const x = f[i]!
      if (x.blank) {
        verdicts[i] = BLANK
        continue
      }
      const neutral =
        !x.cue &&
        !knownMeta(x) &&
        !x.caption &&
        !x.path &&
        !x.list &&
        !x.links &&
        !x.bullet &&
        !x.readings &&
        !listed[i]
      const signatureDate =
        signed && x.meta?.length === 1 && x.meta[0]!.field === 'date' && !lines[i]!.gap
      if (tail && (neutral || signatureDate)) {
        set(i, 'story', signatureDate ? 'signature' : 'after-story', true, 'story')
        signed = neutral
        if (x.endMark) tail = false
        continue
      }
      tail = false
      aside(i, 'footer', 'after-story')
    }
  }
}

function metaReason(x: LineFeatures): string {
  if (x.name) return 'name'
  const parts = x.meta!.map((m) => (m.label ? `label ${m.label}` : m.field))
  return [...new Set(parts)].join(', ')
}
