/**
 * A text or Markdown paste as lines: cleaned (NFC, no characters XML forbids), split at line
 * breaks, each line scanned once for phonetic readings.
 */
import { cleanText } from '../text'
import { findAnnotations, removeAnnotations } from './annotations'
import type { PageLine } from './page-lines'

/** Every empty line is this one (a page of a million of them costs no million objects). */
const EMPTY: PageLine = Object.freeze({
  text: '',
  plain: '',
  annotations: Object.freeze([]) as unknown as PageLine['annotations'],
  exact: 0,
  han: 0,
  gap: true,
})

/** The page as posted (after cleaning), and its lines. */
export function textLines(source: string): { text: string; lines: PageLine[] } {
  const text = cleanText(source)
  const lines = text.split(/\r\n|\r|\n/).map((line, i, all): PageLine => {
    if (line === '') return EMPTY
    const scan = findAnnotations(line)
    return {
      text: line,
      plain: removeAnnotations(line, scan.annotations),
      annotations: scan.annotations,
      exact: scan.exact,
      han: scan.han,
      gap: i === 0 || all[i - 1]!.trim() === '',
    }
  })
  return { text, lines }
}
