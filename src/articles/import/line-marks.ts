/**
 * Marks a line carries that say what it is whatever surrounds it: a photo caption (an HTML
 * figure's, `图为…`, a credit ending in `摄`), and a line of phonetic readings alone over the
 * characters it reads.
 */
import { readByline } from './byline'
import type { PageLine } from './page-lines'
import { readingMatch, syllableOf } from './readings'

const HAN = /\p{Script=Han}/u
const CAPTION_START =
  /^(?:图为|圖為|图：|圖：|图片：|圖片：|[（(](?:图|圖|攝|摄)[)）／/]|Photo:|■|▲|▼|△|▽|●)/
/** How a photographer's credit ends: `摄`, `攝影`. */
const PHOTO_END = /(?:攝|摄)(?:影)?\s*[）)]?$/

/** A caption: an HTML figure's, or a line marked as one or ending with a photographer's credit. */
export function caption(text: string, line: PageLine): { photographers: string[] } | undefined {
  const tail = text.slice(Math.max(text.lastIndexOf('。'), text.lastIndexOf('）')) + 1)
  const credit =
    tail.length <= 40 && PHOTO_END.test(tail)
      ? readByline(tail.replace(/^[\s\u3000]+/, ''))
      : undefined
  if (credit?.photographers.length) return { photographers: credit.photographers }
  if (line.dom?.tag === 'figcaption' || CAPTION_START.test(text)) return { photographers: [] }
  return undefined
}

/** True when `syllables` are the readings of the Han characters of `line`, one by one. */
export function readsLine(syllables: string, line: string): boolean {
  const words = syllables.split(/[\s\u3000]+/).filter(Boolean)
  const han = [...line].filter((ch) => HAN.test(ch))
  if (words.length !== han.length) return false
  return words.every((w, k) => {
    const syllable = syllableOf(w)
    return syllable !== undefined && readingMatch(han[k]!, syllable) !== undefined
  })
}

/** True for a line of two or more pinyin or zhuyin syllables and nothing else. */
export function onlyReadings(text: string): boolean {
  if (HAN.test(text)) return false
  const words = text.split(/[\s\u3000]+/).filter(Boolean)
  return (
    words.length >= 2 && words.every((w) => syllableOf(w) !== undefined && /[^a-z]|\d$/i.test(w))
  )
}
