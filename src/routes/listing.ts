/**
 * A page of the site's, a tag's or an author's listing, as the page and feed sub-apps both
 * serve it: the query read, what the page shows read from KV (articles for a feed, cards for
 * a list page), and the response tagged for purging and dated with the listing's last change.
 */
import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { LIMITS } from '../articles/limits'
import { listingFold, type Listing } from '../articles/listings'
import { changedAt, tagResponse } from '../edge/headers'
import { articleTag, listingTag } from '../edge/tags'
import { openCursor, signCursor } from '../http/cursor'
import { pageQuery } from '../http/paging'
import { readArticles, readCards, type ListingPage, type ListingRead } from '../store/articles'

/** The longest name a listing can have: a tag's, or an author's. */
export const MAX_NAME_CHARS = { tag: LIMITS.tagChars, author: LIMITS.nameChars }

/** One page of a listing as a request asks for it: what it shows, and the query it gave. */
export interface AskedPage<T> {
  page: ListingPage<T>
  limit?: number
  cursor?: string
}

/**
 * The page of a listing that a page or feed request asks for, read by `read` (cards or
 * articles), its response tagged with the listing and every article it shows (both
 * representations of a feed carry the same tags) and given its Last-Modified.
 *
 * Undefined when there is nothing to show: a name longer than any article may give (KV is not
 * asked), or one no article has, so that made-up listings get a short-lived 404 rather than a
 * page of their own. A cursor this service did not give out for this listing and page size is
 * refused (400) before KV is asked.
 */
export async function readListing<T extends { id: string }>(
  c: Context<AppEnv>,
  read: (kv: KVNamespace, what: ListingRead) => Promise<ListingPage<T>>,
  listing?: Listing,
): Promise<AskedPage<T> | undefined> {
  if (listing !== undefined && [...listing.name].length > MAX_NAME_CHARS[listing.kind]) {
    return undefined
  }
  const { limit, cursor } = pageQuery(c)
  const size = limit ?? c.var.config.pageSize
  const scope = `${listing ? `${listing.kind}:${listingFold(listing)}` : ''}\n${size}`
  const secret = c.var.config.adminToken
  const kvCursor = cursor === undefined ? undefined : await openCursor(cursor, scope, secret)
  const cacheTag = listingTag(listing)
  const got = await read(c.env.ARTICLES, { listing, limit: size, cursor: kvCursor, cacheTag })
  if (listing !== undefined && got.items.length === 0 && cursor === undefined) {
    // Tagged, so the first article in this listing purges the 404.
    tagResponse(c, cacheTag)
    return undefined
  }
  tagResponse(c, cacheTag, ...got.items.map((a) => articleTag(a.id)))
  const changedMs = changedAt(c, got.changedMs)
  const next = got.cursor === undefined ? undefined : await signCursor(got.cursor, scope, secret)
  return { page: { items: got.items, changedMs, ...(next ? { cursor: next } : {}) }, limit, cursor }
}

/** A feed's page: whole articles, within the feed page budget. */
export const readFeedListing = (c: Context<AppEnv>, listing?: Listing) =>
  readListing(c, readArticles, listing)

/** A list page: the cards of its articles. */
export const readCardListing = (c: Context<AppEnv>, listing?: Listing) =>
  readListing(c, readCards, listing)

/**
 * A listing's heading: a tag as asked for (each live spelling is its own address); an author's
 * name as `liveSpelling` read it, the one rule of src/desk/spellings.ts (`Jane Doe` for
 * `/authors/jane-doe`, on every page and in every feed and the OPML alike).
 */
export function headingOf(listing: Listing, names: readonly string[] | undefined): string {
  if (listing.kind === 'tag') return listing.name
  return names?.[0] ?? listing.name
}
