/**
 * One URL per page. Workers Cache keys on the path and the exact query string, so a query
 * parameter a page does not use (`?utm_source=`, `?x=<random>`), a default written out
 * (`?limit=20`), or the same parameters in another order would each render and store a copy
 * of their own. Such a request is sent to the canonical URL instead: a `301` that is not
 * stored, so junk parameters cost neither a render nor a cache entry.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { parseLimit } from '../http/paging'
import { NO_STORE } from './policy'

type Param = 'limit' | 'cursor'

/** The canonical value of a parameter, or undefined when it should not be in the URL. */
function canonicalValue(name: Param, raw: string, pageSize: number): string | undefined {
  if (raw === '') return undefined
  if (name === 'cursor') return raw
  const limit = parseLimit(raw)
  return limit === pageSize ? undefined : String(limit)
}

function canonicalQuery(allowed: readonly Param[]): MiddlewareHandler<AppEnv> {
  return async function canonicalQuery(c, next) {
    const url = new URL(c.req.url)
    const canonical = new URLSearchParams()
    for (const name of allowed) {
      const raw = url.searchParams.get(name)
      const value = raw === null ? undefined : canonicalValue(name, raw, c.var.config.pageSize)
      if (value !== undefined) canonical.set(name, value)
    }
    const search = canonical.toString()
    if (url.search.slice(1) === search) return next()
    return new Response(null, {
      status: 301,
      headers: { Location: url.pathname + (search ? `?${search}` : ''), 'Cache-Control': NO_STORE },
    })
  }
}

/** For listings and feeds: `limit` and `cursor`, in that order. */
export const listingQuery = canonicalQuery(['limit', 'cursor'])

/** For every other public page: no query at all. */
export const noQuery = canonicalQuery([])
