/**
 * The readings of a Han character, to tell a phonetic annotation (`國(guó)`, `總(ㄗㄨㄥˇ)`) from
 * real text in brackets (`北京(Beijing)`, `第三季(Q3)`).
 *
 * Readings come from pinyin-pro's single-character dictionary (`polyphonic`: every reading,
 * not the one a phrase would pick). A Traditional or Taiwan-variant character also gets the
 * readings of its Simplified form (OpenCC's character tables, as tags are folded), since the
 * dictionary misses some Traditional characters or lists fewer readings for them. Zhuyin is
 * compared through pinyin-zhuyin, which writes each pinyin reading in zhuyin.
 */
import { polyphonic } from 'pinyin-pro'
import { pinyinToZhuyin } from 'pinyin-zhuyin'
import { foldScript } from '../script-fold'

/** A syllable as written in an annotation, in one comparable form. */
export type Syllable = { kind: 'pinyin' | 'zhuyin'; key: string }

const TONE_MARKS: Record<string, string> = {
  '\u0304': '1',
  '\u0301': '2',
  '\u030c': '3',
  '\u0300': '4',
}
/** Longest pinyin syllable with a tone number (`zhuang1`), with room for `·` and spaces. */
const MAX_PINYIN = 8
const PINYIN_LETTERS = /^[a-zêü]+$/

/**
 * A pinyin syllable as `letters + tone digit` (`guó`, `guo2` → `guo2`; `de`, `de5`, `·de` →
 * `de0`; `lv4`, `lǜ` → `lü4`), or undefined when `text` is not one syllable's shape.
 */
export function pinyinKey(text: string): string | undefined {
  if (text.length === 0 || text.length > MAX_PINYIN) return undefined
  let letters = ''
  let tone = ''
  let digit = ''
  for (const ch of text.normalize('NFD').toLowerCase()) {
    if (ch in TONE_MARKS) {
      if (tone) return undefined
      tone = TONE_MARKS[ch]!
    } else if (ch === '\u0308') {
      // ü written as u + diaeresis
      if (!letters.endsWith('u')) return undefined
      letters = letters.slice(0, -1) + 'ü'
    } else if (ch === '\u0302') {
      if (!letters.endsWith('e')) return undefined
      letters = letters.slice(0, -1) + 'ê'
    } else if (/[0-5]/.test(ch)) {
      if (digit || !letters) return undefined
      digit = ch === '5' ? '0' : ch
    } else if (ch === '·' && !letters) {
      tone = '0'
    } else if (/[a-z]/.test(ch)) {
      if (digit) return undefined
      letters += ch === 'v' ? 'ü' : ch
    } else {
      return undefined
    }
  }
  if (!PINYIN_LETTERS.test(letters) || (tone && digit)) return undefined
  return letters + (digit || tone || '0')
}

const BOPOMOFO = /^[\u3105-\u312f\u31a0-\u31bf]+$/u
const ZHUYIN_TONES = 'ˊˇˋ˙'

/**
 * A zhuyin syllable as `letters + tone mark` (first tone unmarked, neutral `˙` last wherever
 * it was written), or undefined when `text` is not one syllable's shape.
 */
export function zhuyinKey(text: string): string | undefined {
  let letters = ''
  let tone = ''
  for (const ch of text) {
    if (ch === 'ˉ') continue
    if (ZHUYIN_TONES.includes(ch)) {
      if (tone) return undefined
      tone = ch
    } else if (BOPOMOFO.test(ch)) {
      // A tone mark ends the syllable, except neutral `˙`, which Taiwan writes first.
      if (tone && tone !== '˙') return undefined
      letters += ch
    } else {
      return undefined
    }
  }
  if (letters.length === 0 || letters.length > 4) return undefined
  return letters + tone
}

const syllables = new Map<string, Syllable | null>()
/** Distinct bracketed texts remembered; a page repeats a few hundred syllables. */
const SYLLABLES_KEPT = 20_000

/** The syllable an annotation's bracketed text writes, or undefined for anything else. */
export function syllableOf(text: string): Syllable | undefined {
  let syllable = syllables.get(text)
  if (syllable === undefined) {
    const trimmed = text.trim()
    const pinyin = pinyinKey(trimmed)
    const zhuyin = pinyin ? undefined : zhuyinKey(trimmed)
    syllable = pinyin
      ? { kind: 'pinyin', key: pinyin }
      : zhuyin
        ? { kind: 'zhuyin', key: zhuyin }
        : null
    if (syllables.size >= SYLLABLES_KEPT) syllables.clear()
    syllables.set(text, syllable)
  }
  return syllable ?? undefined
}

