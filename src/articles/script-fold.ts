/**
 * Traditional and Simplified Chinese characters folded to one form, so that a tag names one
 * listing however it is written: 經開區, 经开区 and 經开区 all fold to 经开区.
 *
 * Character by character with OpenCC's own tables (Taiwan variants to OpenCC's standard
 * characters, then Traditional to Simplified), not phrase by phrase: that converter takes a
 * few ms to build per isolate where a phrase converter takes about 200 ms, so reading a tag
 * page can afford it. Spellings that differ as phrases (軟體 and 软件) fold apart; an article
 * is indexed under the fold of each of its spellings, so both still find it.
 */
import { ConverterFactory } from 'opencc-js/core'
import TSCharacters from 'opencc-js/dict/TSCharacters'
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev'

let convert: ((text: string) => string) | undefined

/** Below this code point no character folds (CJK radicals start at U+2E80). */
const FIRST_CJK = 0x2e80

/**
 * OpenCC's tables chain at most twice (麼 → 么 → 幺); folding converts until nothing changes,
 * so a spelling and its own fold fold alike.
 */
const MAX_PASSES = 4

/** `text` with each Traditional or Taiwan-variant character replaced by its Simplified form. */
export function foldScript(text: string): string {
  let cjk = false
  for (let i = 0; i < text.length && !cjk; i++) cjk = text.charCodeAt(i) >= FIRST_CJK
  if (!cjk) return text
  convert ??= ConverterFactory([TWVariantsRev], [TSCharacters])
  let folded = text
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = convert(folded)
    if (next === folded) break
    folded = next
  }
  return folded
}
