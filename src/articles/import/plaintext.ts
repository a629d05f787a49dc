/**
 * Imports news as it really arrives: plain text (or Markdown) with the title on the first
 * line, metadata lines under it, page furniture around it, phonetic annotations all through
 * it. Returns the article fields, what the server keeps besides (the text as posted), and a
 * report of which line became what, so the publisher can check.
 */
import { textParagraphs } from '../content'
import { cleanText } from '../text'
import { removeAnnotations, findAnnotations } from './annotations'
import {
  annotationReport,
  plainSummary,
  rubyContentHtml,
  type AnnotationReport,
  type ContentFormat,
} from './annotation-choice'
import { readDateline } from './dateline'
import { readHeaderAndFooter, type ZoneReport } from './zones'
import { DEFAULT_ANNOTATION_MODE, type AnnotationMode } from './modes'
import { storySummary } from './story-summary'

export type ImportFormat = ContentFormat

export interface ImportReport extends ZoneReport {
  format: ImportFormat
  title: { line: number; text: string } | null
  /** The lines that make up the body, or null when there is none. */
  body: { first_line: number; last_line: number } | null
  annotations: AnnotationReport
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

/** What the server keeps besides the publisher's fields. */
export interface ImportedExtras {
  /** The text exactly as posted (after NFC), so it can be imported again another way. */
  source_text: string
  /** With `ruby`: the content rendered with `<ruby>`; the fields hold the base text. */
  content_html?: string
}

const MARKDOWN_HEADING = /^#{1,6}\s+/

/**
 * Reads a pasted page. `annotations` says what to do with phonetic annotations when the
 * text carries them (removed by default).
 */
export function importPlainText(
  source: string,
  format: ImportFormat,
  timeZone: string,
  annotations: AnnotationMode = DEFAULT_ANNOTATION_MODE,
): { fields: ImportedFields; extras: ImportedExtras; report: ImportReport } {
  const text = cleanText(source)
  const lines = text.split(/\r\n|\r|\n/)
  const scans = lines.map(findAnnotations)
  // Metadata, furniture and datelines are read with every reading removed, whatever the
  // choice: `日(rì)期(qī)：` is a label however few characters carry one.
  const plain = lines.map((line, i) => removeAnnotations(line, scans[i]!.annotations))
  const fields: ImportedFields = {}
  const extras: ImportedExtras = { source_text: text }
  const report: ImportReport = {
    format,
    title: null,
    fields: [],
    dropped: [],
    notes: [],
    body: null,
    annotations: annotationReport(annotations, []),
  }

  const titleIndex = lines.findIndex((l) => l.trim() !== '')
  if (titleIndex === -1) return { fields, extras, report }
  report.title = { line: titleIndex + 1, text: lines[titleIndex]! }
  const zones = readHeaderAndFooter(lines, plain, titleIndex, timeZone)
  Object.assign(report, zones.report)
  const { first, last } = zones
  if (last >= first) report.body = { first_line: first + 1, last_line: last + 1 }

  // Whether the text carries annotations is decided on the story: its title and body.
  report.annotations = annotationReport(annotations, [
    scans[titleIndex]!,
    ...scans.slice(first, last + 1),
  ])
  // The plain-text fields lose their readings unless the publisher keeps them.
  const out = report.annotations.removed ? plain : lines
  const titleLine = out[titleIndex]!
  fields.title = format === 'markdown' ? titleLine.replace(MARKDOWN_HEADING, '') : titleLine
  const body = out.slice(first, last + 1).join('\n')
  if (format === 'markdown') fields.content_markdown = body
  else fields.content_text = body
  if (report.annotations.ruby) {
    extras.content_html = rubyContentHtml(lines.slice(first, last + 1).join('\n'), format)
  }
  if (format === 'text') fields.summary = storySummary(textParagraphs(body))
  else if (report.annotations.ruby) fields.summary = plainSummary(body, format)
  Object.assign(fields, zones.fields)
  if (!fields.authors) creditDateline(lines, plain, first, last, fields, report)
  report.fields.sort((a, b) => a.line - b.line)
  return { fields, extras, report }
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
