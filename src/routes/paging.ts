import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { problem } from '../problem'
import { readPage } from '../store/articles'

export const LIMIT_MAX = 100

/** `?limit=` and `?cursor=` of a listing, checked; `limit` is undefined when not given. */
export function pageQuery(c: Context<AppEnv>): { limit?: number; cursor?: string } {
  const raw = c.req.query('limit')
  const limit = raw === undefined ? undefined : Number(raw)
  if (limit !== undefined && (!/^\d+$/.test(raw!) || limit < 1 || limit > LIMIT_MAX)) {
    throw problem(400, {
      title: 'Invalid limit',
      detail: `limit must be a whole number from 1 to ${LIMIT_MAX}, not "${raw}".`,
      errors: [{ pointer: '/limit', detail: 'out of range' }],
    })
  }
  return { limit, cursor: c.req.query('cursor') || undefined }
}

/** A page of articles; a cursor KV does not accept is the client's mistake (400), not ours. */
export async function readPageChecked(
  c: Context<AppEnv>,
  options: { tag?: string; limit: number; cursor?: string },
) {
  try {
    return await readPage(c.var.kv, options)
  } catch (e) {
    if (options.cursor === undefined) throw e
    throw problem(400, {
      title: 'Invalid cursor',
      detail: 'The cursor is not one this service gave out; start again from the first page.',
      errors: [{ pointer: '/cursor', detail: 'not a valid cursor' }],
    })
  }
}