/**
 * Tone sandhi that annotations often write out: 一 before a fourth tone is yí, before others
 * yì; 不 before a fourth tone is bú. The dictionary lists only the citation tone.
 */
const SANDHI: Record<string, string[]> = { 一: ['yí', 'yì'], 不: ['bú'] }

/**
 * Taiwan's standard readings where they are another syllable than the dictionary's (the
 * Ministry of Education's 國語一字多音審訂表): 垃圾 is lèsè, 蝸牛 guāniú, 和 hàn as "and".
 * Readings that differ in tone alone (期 qí, 危 wéi) need no entry: they match toneless.
 */
const TAIWAN: Record<string, string[]> = {
  垃: ['lè'],
  圾: ['sè'],
  蝸: ['guā'],
  蜗: ['guā'],
  崖: ['yái'],
  攜: ['xī'],
  携: ['xī'],
  和: ['hàn'],
  暫: ['zhàn'],
  暂: ['zhàn'],
  骰: ['tóu'],
  熟: ['shóu'],
  紮: ['zhá'],
  酵: ['jiào'],
  液: ['yì'],
}

interface CharReadings {
  /** Pinyin and zhuyin keys, tone included. */
  exact: Set<string>
  /** The same without their tones: `guo`, `ㄑㄧ`. */
  toneless: Set<string>
}
const cache = new Map<string, CharReadings>()

/** The tone of a key, stripped: `guo2` → `guo`, `ㄑㄧˊ` → `ㄑㄧ`. */
function toneless(key: string): string {
  return key.replace(/[0-5ˊˇˋ˙]$/u, '')
}

/** Every reading of one Han character, as pinyin and zhuyin keys; memoised per isolate. */
export function readingsOf(char: string): CharReadings {
  let readings = cache.get(char)
  if (readings) return readings
  const forms = new Set([char, foldScript(char)])
  const exact = new Set<string>()
  for (const form of forms) {
    if ([...form].length !== 1) continue
    const found = polyphonic(form, { type: 'array' })[0] ?? []
    for (const reading of [...found, ...(SANDHI[form] ?? []), ...(TAIWAN[form] ?? [])]) {
      // The dictionary answers a character it does not know with the character itself.
      if (reading === form) continue
      const key = pinyinKey(reading)
      if (key) exact.add(key)
      const z = zhuyinKey(pinyinToZhuyin(reading))
      if (z) exact.add(z)
    }
  }
  readings = { exact, toneless: new Set([...exact].map(toneless)) }
  cache.set(char, readings)
  return readings
}

/**
 * How `syllable` reads the Han character `char`: `exact` when it is one of its readings,
 * `tone` when only the tone differs (Taiwan reads 期 ㄑㄧˊ where the dictionary has qī), or
 * undefined. A toneless pinyin syllable (`Li`, `An`) matches only a neutral-tone reading
 * exactly, so a Latin name after a character is never taken for its reading.
 */
export function readingMatch(char: string, syllable: Syllable): 'exact' | 'tone' | undefined {
  const readings = readingsOf(char)
  if (readings.exact.has(syllable.key)) return 'exact'
  if (syllable.kind === 'pinyin' && syllable.key.endsWith('0')) return undefined
  return readings.toneless.has(toneless(syllable.key)) ? 'tone' : undefined
}

/**
 * True when `latin` spells the Han name `han` in pinyin, surname first or last, syllables
 * joined or apart and without tones: `Zhou Xiaotong` and `Xiaotong Zhou` are 周晓彤,
 * `Lin Mei-hua` is 林美華. Bilingual bylines print one person in both scripts.
 */
export function romanises(latin: string, han: string): boolean {
  const chars = [...han]
  const words = latin
    .toLowerCase()
    .split(/[\s\u3000]+/)
    .filter(Boolean)
  if (chars.length < 2 || chars.length > 4 || words.length < 2 || words.length > 4) return false
  const orders = [words, [...words.slice(-1), ...words.slice(0, -1)]]
  return orders.some((order) => spells(order.join('').replace(/[-'’]/g, ''), chars))
}

/** True when `letters` is one toneless pinyin reading of each of `chars` in turn. */
function spells(letters: string, chars: string[]): boolean {
  if (!chars.length) return letters === ''
  if (!/^[a-zü]+$/.test(letters) || letters.length > chars.length * 6) return false
  const readings = [...readingsOf(chars[0]!).toneless].filter((r) => /^[a-zêü]+$/.test(r))
  return readings.some(
    (r) => letters.startsWith(r) && spells(letters.slice(r.length), chars.slice(1)),
  )
}
