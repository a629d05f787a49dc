/**
 * Imports a page pasted as HTML (`Content-Type: text/html`, what a browser puts on the
 * clipboard) through the same classifier as a text paste, with the DOM's help (html-lines.ts).
 * The article keeps the HTML of the story's blocks, which the sanitiser cleans on write like
 * any publisher HTML; the report numbers the lines of block text in page order.
 */
import { FieldRefusal } from '../errors'
import { HtmlLimitError } from '../html-tree'
import { htmlLines, type HtmlPage } from './html-lines'
import { DEFAULT_ANNOTATION_MODE, type AnnotationMode } from './modes'
import { articleFields, type Imported } from './plaintext'
import { emptyAnnotations, readPage } from './read-page'
import { storySummary } from './story-summary'

/** Reads a pasted HTML page. FieldRefusal naming content_html when it is over the HTML limits. */
export function importHtml(
  source: string,
  timeZone: string,
  annotations: AnnotationMode = DEFAULT_ANNOTATION_MODE,
): Imported {
  const page = readHtml(source)
  const { lines } = page
  const extras = { source_text: source }
  if (!lines.length) {
    const report = {
      format: 'html' as const,
      title: null,
      fields: [],
      lines: [],
      body: null,
      notes: [],
      annotations: emptyAnnotations(annotations),
    }
    return { fields: {}, extras, report }
  }
  const read = readPage(lines, 'html', timeZone, annotations)
  const shown = (i: number) => (read.strip[i] ? lines[i]!.plain : lines[i]!.text)
  const fields = articleFields(read, shown, 'html')
  const strip = read.report.annotations.removed > 0 && annotations === 'strip'
  const html = page.render(new Set(read.body), strip)
  if (html) fields.content_html = html
  const story = read.summary.map(shown)
  fields.summary = storySummary(story)
  return { fields, extras, report: read.report }
}

function readHtml(source: string): HtmlPage {
  try {
    return htmlLines(source)
  } catch (e) {
    if (!(e instanceof HtmlLimitError)) throw e
    throw new FieldRefusal({ pointer: '/content_html', detail: e.message })
  }
}
