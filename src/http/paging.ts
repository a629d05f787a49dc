import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { problem } from './problem'
import { LIMITS } from '../articles/limits'
import { tagResponse } from '../edge/headers'
import { ALL, articleTag, listingTag } from '../edge/tags'
import { readPage, type ArticlePage } from '../store/articles'

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

/** One page of a listing as a request asks for it: the articles, and the query it gave. */
export interface Listing {
  page: ArticlePage
  limit?: number
  cursor?: string
}

/**
 * The page of the site's or a tag's listing that a page or feed request asks for, its response
 * tagged with the listing and every article it shows (both representations of a feed carry
 * the same tags). Undefined for a tag longer than any article may have: KV is not asked.
 */
export async function readListing(c: Context<AppEnv>, tag?: string): Promise<Listing | undefined> {
  if (tag !== undefined && [...tag].length > LIMITS.tagChars) return undefined
  const { limit, cursor } = pageQuery(c)
  const page = await readPageChecked(c, { tag, limit: limit ?? c.var.config.pageSize, cursor })
  tagResponse(
    c,
    tag === undefined ? ALL : listingTag(tag),
    ...page.items.map((a) => articleTag(a.id)),
  )
  return { page, limit, cursor }
}

/** A page of articles; a cursor KV does not accept is the client's mistake (400), not ours. */
async function readPageChecked(
  c: Context<AppEnv>,
  options: { tag?: string; limit: number; cursor?: string },
): Promise<ArticlePage> {
  try {
    return await readPage(c.env.ARTICLES, options)
  } catch (e) {
    if (options.cursor === undefined) throw e
    throw problem(400, {
      title: 'Invalid cursor',
      detail: 'The cursor is not one this service gave out; start again from the first page.',
      errors: [{ pointer: '/cursor', detail: 'not a valid cursor' }],
    })
  }
}
