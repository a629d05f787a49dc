/**
 * Per-character phonetic annotations: a bracketed pinyin or zhuyin syllable right after a Han
 * character, `國(guó)務(wù)院` or `總(ㄗㄨㄥˇ)統(ㄊㄨㄥˇ)`, as machine-converted portals and reading
 * aids write them. They are an artifact of the page, not text, when two things hold:
 *
 * - each one is a reading of the character it follows (see readings.ts), so `北京(Beijing)`,
 *   `第三季(Q3)`, `他說(笑)` and a gloss of a whole word, `饕餮(tāotiè)`, are never one;
 * - the text carries them on many characters: at least ANNOTATED_MIN readings that match the
 *   dictionary exactly, on at least ANNOTATED_SHARE of its Han characters. An article about
 *   pronunciation that writes a few readings on purpose keeps them.
 */
import { escapeHtml } from '../content'
import { readingMatch, syllableOf } from './readings'

/** A text carries annotations when it has at least this many... */
export const ANNOTATED_MIN = 8
/** ...on at least this share of its Han characters. */
export const ANNOTATED_SHARE = 0.1

/** One annotation: `text.slice(start, end)` is the bracketed reading after `base`. */
export interface Annotation {
  /** Index of the bracket that opens the reading. */
  start: number
  /** Index just after the closing bracket. */
  end: number
  base: string
  open: string
  reading: string
  close: string
  /** False when only the tone differs from the dictionary's readings (Taiwan's 期 ㄑㄧˊ). */
  exact: boolean
}

/**
 * A Han character, then a bracketed run of at most 10 characters without brackets or line
 * breaks: a candidate, which readingMatch then checks. The bounded run keeps the search
 * linear: no candidate looks more than 12 characters ahead.
 */
const CANDIDATE = /(\p{Script=Han})([(（])([^()（）\r\n]{1,10})([)）])/gu
const NOT_HAN = /\P{Script=Han}+/gu
/** Every line is counted: a regex replace, not an array of every match. */
function countHan(text: string): number {
  if (!text) return 0
  const han = text.replace(NOT_HAN, '')
  let surrogates = 0
  for (let i = 0; i < han.length; i++) {
    const c = han.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) surrogates++
  }
  return han.length - surrogates
}

/** What a scan of a text found. */
export interface AnnotationScan {
  annotations: Annotation[]
  /** How many of them match a dictionary reading exactly, tone included. */
  exact: number
  /** How many Han characters the text has. */
  han: number
}

const NONE: Annotation[] = []

/** The annotations in a text, and how many Han characters it has. */
export function findAnnotations(text: string): AnnotationScan {
  // Most lines of a page have no bracket at all: skip the search (and its allocations).
  if (!text.includes('(') && !text.includes('（')) {
    return { annotations: NONE, exact: 0, han: countHan(text) }
  }
  const annotations: Annotation[] = []
  let exact = 0
  for (const m of text.matchAll(CANDIDATE)) {
    const base = m[1]!
    const reading = m[3]!
    const syllable = syllableOf(reading)
    const match = syllable && readingMatch(base, syllable)
    if (!match) continue
    if (match === 'exact') exact++
    const start = m.index + base.length
    const end = m.index + m[0].length
    annotations.push({
      start,
      end,
      base,
      open: m[2]!,
      reading,
      close: m[4]!,
      exact: match === 'exact',
    })
  }
  return { annotations, exact, han: countHan(text) }
}

/**
 * True when a text with `exact` annotations that match a reading exactly, and `han` Han
 * characters, carries annotations. Those whose tone differs do not count towards it, but go
 * with the others once a text carries them.
 */
export function carriesAnnotations(exact: number, han: number): boolean {
  return exact >= ANNOTATED_MIN && exact >= han * ANNOTATED_SHARE
}

/** `text` without the given annotations (the bracketed readings go, every character stays). */
export function removeAnnotations(text: string, annotations: readonly Annotation[]): string {
  if (annotations.length === 0) return text
  let out = ''
  let at = 0
  for (const a of annotations) {
    out += text.slice(at, a.start)
    at = a.end
  }
  return out + text.slice(at)
}

/**
 * `text` with every reading removed, however few: for matching labels (`日(rì)期(qī)：`) and
 * furniture, and for slugs, which readings must never become.
 */
export function withoutAnnotations(text: string): string {
  return removeAnnotations(text, findAnnotations(text).annotations)
}

/**
 * `text` with each annotation as `<ruby>` (its brackets as `<rp>`, so readers without ruby
 * support still see `國(guó)`), and the rest passed through `escape`: escapeHtml for plain
 * text, nothing for Markdown, where the tags are inline HTML.
 */
export function rubyMarkup(text: string, escape: (s: string) => string = escapeHtml): string {
  const { annotations } = findAnnotations(text)
  let out = ''
  let at = 0
  for (const a of annotations) {
    // The base character is the last one before the bracket: 1 or 2 UTF-16 units.
    out += escape(text.slice(at, a.start - a.base.length))
    out +=
      `<ruby>${escapeHtml(a.base)}<rp>${escapeHtml(a.open)}</rp>` +
      `<rt>${escapeHtml(a.reading.trim())}</rt><rp>${escapeHtml(a.close)}</rp></ruby>`
    at = a.end
  }
  return out + escape(text.slice(at))
}
