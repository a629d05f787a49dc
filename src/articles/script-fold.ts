/**
 * Traditional and Simplified Chinese characters folded to one form, so that a tag names one
 * listing however it is written: 經開區, 经开区 and 經开区 all fold to 经开区.
 *
 * Character by character with OpenCC's own tables (Taiwan variants to OpenCC's standard
 * characters, then Traditional to Simplified), not phrase by phrase: the table takes about
 * 1 ms to build per isolate where a phrase converter takes about 200 ms, so reading a tag
 * page can afford it. Spellings that differ as phrases (軟體 and 软件) fold apart; an article
 * is indexed under the fold of each of its spellings, so both still find it.
 */
import TSCharacters from 'opencc-js/dict/TSCharacters'
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev'

/** OpenCC's dictionary format: `from to|from to|...`, one character on each side here. */
function parse(dict: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const entry of dict.split('|')) {
    const [from, to] = entry.split(' ')
    if (from && to) map.set(from, to)
  }
  return map
}

/**
 * Every character that folds, to its fixed point: one step can land on a character that
 * folds again (麼 → 么 → 幺), and folding must give the same result for a spelling and for
 * its own fold.
 */
function buildTable(): Map<string, string> {
  const variants = parse(TWVariantsRev)
  const simplified = parse(TSCharacters)
  const step = (c: string): string => {
    const standard = variants.get(c) ?? c
    return simplified.get(standard) ?? standard
  }
  const table = new Map<string, string>()
  for (const c of new Set([...variants.keys(), ...simplified.keys()])) {
    let folded = c
    // OpenCC's tables hold no cycles and no chain longer than two steps.
    for (let i = 0; i < 4; i++) {
      const next = step(folded)
      if (next === folded) break
      folded = next
    }
    if (folded !== c) table.set(c, folded)
  }
  return table
}

let table: Map<string, string> | undefined

/** Below this code point no character folds (CJK radicals start at U+2E80). */
const FIRST_CJK = 0x2e80

/** `text` with each Traditional or Taiwan-variant character replaced by its Simplified form. */
export function foldScript(text: string): string {
  let cjk = false
  for (let i = 0; i < text.length && !cjk; i++) cjk = text.charCodeAt(i) >= FIRST_CJK
  if (!cjk) return text
  table ??= buildTable()
  let out = ''
  for (const c of text) out += table.get(c) ?? c
  return out
}
