/**
 * Imports news as it really arrives: plain text (or Markdown) with the title on the first
 * line, metadata lines under it, page furniture around it. Returns the article fields and a
 * report of which line became what, so the publisher can check.
 */
import { cleanText } from '../text'
import { withoutAnnotations } from './annotations'
import { furnitureRule } from './furniture'
import { authorNames, metadataLine, parseNewsDate, type MetadataValue } from './metadata'

export type ImportFormat = 'text' | 'markdown'

export interface ImportReport {
  format: ImportFormat
  title: { line: number; text: string } | null
  /** Metadata recognised, with the line it came from (1-based). */
  fields: { field: string; value: unknown; line: number; text: string }[]
  /** Lines left out of the body as page furniture, with the rule that matched. */
  dropped: { line: number; text: string; rule: string }[]
  /** The lines that make up the body, or null when there is none. */
  body: { first_line: number; last_line: number } | null
}

export interface ImportedFields {
  title?: string
  content_text?: string
  content_markdown?: string
  published?: string
  source?: { name: string }
  authors?: { name: string }[]
}

const MARKDOWN_HEADING = /^#{1,6}\s+/

export function importPlainText(
  source: string,
  format: ImportFormat,
  timeZone: string,
): { fields: ImportedFields; report: ImportReport } {
  const lines = cleanText(source).split(/\r\n|\r|\n/)
  const report: ImportReport = { format, title: null, fields: [], dropped: [], body: null }
  const fields: ImportedFields = {}

  const titleIndex = lines.findIndex((l) => l.trim() !== '')
  if (titleIndex === -1) return { fields, report }
  const titleLine = lines[titleIndex]!
  fields.title = format === 'markdown' ? titleLine.replace(MARKDOWN_HEADING, '') : titleLine
  report.title = { line: titleIndex + 1, text: titleLine }

  /** Takes a header or footer line: true if it was blank, metadata or furniture. */
  const take = (index: number): boolean => {
    const line = lines[index]!
    if (line.trim() === '') return true
    const plain = withoutAnnotations(line)
    const meta = metadataLine(plain)
    if (meta) {
      for (const value of meta) record(value, index, line)
      return true
    }
    const rule = furnitureRule(plain)
    if (rule) {
      report.dropped.push({ line: index + 1, text: line, rule: rule.id })
      return true
    }
    return false
  }

  const record = (meta: MetadataValue, index: number, text: string) => {
    let value: unknown
    if (meta.field === 'published') {
      value = parseNewsDate(meta.value, timeZone) ?? null
      if (value && !fields.published) fields.published = value as string
    } else if (meta.field === 'source') {
      value = meta.value
      if (meta.value && !fields.source) fields.source = { name: meta.value }
    } else {
      const names = authorNames(meta.value)
      value = names
      const authors = (fields.authors ??= [])
      for (const name of names) if (!authors.some((a) => a.name === name)) authors.push({ name })
    }
    report.fields.push({ field: meta.field, value, line: index + 1, text })
  }

  let first = titleIndex + 1
  while (first < lines.length && take(first)) first++
  let last = lines.length - 1
  while (last >= first && take(last)) last--
  // The footer was read bottom-up; the report reads top-down.
  report.fields.sort((a, b) => a.line - b.line)
  report.dropped.sort((a, b) => a.line - b.line)

  const body = lines.slice(first, last + 1).join('\n')
  if (last >= first) report.body = { first_line: first + 1, last_line: last + 1 }
  if (format === 'markdown') fields.content_markdown = body
  else fields.content_text = body
  return { fields, report }
}
