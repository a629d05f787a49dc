import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { ArticleInput } from '../articles/schema'
import { importPlainText, type ImportReport } from '../articles/import/plaintext'
import { problem } from '../problem'
import { parseValid, readJsonBody } from './validate'

/**
 * The article in a write request: JSON, or plain text / Markdown imported with a report.
 * Text imports take `tags` (comma-separated), `language` and `id` from the query string.
 */
export async function readArticle(
  c: Context<AppEnv>,
): Promise<{ input: ArticleInput; report?: ImportReport }> {
  const type = (c.req.header('Content-Type') ?? '').toLowerCase()
  const format = /^text\/plain\b/.test(type)
    ? 'text'
    : /^text\/(markdown|x-markdown)\b/.test(type)
      ? 'markdown'
      : undefined
  if (!format) return { input: await readJsonBody(c, ArticleInput) }
  const text = decode(await c.req.arrayBuffer(), /charset="?([\w-]+)/.exec(type)?.[1] ?? 'utf-8')
  const { fields, report } = importPlainText(text, format, c.var.config.timeZone)
  const tags = c.req
    .queries('tags')
    ?.flatMap((t) => t.split(','))
    .filter((t) => t.trim())
  const query = {
    ...(c.req.query('id') ? { id: c.req.query('id') } : {}),
    ...(c.req.query('language') ? { language: c.req.query('language') } : {}),
    ...(tags?.length ? { tags } : {}),
  }
  return { input: parseValid(ArticleInput, { ...fields, ...query }), report }
}

/** Bytes as text in the declared charset; never guessed, so nothing turns into mojibake. */
function decode(bytes: ArrayBuffer, charset: string): string {
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(charset, { fatal: true, ignoreBOM: false })
  } catch {
    throw problem(415, {
      title: 'Unsupported Media Type',
      detail: `The charset "${charset}" is not supported; send UTF-8.`,
    })
  }
  try {
    return decoder.decode(bytes)
  } catch {
    throw problem(400, {
      title: 'Malformed text',
      detail: `The body is not valid ${charset}; nothing was stored. Send it as UTF-8.`,
      errors: [{ pointer: '', detail: `not valid ${charset}` }],
    })
  }
}
