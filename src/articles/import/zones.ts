/**
 * The header (under the title) and footer (at the very end) of a pasted page: metadata lines
 * fill fields, furniture is dropped with the rule that matched, and the story is what lies
 * between. A date alone on a line under the title is the publication date and, like a
 * labelled one, does not end the header. Lines too long to be metadata end a zone, and the
 * report says so.
 */
import { isShortLine, MAX_LINE_CHARS } from './limits'
import { furnitureRule } from './furniture'
import {
  authorNames,
  metadataLine,
  parseNewsDate,
  standaloneDate,
  type MetadataValue,
  type NewsDate,
} from './metadata'

export interface ZoneReport {
  /** Metadata recognised, with the line it came from (1-based). */
  fields: { field: string; value: unknown; line: number; text: string; precision?: string }[]
  /** Lines left out of the body as page furniture, with the rule that matched. */
  dropped: { line: number; text: string; rule: string }[]
  /** What the import could not read, and why. */
  notes: string[]
}

export interface ZoneFields {
  published?: string
  source?: { name: string }
  authors?: { name: string }[]
}

/**
 * Reads the lines around the story. `lines` are the page's lines as posted, `plain` the same
 * lines with readings removed, which is what is read; `titleIndex` is the title's. Returns
 * the story's first and last line indexes (last < first when there is no story), the fields
 * read and the report.
 */
export function readHeaderAndFooter(
  lines: readonly string[],
  plain: readonly string[],
  titleIndex: number,
  timeZone: string,
): { first: number; last: number; fields: ZoneFields; report: ZoneReport } {
  const fields: ZoneFields = {}
  const report: ZoneReport = { fields: [], dropped: [], notes: [] }

  const record = (meta: MetadataValue, index: number, date?: NewsDate) => {
    const text = lines[index]!
    if (meta.field === 'published') {
      const read = date ?? parseNewsDate(meta.value, timeZone)
      if (read && !fields.published) fields.published = read.value
      const entry = { field: 'published', value: read?.value ?? null, line: index + 1, text }
      report.fields.push(read ? { ...entry, precision: read.precision } : entry)
    } else if (meta.field === 'source') {
      if (meta.value && !fields.source) fields.source = { name: meta.value }
      report.fields.push({ field: 'source', value: meta.value, line: index + 1, text })
    } else {
      const names = authorNames(meta.value)
      const authors = (fields.authors ??= [])
      for (const name of names) if (!authors.some((a) => a.name === name)) authors.push({ name })
      report.fields.push({ field: 'author', value: names, line: index + 1, text })
    }
  }

  /** Takes a header or footer line: true if it was blank, metadata or furniture. */
  const take = (index: number, zone: 'header' | 'footer'): boolean => {
    const line = plain[index]!
    if (line.trim() === '') return true
    if (!isShortLine(line)) {
      // Both zones may stop at the same line; say it once.
      if (report.notes.length && zone === 'footer' && index === first) return false
      report.notes.push(
        `line ${index + 1} has ${line.length} characters, more than the ${MAX_LINE_CHARS} a metadata or furniture line may have: it is read as the story`,
      )
      return false
    }
    const meta = metadataLine(line)
    if (meta) {
      for (const value of meta) record(value, index)
      return true
    }
    const date = zone === 'header' ? standaloneDate(line, timeZone) : undefined
    if (date) {
      record({ field: 'published', label: '', value: line.trim() }, index, date)
      return true
    }
    const rule = furnitureRule(line)
    if (!rule) return false
    report.dropped.push({ line: index + 1, text: lines[index]!, rule: rule.id })
    return true
  }

  let first = titleIndex + 1
  while (first < lines.length && take(first, 'header')) first++
  let last = lines.length - 1
  while (last >= first && take(last, 'footer')) last--
  // The footer was read bottom-up; the report reads top-down.
  report.fields.sort((a, b) => a.line - b.line)
  report.dropped.sort((a, b) => a.line - b.line)
  return { first, last, fields, report }
}
