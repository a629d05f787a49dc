/**
 * The language of an article that names none. The site's language is kept only when the text
 * agrees with it: an English article on a zh-Hant site is `en`, Simplified text there is
 * `zh-Hans`. Chinese and Japanese are told apart by their kana, and Traditional from
 * Simplified by the share of characters only one of them uses (OpenCC's character tables,
 * already in the bundle); other languages by franc-min's trigrams (docs/architecture.md says
 * why franc).
 */
import { francAll } from 'franc-min'
import { iso6393To1 } from 'iso-639-3/iso6393-to-1.js'
import STCharacters from 'opencc-js/dict/STCharacters'
import TSCharacters from 'opencc-js/dict/TSCharacters'
import { scriptOf, type Script } from './script'

/** Enough text to tell a language: franc reads at most 2048 characters itself. */
const SAMPLE_CHARS = 2000
/** Below this, trigrams guess (`Hello, world` reads as Dutch): only the script is told. */
const MIN_TRIGRAM_CHARS = 40
/**
 * Up to this length, trigrams' best language is taken only when it leads clearly: on a title
 * or a note, franc-min ranks a dozen languages within a few per cent of each other and picks
 * one at random among them (`Karibu Kenya` as Swahili, `Good morning` twice as Swedish,
 * `Rainy day in Kowloon` as Malagasy, German headlines as Dutch).
 */
const RELIABLE_TRIGRAM_CHARS = 100
/** A runner-up scoring this share of the best (franc scores the best 1) makes it a toss-up. */
const TOSS_UP_SCORE = 0.9
/** A toss-up is the site's language when that scores at least this share of the best. */
const NEAR_SITE_SCORE = 0.75
/** Japanese writes kana between its kanji; a Chinese text quoting a Japanese name has a few. */
const MIN_KANA_SHARE = 0.1

/**
 * franc's individual languages whose macrolanguage has a two-letter code, which is the tag
 * browsers and screen readers know (BCP 47 allows either): Standard Arabic is `ar`.
 */
const MACROLANGUAGES: Record<string, string> = {
  arb: 'ar',
  azj: 'az',
  cmn: 'zh',
  fuv: 'ff',
  npi: 'ne',
  pbu: 'ps',
  pes: 'fa',
  plt: 'mg',
  qug: 'qu',
  swh: 'sw',
  uzn: 'uz',
  zlm: 'ms',
}

/** The shortest BCP 47 tag of an ISO 639-3 code. */
function bcp47(iso6393: string): string {
  return MACROLANGUAGES[iso6393] ?? iso6393To1[iso6393] ?? iso6393
}

/** The ISO 639-3 code franc uses for a BCP 47 tag's language, if franc knows it. */
function francCode(tag: string): string | undefined {
  const primary = tag.toLowerCase().split('-')[0]!
  for (const code of [...Object.keys(MACROLANGUAGES), ...Object.keys(iso6393To1)]) {
    if (bcp47(code) === primary) return code
  }
  return primary.length === 3 ? primary : undefined
}

let scriptOnly: { traditional: Set<string>; simplified: Set<string> } | undefined

/** Characters only one script uses: an OpenCC table's keys that map to other characters. */
function onlyIn(table: string): Set<string> {
  const chars = new Set<string>()
  for (const entry of table.split('|')) {
    const [from, ...to] = entry.split(' ')
    if (from && !to.includes(from)) chars.add(from)
  }
  return chars
}

interface Tally {
  han: number
  kana: number
  traditional: number
  simplified: number
  /** Letters of every other script. */
  other: number
}

const HAN = /\p{Script=Han}/u
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u
const LETTER = /\p{L}/u
/**
 * URLs and e-mail addresses. Every run is bounded, and only a window of the text is read, so a
 * megabyte without a space costs what a sample does (unbounded, it cost minutes).
 */
const ADDRESSES =
  /\b[a-z][a-z0-9+.-]{0,31}:\/\/\S{1,2048}|\bwww\.\S{1,2048}|[^\s@]{1,64}@[^\s@.]{1,63}(?:\.[^\s@.]{1,63}){1,8}/giu
/** How much of the text is looked at for addresses to leave out of the sample. */
const WINDOW_CHARS = 4 * SAMPLE_CHARS

