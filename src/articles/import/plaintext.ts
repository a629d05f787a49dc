/**
 * Imports news as it really arrives: plain text (or Markdown) with the title on the first
 * line, metadata lines under it, page furniture around it. Returns the article fields and a
 * report of which line became what, so the publisher can check.
 */
import { cleanText } from '../text'
import { withoutAnnotations } from './annotations'
import { readHeaderAndFooter, type ZoneReport } from './zones'

export type ImportFormat = 'text' | 'markdown'

export interface ImportReport extends ZoneReport {
  format: ImportFormat
  title: { line: number; text: string } | null
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
  // Metadata and furniture are read with every reading removed: `日(rì)期(qī)：` is a label.
  const plain = lines.map(withoutAnnotations)
  const report: ImportReport = {
    format,
    title: null,
    fields: [],
    dropped: [],
    notes: [],
    body: null,
  }
  const fields: ImportedFields = {}

  const titleIndex = lines.findIndex((l) => l.trim() !== '')
  if (titleIndex === -1) return { fields, report }
  const titleLine = lines[titleIndex]!
  fields.title = format === 'markdown' ? titleLine.replace(MARKDOWN_HEADING, '') : titleLine
  report.title = { line: titleIndex + 1, text: titleLine }

  const zones = readHeaderAndFooter(lines, plain, titleIndex, timeZone)
  Object.assign(report, zones.report)
  Object.assign(fields, zones.fields)
  const { first, last } = zones
  const body = lines.slice(first, last + 1).join('\n')
  if (last >= first) report.body = { first_line: first + 1, last_line: last + 1 }
  if (format === 'markdown') fields.content_markdown = body
  else fields.content_text = body
  return { fields, report }
}
