/**
 * Text hygiene applied to every string a publisher sends, on write.
 *
 * XML 1.0 cannot carry C0 controls (other than tab, LF, CR), lone surrogates, U+FFFE or
 * U+FFFF, so they are removed here once instead of being escaped (impossible) in every
 * feed. Everything else, including broken-looking `?` and U+FFFD, is kept as sent.
 */

import { LIMITS } from './limits'

const XML_FORBIDDEN = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu
const ZERO_WIDTH_SPACE = /\u200B/g
const LEADING_BOM = /^\uFEFF/

/** NFC, without XML-forbidden characters, zero-width spaces or a leading BOM. */
export function cleanText(input: string): string {
  return input
    .replace(XML_FORBIDDEN, '')
    .replace(LEADING_BOM, '')
    .replace(ZERO_WIDTH_SPACE, '')
    .normalize('NFC')
}

/** Thrown by `cleanDeep` for a value nested deeper than LIMITS.jsonDepth. */
export class NestingError extends RangeError {
  override name = 'NestingError'
}

/**
 * `cleanText` applied to every string inside a JSON value, keys included. The walk recurses,
 * so it refuses (NestingError) a value nested deeper than LIMITS.jsonDepth rather than run out
 * of stack; bodies read by readJsonBody were already measured and never get here that deep.
 */
export function cleanDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return cleanText(value)
  if (value === null || typeof value !== 'object') return value
  if (depth >= LIMITS.jsonDepth) {
    throw new NestingError(`nested deeper than ${LIMITS.jsonDepth} levels`)
  }
  if (Array.isArray(value)) return value.map((v) => cleanDeep(v, depth + 1))
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [cleanText(k), cleanDeep(v, depth + 1)]),
  )
}

const HAN_OR_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
const LETTER = /\p{L}/u

/** True when a text is mostly written without spaces between words (Chinese, Japanese, Korean). */
export function isMostlyCjk(text: string): boolean {
  let cjk = 0
  let letters = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    // ASCII, most of a Latin text, is a letter or not and never CJK: no regular expression
    // needed. Testing each character of 1 MiB of English was most of the time a publish took.
    if (unit < 0x80) {
      if ((unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a) letters++
      continue
    }
    // Likewise the CJK Unified Ideographs and the Hangul syllables, most of a CJK text.
    if ((unit >= 0x4e00 && unit <= 0x9fff) || (unit >= 0xac00 && unit <= 0xd7a3)) {
      cjk++
      continue
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!)
    i += ch.length - 1
    if (HAN_OR_KANA.test(ch)) cjk++
    else if (LETTER.test(ch)) letters++
  }
  // Latin words are several letters long, so one CJK character weighs as much as a word.
  return cjk > 0 && cjk * 4 >= letters
}
