/**
 * A header or footer line as furniture rules see it. Copied controls arrive mangled: with a
 * fragment of the page's markup glued on (`<span class="fontsize">字號：大 中 小</span>`,
 * `class="x">【打印】`), entities (`&nbsp;`), and characters a broken encoding turned into
 * `?` or U+FFFD. The rules match what is left, so they need no variant per mangling.
 * Callers pass lines of at most MAX_LINE_CHARS; each step is one linear pass.
 */

export interface FurnitureLine {
  /** The line without markup, entities, `?` and U+FFFD, trimmed. */
  plain: string
  /** `plain` reduced to letters and digits: no spaces, punctuation or brackets. */
  skeleton: string
  /** True when markup or entities were removed. */
  markup: boolean
  /** How many `?` and U+FFFD the line had. */
  mangled: number
  /** How many characters other than spaces the line had, markup left out. */
  visible: number
}

const TAG = /<\/?[A-Za-z][^<>]{0,300}>|<!--[^<>]{0,300}-->/g
const ENTITY = /&(?:[A-Za-z]{2,10}|#\d{1,7}|#x[0-9A-Fa-f]{1,6});/g
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu

/** Reads a line for the furniture rules. */
export function furnitureLine(line: string): FurnitureLine {
  let text = line.replace(TAG, '').replace(ENTITY, '')
  text = withoutGluedFragments(text)
  const markup = text !== line
  let mangled = 0
  let visible = 0
  let plain = ''
  for (const ch of text) {
    if (ch === '?' || ch === '\uFFFD') {
      mangled++
      visible++
      continue
    }
    if (ch.trim() !== '') visible++
    plain += ch
  }
  plain = plain.trim()
  return { plain, skeleton: plain.replace(NOT_LETTER_OR_DIGIT, ''), markup, mangled, visible }
}

/**
 * Cuts the half of a tag that a copy split: the end of one at the start of the line
 * (`class="x">字號`) and the start of one at its end (`字號：大 中 小<span class="`).
 */
function withoutGluedFragments(text: string): string {
  let out = text
  const close = out.indexOf('>')
  if (close !== -1 && !out.slice(0, close).includes('<') && /=\s*["']/.test(out.slice(0, close))) {
    out = out.slice(close + 1)
  }
  const open = out.lastIndexOf('<')
  if (open !== -1 && !out.slice(open).includes('>') && /^<\/?[A-Za-z]/.test(out.slice(open))) {
    out = out.slice(0, open)
  }
  return out
}
