/**
 * Imports news as it really arrives: plain text (or Markdown) copied out of a web page, with
 * its title, metadata and furniture around the story and phonetic annotations all through it.
 * Every line is classified (read-page.ts); the article gets the title, the fields read, and
 * the story's lines as posted (without their readings, unless the publisher keeps them). The
 * report says what became of each line.
 */
import { textParagraphs } from '../content'
import { plainSummary, rubyContentHtml, type ContentFormat } from './annotation-choice'
import { DEFAULT_ANNOTATION_MODE, type AnnotationMode } from './modes'
import type { PageLine } from './page-lines'
import { emptyAnnotations, readPage, type PageReading } from './read-page'
import type { ImportReport } from './report'
import { storySummary } from './story-summary'
import { textLines } from './text-lines'
import { titleText } from './title'

export type { ImportReport } from './report'

export interface ImportedFields {
  title?: string
  summary?: string
  content_text?: string
  content_markdown?: string
  content_html?: string
  published?: string
  updated?: string
  source?: { name: string }
  authors?: { name: string }[]
}

/** What the server keeps besides the publisher's fields. */
export interface ImportedExtras {
  /** The page exactly as posted (after NFC), so it can be imported again another way. */
  source_text: string
  /** With `ruby`: the content rendered with `<ruby>`; the fields hold the base text. */
  content_html?: string
}

export interface Imported {
  fields: ImportedFields
  extras: ImportedExtras
  report: ImportReport
}

const MARKDOWN_HEADING = /^#{1,6}\s+/
/** A bilingual page's two headlines are joined in the title with this. */
export const TITLE_JOIN = ' / '

/**
 * Reads a pasted page. `annotations` says what to do with phonetic annotations when the text
 * carries them (removed by default).
 */
export function importPlainText(
  source: string,
  format: ContentFormat,
  timeZone: string,
  annotations: AnnotationMode = DEFAULT_ANNOTATION_MODE,
): Imported {
  const { text, lines } = textLines(source)
  const extras: ImportedExtras = { source_text: text }
  if (lines.every((l) => l.text.trim() === '')) {
    return { fields: {}, extras, report: emptyReport(format, annotations) }
  }
  const page = readPage(lines, format, timeZone, annotations)
  const shown = (i: number) => (page.strip[i] ? lines[i]!.plain : lines[i]!.text)
  const fields: ImportedFields = { ...articleFields(page, shown, format) }
  const body = bodyText(page.body, lines, shown)
  if (format === 'markdown') fields.content_markdown = body
  else fields.content_text = body
  const story = bodyText(page.summary, lines, shown)
  if (page.report.annotations.ruby) {
    extras.content_html = rubyContentHtml(
      bodyText(page.body, lines, (i) => lines[i]!.text),
      format,
    )
  }
  if (format === 'text') fields.summary = storySummary(textParagraphs(story))
  else if (story.trim()) fields.summary = plainSummary(story, format)
  return { fields, extras, report: page.report }
}

/** The title and the fields read from the page, for text and HTML pastes alike. */
export function articleFields(
  page: PageReading,
  shown: (i: number) => string,
  format: ContentFormat | 'html',
): ImportedFields {
  const fields: ImportedFields = {}
  const heads = page.layout.title.lines
  if (heads.length) {
    const title = heads
      .map((i) =>
        titleText(format === 'markdown' ? shown(i).replace(MARKDOWN_HEADING, '') : shown(i)),
      )
      .join(TITLE_JOIN)
    fields.title = title
    page.report.title = { lines: heads.map((i) => i + 1), text: title }
  }
  const read = page.fields
  if (read.published) fields.published = read.published.value
  if (read.updated) fields.updated = read.updated.value
  if (read.source) fields.source = { name: read.source }
  if (read.authors.length) fields.authors = read.authors.map((name) => ({ name }))
  return fields
}

/**
 * The body's lines in order. A line left out between two kept ones becomes a blank line, so
 * the paragraphs on either side of it stay apart.
 */
function bodyText(
  body: readonly number[],
  lines: readonly PageLine[],
  shown: (i: number) => string,
): string {
  const out: string[] = []
  for (let k = 0; k < body.length; k++) {
    const i = body[k]!
    // Blank lines between kept ones stay as they were; a dropped line becomes a blank one.
    for (let j = (body[k - 1] ?? i - 1) + 1; j < i; j++) {
      out.push(lines[j]!.text.trim() === '' ? lines[j]!.text : '')
    }
    out.push(shown(i))
  }
  return out.join('\n')
}

function emptyReport(format: ContentFormat, annotations: AnnotationMode): ImportReport {
  return {
    format,
    title: null,
    fields: [],
    lines: [],
    body: null,
    notes: [],
    annotations: emptyAnnotations(annotations),
  }
}
