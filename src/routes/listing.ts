/**
 * A page of the site's or a tag's listing, as the page and feed sub-apps both serve it: the
 * query read, the articles read from KV, and the response tagged for purging.
 */
import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { LIMITS } from '../articles/limits'
import { tagResponse } from '../edge/headers'
import { ALL, articleTag, listingTag } from '../edge/tags'
import { foldTag } from '../articles/tags'
import { openCursor, signCursor } from '../http/cursor'
import { pageQuery } from '../http/paging'
import { readPage, type ArticlePage } from '../store/articles'

/** One page of a listing as a request asks for it: the articles, and the query it gave. */
export interface Listing {
  page: ArticlePage
  limit?: number
  cursor?: string
}

/**
 * The page of the site's or a tag's listing that a page or feed request asks for, its response
 * tagged with the listing and every article it shows (both representations of a feed carry
 * the same tags). Undefined when there is nothing to show: a tag longer than any article may
 * have (KV is not asked), or one no article has, so that made-up tags get a short-lived 404
 * rather than a page of their own. A cursor this service did not give out for this listing
 * and page size is refused (400) before KV is asked.
 */
export async function readListing(c: Context<AppEnv>, tag?: string): Promise<Listing | undefined> {
  if (tag !== undefined && [...tag].length > LIMITS.tagChars) return undefined
  const { limit, cursor } = pageQuery(c)
  const size = limit ?? c.var.config.pageSize
  const scope = `${tag === undefined ? '' : foldTag(tag)}\n${size}`
  const secret = c.var.config.adminToken
  const kvCursor = cursor === undefined ? undefined : await openCursor(cursor, scope, secret)
  const read = await readPage(c.env.ARTICLES, { tag, limit: size, cursor: kvCursor })
  const listing = tag === undefined ? ALL : listingTag(tag)
  if (tag !== undefined && read.items.length === 0 && cursor === undefined) {
    // Tagged, so the first article with this tag purges the 404.
    tagResponse(c, listing)
    return undefined
  }
  tagResponse(c, listing, ...read.items.map((a) => articleTag(a.id)))
  const next = read.cursor === undefined ? undefined : await signCursor(read.cursor, scope, secret)
  return { page: { items: read.items, ...(next ? { cursor: next } : {}) }, limit, cursor }
}
