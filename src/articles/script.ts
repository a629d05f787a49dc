/**
 * Traditional and Simplified Chinese: detecting which one a text is written in, and
 * converting between them at phrase level with OpenCC (opencc-js, which runs in workerd).
 * The converters build their dictionaries on first use, once per isolate.
 */
import { ConverterFactory } from 'opencc-js/core'
import fromCn from 'opencc-js/from/cn'
import fromTaiwan from 'opencc-js/from/twp'
import toCn from 'opencc-js/to/cn'
import toTaiwan from 'opencc-js/to/twp'

export type Script = 'zh-Hans' | 'zh-Hant'
export const SCRIPTS: readonly Script[] = ['zh-Hans', 'zh-Hant']

type Convert = (text: string) => string
const converters: Partial<Record<Script, Convert>> = {}

/** A converter into `script`, phrase by phrase: Taiwan usage to mainland (軟體 → 软件) and back. */
export function converterTo(script: Script): Convert {
  return (converters[script] ??=
    script === 'zh-Hans' ? ConverterFactory(fromTaiwan, toCn) : ConverterFactory(fromCn, toTaiwan))
}

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u
const HAN = /\p{Script=Han}/u
/** Enough text to tell the scripts apart without converting a whole 200 KB body. */
const SAMPLE_CHARS = 2000

/**
 * The language of a text that names none: Japanese when it has kana; `zh-Hant` when it has
 * characters only Traditional Chinese uses; `zh-Hans` for Simplified-only ones; otherwise
 * undefined (the site default applies).
 */
export function detectLanguage(text: string): string | undefined {
  const sample = text.slice(0, SAMPLE_CHARS)
  if (KANA.test(sample)) return 'ja'
  if (!HAN.test(sample)) return undefined
  if (converterTo('zh-Hans')(sample) !== sample) return 'zh-Hant'
  if (converterTo('zh-Hant')(sample) !== sample) return 'zh-Hans'
  return undefined
}

/** BCP 47 in its common shape: language, then script, region and variants. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/

/** True for a language tag such as `zh-Hant`, `en` or `zh-TW`. */
export function isLanguageTag(tag: string): boolean {
  return LANGUAGE_TAG.test(tag)
}

/** The script a Chinese language tag names, if any: `zh-TW` is Traditional, `zh-CN` Simplified. */
export function scriptOf(language: string): Script | 'zh' | undefined {
  const tag = language.toLowerCase()
  if (!/^zh(-|$)/.test(tag)) return undefined
  if (/-hant\b|-(tw|hk|mo)\b/.test(tag)) return 'zh-Hant'
  if (/-hans\b|-(cn|sg|my)\b/.test(tag)) return 'zh-Hans'
  return 'zh'
}
