/**
 * A page of the site's or a tag's listing, as the page and feed sub-apps both serve it: the
 * query read, what the page shows read from KV (articles for a feed, cards for a list page),
 * and the response tagged for purging and dated with the listing's last change.
 */
import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { LIMITS } from '../articles/limits'
import { foldTag } from '../articles/tags'
import { changedAt, tagResponse } from '../edge/headers'
import { ALL, articleTag, listingTag } from '../edge/tags'
import { openCursor, signCursor } from '../http/cursor'
import { pageQuery } from '../http/paging'
import { readArticles, readCards, type ListingPage, type ListingRead } from '../store/articles'

/** One page of a listing as a request asks for it: what it shows, and the query it gave. */
export interface Listing<T> {
  page: ListingPage<T>
  limit?: number
  cursor?: string
}

/**
 * The page of the site's or a tag's listing that a page or feed request asks for, read by
 * `read` (cards or articles), its response tagged with the listing and every article it
 * shows (both representations of a feed carry the same tags) and given its Last-Modified.
 *
 * Undefined when there is nothing to show: a tag longer than any article may have (KV is not
 * asked), or one no article has, so that made-up tags get a short-lived 404 rather than a
 * page of their own. A cursor this service did not give out for this listing and page size is
 * refused (400) before KV is asked.
 */
export async function readListing<T extends { id: string }>(
  c: Context<AppEnv>,
  read: (kv: KVNamespace, what: ListingRead) => Promise<ListingPage<T>>,
  tag?: string,
): Promise<Listing<T> | undefined> {
  if (tag !== undefined && [...tag].length > LIMITS.tagChars) return undefined
  const { limit, cursor } = pageQuery(c)
  const size = limit ?? c.var.config.pageSize
  const scope = `${tag === undefined ? '' : foldTag(tag)}\n${size}`
  const secret = c.var.config.adminToken
  const kvCursor = cursor === undefined ? undefined : await openCursor(cursor, scope, secret)
  const cacheTag = tag === undefined ? ALL : listingTag(tag)
  const got = await read(c.env.ARTICLES, { tag, limit: size, cursor: kvCursor, cacheTag })
  if (tag !== undefined && got.items.length === 0 && cursor === undefined) {
    // Tagged, so the first article with this tag purges the 404.
    tagResponse(c, cacheTag)
    return undefined
  }
  tagResponse(c, cacheTag, ...got.items.map((a) => articleTag(a.id)))
  const changedMs = changedAt(c, got.changedMs)
  const next = got.cursor === undefined ? undefined : await signCursor(got.cursor, scope, secret)
  return { page: { items: got.items, changedMs, ...(next ? { cursor: next } : {}) }, limit, cursor }
}

/** A feed's page: whole articles, within the feed page budget. */
export const readFeedListing = (c: Context<AppEnv>, tag?: string) =>
  readListing(c, readArticles, tag)

/** A list page: the cards of its articles. */
export const readCardListing = (c: Context<AppEnv>, tag?: string) => readListing(c, readCards, tag)
