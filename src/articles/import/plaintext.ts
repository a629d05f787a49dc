/**
 * Imports news as it really arrives: plain text (or Markdown) with the title on the first
 * line, metadata lines under it, page furniture around it. Returns the article fields and a
 * report of which line became what, so the publisher can check.
 */
import { textParagraphs } from '../content'
import { cleanText } from '../text'
import { withoutAnnotations } from './annotations'
import { readDateline } from './dateline'
import { readHeaderAndFooter, type ZoneReport } from './zones'
import { storySummary } from './story-summary'

export type ImportFormat = 'text' | 'markdown'

export interface ImportReport extends ZoneReport {
  format: ImportFormat
  title: { line: number; text: string } | null
  /** The lines that make up the body, or null when there is none. */
  body: { first_line: number; last_line: number } | null
}

export interface ImportedFields {
  title?: string
  summary?: string
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
  if (format === 'text') fields.summary = storySummary(textParagraphs(body))
  if (!fields.authors) creditDateline(lines, plain, first, last, fields, report)
  report.fields.sort((a, b) => a.line - b.line)
  return { fields, report }
}

/** Authors from the dateline that opens the story, when no author line named any. */
function creditDateline(
  lines: string[],
  plain: string[],
  first: number,
  last: number,
  fields: ImportedFields,
  report: ImportReport,
) {
  let index = first
  while (index <= last && plain[index]!.trim() === '') index++
  if (index > last) return
  const line = plain[index]!.replace(/^[ \t\u3000]+/, '')
  const authors = readDateline(line)?.authors
  if (!authors?.length) return
  fields.authors = authors.map((name) => ({ name }))
  report.fields.push({ field: 'author', value: authors, line: index + 1, text: lines[index]! })
}
