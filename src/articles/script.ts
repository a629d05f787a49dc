/**
 * Traditional and Simplified Chinese: converting between them at phrase level with OpenCC
 * (opencc-js, which runs in workerd), and the script a language tag names.
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
