/**
 * What text, Markdown and HTML pastes share: the lines' features, their classes, the fields
 * read from them, which readings go, and the report. The entry points (plaintext.ts,
 * html-import.ts) turn this into article fields in their own format.
 */
import { annotationReport, type AnnotationReport } from './annotation-choice'
import { classifyLines, type Layout } from './classify'
import { isRelativeTime } from './dates'
import { lineFeatures } from './features'
import { readFields, type PageFields } from './fields'
import { MAX_LINE_CHARS } from './limits'
import type { AnnotationMode } from './modes'
import type { PageLine } from './page-lines'
import { reportLines, type ImportFormat, type ImportNote, type ImportReport } from './report'

export interface PageReading {
  layout: Layout
  fields: PageFields
  /** Line indexes of the body, in order. */
  body: number[]
  /** The body's lines a summary is cut from: from the first story line, SUMMARY_CHARS at most. */
  summary: number[]
  /** Per line: its readings are taken out of what the article shows. */
  strip: boolean[]
  report: ImportReport
}

/** A line carries readings over (nearly) all its characters: an artifact whatever the page's share. */
const FULL_RUN = 0.9
const FULL_RUN_MIN = 4
const LONG_LINE_NOTES = 10

/** Reads a page's lines. */
export function readPage(
  lines: readonly PageLine[],
  format: ImportFormat,
  timeZone: string,
  mode: AnnotationMode,
): PageReading {
  const features = lineFeatures(lines, timeZone)
  const layout = classifyLines(lines, features, format === 'markdown')
  const { verdicts, title } = layout
  const fields = readFields(lines, features, verdicts, layout.firstStory, timeZone)
  const body: number[] = []
  verdicts.forEach((v, i) => v.kept && body.push(i))

  // Whether the text carries annotations is decided on the story: its title and body.
  const story = [...title.lines, ...body]
  const page = annotationReport(
    mode,
    story.map((i) => lines[i]!),
  )
  const fullRun = (l: PageLine) => l.han >= FULL_RUN_MIN && l.annotations.length >= l.han * FULL_RUN
  const strip = lines.map((l) => mode !== 'keep' && (page.annotated || fullRun(l)))
  const removed = story.reduce((n, i) => n + (strip[i] ? lines[i]!.annotations.length : 0), 0)
  const annotations: AnnotationReport = {
    ...page,
    annotated: page.annotated || story.some((i) => fullRun(lines[i]!)),
    removed,
    ruby: mode === 'ruby' ? removed : 0,
  }

  const notes: ImportNote[] = []
  let long = 0
  lines.forEach((l, i) => {
    if (l.plain.length > MAX_LINE_CHARS && long++ < LONG_LINE_NOTES) {
      notes.push({
        code: 'long-line',
        line: i + 1,
        text: `line ${i + 1} has ${l.plain.length} characters, more than the ${MAX_LINE_CHARS} a metadata or furniture line may have: it is read as the story`,
      })
    }
    if (!verdicts[i]!.kept && isRelativeTime(l.plain)) {
      notes.push({
        code: 'relative-date',
        line: i + 1,
        text: `line ${i + 1} gives a time relative to when it was read, which cannot be dated`,
      })
    }
  })
  for (const f of fields.reports) {
    if ((f.field === 'published' || f.field === 'updated') && f.value === null) {
      notes.push({
        code: 'date-unread',
        line: f.line,
        text: `line ${f.line} has a date that does not exist or cannot be read: it is left out`,
      })
    }
  }
  if (!fields.published) {
    notes.push({
      code: 'no-date',
      text: 'no publication date was read from the page: the article is dated when it is stored (a replace keeps the date it had)',
    })
  }
  const report: ImportReport = {
    format,
    title: null,
    fields: fields.reports,
    lines: reportLines(lines, verdicts, notes),
    body: body.length ? { first_line: body[0]! + 1, last_line: body.at(-1)! + 1 } : null,
    notes,
    annotations,
  }
  return {
    layout,
    fields,
    body,
    summary: summaryLines(lines, body, layout.firstStory),
    strip,
    report,
  }
}

/** Enough of the story for any summary (story-summary.ts reads no more). */
const SUMMARY_CHARS = 16_000

function summaryLines(lines: readonly PageLine[], body: number[], firstStory: number): number[] {
  const out: number[] = []
  let size = 0
  for (const i of body) {
    if (i < firstStory) continue
    if (size >= SUMMARY_CHARS) break
    out.push(i)
    size += lines[i]!.text.length
  }
  return out
}

/** The annotation report of a text with no story. */
export function emptyAnnotations(mode: AnnotationMode): AnnotationReport {
  return annotationReport(mode, [])
}
