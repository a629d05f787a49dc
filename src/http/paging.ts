/** `?limit=` and `?cursor=`: how a listing or feed is asked for page by page. */
import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { problem } from './problem'

/** The most items one page of a listing or feed may hold. */
export const LIMIT_MAX = 100

/** A `?limit=` value, checked: a whole number from 1 to LIMIT_MAX, or 400. */
export function parseLimit(raw: string): number {
  const limit = Number(raw)
  if (!/^\d+$/.test(raw) || limit < 1 || limit > LIMIT_MAX) {
    throw problem(400, {
      title: 'Invalid limit',
      detail: `limit must be a whole number from 1 to ${LIMIT_MAX}, not "${raw.slice(0, 20)}".`,
      errors: [{ pointer: '/limit', detail: 'out of range' }],
    })
  }
  return limit
}

/** `?limit=` and `?cursor=` of a listing; `limit` is undefined when not given. */
export function pageQuery(c: Context<AppEnv>): { limit?: number; cursor?: string } {
  const raw = c.req.query('limit')
  return {
    limit: raw === undefined ? undefined : parseLimit(raw),
    cursor: c.req.query('cursor') || undefined,
  }
}