function tally(sample: string): Tally {
  scriptOnly ??= { traditional: onlyIn(TSCharacters), simplified: onlyIn(STCharacters) }
  const counts: Tally = { han: 0, kana: 0, traditional: 0, simplified: 0, other: 0 }
  for (const ch of sample) {
    if (HAN.test(ch)) {
      counts.han++
      if (scriptOnly.traditional.has(ch)) counts.traditional++
      else if (scriptOnly.simplified.has(ch)) counts.simplified++
    } else if (KANA.test(ch)) counts.kana++
    else if (LETTER.test(ch)) counts.other++
  }
  return counts
}

/** Chinese or Japanese, from the tally of a text mostly written in Han characters. */
function eastAsian(counts: Tally, siteLanguage: string): string {
  if (counts.kana >= MIN_KANA_SHARE * (counts.han + counts.kana)) {
    return agrees('ja', siteLanguage) ? siteLanguage : 'ja'
  }
  const site = scriptOf(siteLanguage)
  const script: Script | 'zh' | undefined =
    counts.traditional > counts.simplified
      ? 'zh-Hant'
      : counts.simplified > counts.traditional
        ? 'zh-Hans'
        : site
  if (script === undefined) return 'zh'
  return script === site ? siteLanguage : script
}

/** Whether a detected language is the one `siteLanguage` names. */
function agrees(language: string, siteLanguage: string): boolean {
  return language === siteLanguage.toLowerCase().split('-')[0]
}

/** franc's answer: a language it is sure of, and the trigram scores it chose from. */
interface Guess {
  language?: string
  /** `[iso6393, score]`, the best first at 1; empty when the text was too short to score. */
  scores: [string, number][]
}

/**
 * franc's language for a text mostly in other scripts than Han: by trigrams when it is long
 * enough and one language leads clearly, else only when its script has one language (Hangul,
 * Thai, Greek...).
 */
function francGuess(sample: string): Guess {
  const scores = francAll(sample, { minLength: MIN_TRIGRAM_CHARS }) as [string, number][]
  const [best, second] = scores as [[string, number], [string, number] | undefined]
  if (best[0] !== 'und') {
    const tossUp =
      [...sample].length < RELIABLE_TRIGRAM_CHARS &&
      second !== undefined &&
      second[1] >= TOSS_UP_SCORE
    return tossUp ? { scores } : { language: best[0], scores }
  }
  const byScript = francAll(sample, { minLength: 1 })
  const only = byScript.length === 1 && byScript[0]![0] !== 'und' ? byScript[0]![0] : undefined
  return only ? { language: only, scores: [] } : { scores: [] }
}

/**
 * Whether a text franc cannot tell may be in the site's language: among the near-best of a
 * toss-up, or, too short to score, written in its script.
 */
function siteFits(sample: string, siteLanguage: string, scores: [string, number][]): boolean {
  const site = francCode(siteLanguage)
  if (site === undefined) return false
  if (scores.length) return (scores.find(([code]) => code === site)?.[1] ?? 0) >= NEAR_SITE_SCORE
  return francAll(sample, { only: [site], minLength: 1 })[0]![0] === site
}

/**
 * The language of `text` (BCP 47): `siteLanguage` when the text agrees with it, else what the
 * text is written in; `und` (undetermined) for a text too short or too even to tell that does
 * not fit the site's language.
 */
export function detectLanguage(text: string, siteLanguage: string): string {
  // Addresses are in no language (trigrams read a page of URLs as Madurese).
  const sample = text.slice(0, WINDOW_CHARS).replace(ADDRESSES, ' ').slice(0, SAMPLE_CHARS)
  const counts = tally(sample)
  if (counts.han + counts.kana + counts.other === 0) return siteLanguage
  // One CJK character weighs as much as a word of four letters.
  if ((counts.han + counts.kana) * 4 >= counts.other) return eastAsian(counts, siteLanguage)
  const guess = francGuess(sample)
  if (guess.language === undefined) {
    // Too short or too even to tell: the site's language when the text may be in it.
    return siteFits(sample, siteLanguage, guess.scores) ? siteLanguage : 'und'
  }
  const language = bcp47(guess.language)
  return agrees(language, siteLanguage) ? siteLanguage : language
}
