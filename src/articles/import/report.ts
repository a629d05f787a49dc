/**
 * The import report: what the import made of every line of a pasted page, so an editor can see
 * why something went (and a browser desk can show it). docs/import.md describes each field.
 */
import { z } from 'zod'
import type { Verdict } from './classify'
import type { PageLine } from './page-lines'

/** The report lists at most this many lines; a note says where it stopped. */
export const REPORT_LINES = 1000
/** Each listed line's text is cut to this many characters. */
export const REPORT_TEXT_CHARS = 200

const LINE_CLASSES = ['title', 'metadata', 'story', 'caption', 'furniture', 'annotation'] as const

/** One value read from the page, with the line it came from. */
export const FieldReportSchema = z.object({
  field: z
    .string()
    .describe(
      '`published`, `updated`, `source`, `author`, `editor`, `photographer`, `views`, `keywords`, `contact` (a press contact), `book` (a reviewed book’s data: its author, publisher, day), or `other` (a label this service does not read)',
    ),
  value: z
    .union([z.string(), z.array(z.string()), z.null()])
    .describe(
      'A date as stored (RFC 3339, or YYYY-MM-DD for a day), a name, names; null for a date that could not be read',
    ),
  line: z.number().int().describe('The line it was read from (1-based)'),
  label: z.string().optional().describe('The label it was printed with (`來源`, `By`)'),
  precision: z
    .enum(['date', 'time'])
    .optional()
    .describe('Dates: a day alone, or a day and a time'),
})

export const ImportReportSchema = z.object({
  format: z.enum(['text', 'markdown', 'html']),
  title: z
    .object({
      lines: z.array(z.number().int()).describe('One line, or two on a bilingual page'),
      text: z.string(),
    })
    .nullable()
    .describe('The line(s) that became the title, and the title made of them'),
  fields: z.array(FieldReportSchema).describe('Every value read from the page'),
  lines: z
    .array(
      z.object({
        line: z
          .number()
          .int()
          .describe('1-based: a line of the text, or of an HTML page’s block text'),
        class: z.enum(LINE_CLASSES),
        reason: z
          .string()
          .describe('Why, in a word or two: `paragraph`, `label 來源`, `breadcrumb`…'),
        kept: z.boolean().describe('In the article’s body'),
        text: z
          .string()
          .describe(`The line as posted, cut to ${REPORT_TEXT_CHARS} characters (… marks a cut)`),
      }),
    )
    .describe(`Every non-blank line, in order, up to ${REPORT_LINES}`),
  body: z
    .object({ first_line: z.number().int(), last_line: z.number().int() })
    .nullable()
    .describe('The first and last lines of the body'),
  notes: z
    .array(
      z.object({
        code: z.enum(['long-line', 'no-date', 'date-unread', 'relative-date', 'lines-not-listed']),
        line: z.number().int().optional(),
        text: z.string(),
      }),
    )
    .describe('What could not be read, and why'),
  annotations: z
    .object({
      mode: z.enum(['strip', 'keep', 'ruby']),
      found: z.number().int(),
      exact: z.number().int(),
      han: z.number().int(),
      annotated: z.boolean(),
      removed: z.number().int(),
      ruby: z.number().int(),
    })
    .describe(
      'Phonetic annotations: found, matching the dictionary exactly, removed or shown as ruby',
    ),
})

export type ImportFormat = z.infer<typeof ImportReportSchema>['format']
export type ReportLine = z.infer<typeof ImportReportSchema>['lines'][number]
export type ImportNote = z.infer<typeof ImportReportSchema>['notes'][number]
export type ImportReport = z.infer<typeof ImportReportSchema>

/** The report's lines: every non-blank line with its verdict, up to REPORT_LINES. */
export function reportLines(
  lines: readonly PageLine[],
  verdicts: readonly Verdict[],
  notes: ImportNote[],
): ReportLine[] {
  const out: ReportLine[] = []
  for (let i = 0; i < lines.length; i++) {
    const v = verdicts[i]!
    if (v.class === 'blank') continue
    if (out.length === REPORT_LINES) {
      notes.push({
        code: 'lines-not-listed',
        line: i + 1,
        text: `lines from ${i + 1} on are not listed: the report lists ${REPORT_LINES} lines at most`,
      })
      break
    }
    const text = lines[i]!.text
    out.push({
      line: i + 1,
      class: v.class,
      reason: v.reason,
      kept: v.kept,
      text: text.length > REPORT_TEXT_CHARS ? text.slice(0, cutAt(text)) + '…' : text,
    })
  }
  return out
}

/** REPORT_TEXT_CHARS, or one less so as not to cut a surrogate pair in half. */
function cutAt(text: string): number {
  const last = text.charCodeAt(REPORT_TEXT_CHARS - 1)
  return last >= 0xd800 && last <= 0xdbff ? REPORT_TEXT_CHARS - 1 : REPORT_TEXT_CHARS
}
