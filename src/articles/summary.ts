import { isMostlyCjk } from './text'

/** About this many graphemes of CJK text, or words of other text, make a derived summary. */
export const CJK_SUMMARY_GRAPHEMES = 120
export const LATIN_SUMMARY_WORDS = 50

const CJK_GAP =
  /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f]) +(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff01-\uff0f])/gu
const SENTENCE_END = /[。！？!?.…]$/u
const ELLIPSIS = '…'

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
const words = new Intl.Segmenter(undefined, { granularity: 'word' })

/**
 * A summary cut from plain text: whole graphemes only (never half an emoji, a surrogate pair
 * or a combining sequence), ending on a sentence end when one lies in the last half, else
 * with an ellipsis.
 */
export function deriveSummary(text: string): string {
  // A summary comes from the start of the text: a long article's beginning gives it, and the
  // work (flattening, the CJK count, segmenting) no longer grows with the article.
  if (text.length > SAMPLE_UNITS) {
    const summary = summaryOf(text.slice(0, SAMPLE_UNITS), true)
    if (summary !== undefined) return summary
  }
  return summaryOf(text, false)!
}

/** The summary computed from the whole text, which the sampled one must equal (for tests). */
export const wholeTextSummary = (text: string): string => summaryOf(text, false)!

/** Far more text than any summary takes: 120 graphemes, or 50 words. */
const SAMPLE_UNITS = 16_000
/** A cut this close to a sample's end might differ in the whole text: take the whole then. */
const SAMPLE_MARGIN = 1_000

/** The summary of `text`; of a sample, undefined when the sample cannot tell. */
function summaryOf(text: string, sample: boolean): string | undefined {
  const { flat, cjk } = flattened(text)
  const cut = cjk ? cutGraphemes(flat, CJK_SUMMARY_GRAPHEMES) : cutWords(flat, LATIN_SUMMARY_WORDS)
  if (cut === undefined) return sample ? undefined : flat
  if (sample && cut.length > flat.length - SAMPLE_MARGIN) return undefined
  const sentence = lastSentenceEnd(cut)
  if (sentence > cut.length / 2) return cut.slice(0, sentence)
  return cut.trimEnd() + ELLIPSIS
}

/** Text on one line: whitespace runs as one space, none between CJK sentences. */
export function flatten(text: string): string {
  return flattened(text).flat
}

/** The flattened text, and whether it is mostly CJK (decided once: it reads the whole text). */
function flattened(text: string): { flat: string; cjk: boolean } {
  const spaced = text.replace(/[ \t\n\r\f\v]+/g, ' ').trim()
  const cjk = isMostlyCjk(spaced)
  // Paragraph breaks became spaces; Chinese and Japanese put none between sentences.
  return { flat: cjk ? spaced.replace(CJK_GAP, '') : spaced, cjk }
}

/** The first `limit` graphemes, or undefined when the text is no longer than that. */
function cutGraphemes(text: string, limit: number): string | undefined {
  let count = 0
  for (const { index } of graphemes.segment(text)) {
    if (count++ === limit) return text.slice(0, index)
  }
  return undefined
}

function cutWords(text: string, limit: number): string | undefined {
  let count = 0
  for (const { index, isWordLike } of words.segment(text)) {
    if (isWordLike && count++ === limit) return text.slice(0, index)
  }
  return undefined
}

/** Index just after the last sentence-ending grapheme, or -1. */
function lastSentenceEnd(text: string): number {
  let end = -1
  for (const { segment, index } of graphemes.segment(text)) {
    if (SENTENCE_END.test(segment)) end = index + segment.length
  }
  return end
}
