/**
 * Whether a line reads as a sentence of the story. Furniture rules and bylines never take
 * such a line, however much it looks like a control or a label.
 */

/** Letters of any script, Han characters included. */
const LETTER = /\p{L}/u
/** Sentence ends. ASCII `?` is left out: it is what a broken encoding leaves behind. */
const SENTENCE_END = new Set(['。', '！', '？', '!', '.', '…', '．', '｡'])
/** Closing quotes and brackets that may follow a sentence end: `……。」` */
const CLOSERS = new Set([
  '」',
  '』',
  '”',
  '’',
  '"',
  "'",
  '）',
  ')',
  '】',
  '》',
  ' ',
  '\u3000',
  '\t',
])
/** A sentence has at least this many letters (a bare `中。` does not make one). */
const MIN_LETTERS = 6

/**
 * A company's name ends with its abbreviation's dot, not a sentence's: `…Industry, Inc.`,
 * `CHANGSHA WATER GROUP CO.,LTD.`
 */
const COMPANY_END = /\b(?:Inc|Ltd|Co|Corp|Bhd|Pte|Plc|LLC)\.$/i

/** True when `line` has a few words and ends as a sentence does. */
export function readsAsSentence(line: string): boolean {
  let end = line.length
  while (end > 0 && CLOSERS.has(line[end - 1]!)) end--
  if (end === 0 || !SENTENCE_END.has(line[end - 1]!)) return false
  if (line[end - 1] === '.' && COMPANY_END.test(line.slice(Math.max(0, end - 6), end))) return false
  let letters = 0
  for (const ch of line) {
    if (LETTER.test(ch) && ++letters >= MIN_LETTERS) return true
  }
  return false
}
