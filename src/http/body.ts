import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../env'
import { ArticleInput } from '../articles/schema'
import { applyAnnotationChoice } from '../articles/import/annotation-choice'
import { ANNOTATION_MODES } from '../articles/import/modes'
import { importHtml } from '../articles/import/html-import'
import { importPlainText, type ImportReport } from '../articles/import/plaintext'
import { charsetOf, decodeBody } from './charset'
import { isTimeZone } from '../time'
import { parseValid, readJsonBody } from './validate'

/**
 * `?annotations=`: what a text import does with phonetic annotations; `?timezone=`: the zone
 * a page's times are in when it names none (a Paris outlet's page pasted on a Taipei site).
 */
const ImportQuery = z.object({
  annotations: z.enum(ANNOTATION_MODES).optional(),
  timezone: z.string().refine(isTimeZone, 'an IANA time zone such as Europe/Paris').optional(),
})

/**
 * The article in a write request: JSON, or plain text / Markdown / HTML imported with a report.
 * Imports take `tags` (comma-separated), `language`, `id`, `annotations` and `timezone` from the
 * query string. Either way the annotations choice is applied before the id is derived, so
 * readings never become a slug.
 */
export async function readArticle(
  c: Context<AppEnv>,
): Promise<{ input: ArticleInput; report?: ImportReport }> {
  const type = (c.req.header('Content-Type') ?? '').toLowerCase()
  const format = /^text\/plain\b/.test(type)
    ? 'text'
    : /^text\/(markdown|x-markdown)\b/.test(type)
      ? 'markdown'
      : /^text\/html\b/.test(type)
        ? 'html'
        : undefined
  if (!format) return { input: applyAnnotationChoice(await readJsonBody(c, ArticleInput)) }
  const { annotations, timezone } = parseValid(ImportQuery, {
    annotations: c.req.query('annotations'),
    timezone: c.req.query('timezone'),
  })
  const zone = timezone ?? c.var.config.timeZone
  const text = decodeBody(await c.req.arrayBuffer(), charsetOf(type))
  const { fields, extras, report } =
    format === 'html'
      ? importHtml(text, zone, annotations)
      : importPlainText(text, format, zone, annotations)
  const tags = c.req
    .queries('tags')
    ?.flatMap((t) => t.split(','))
    .filter((t) => t.trim())
  const query = {
    ...(c.req.query('id') ? { id: c.req.query('id') } : {}),
    ...(c.req.query('language') ? { language: c.req.query('language') } : {}),
    ...(tags?.length ? { tags } : {}),
    ...(c.req.query('rehost_images') === 'true' ? { rehost_images: true } : {}),
  }
  // What the server keeps besides is added after validation: JSON may not send it.
  return { input: { ...parseValid(ArticleInput, { ...fields, ...query }), ...extras }, report }
}
