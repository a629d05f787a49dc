/**
 * A page of the site's or a tag's listing, as the page and feed sub-apps both serve it: the
 * query read, the articles read from KV, and the response tagged for purging.
 */
import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { LIMITS } from '../articles/limits'
import { tagResponse } from '../edge/headers'
import { ALL, articleTag, listingTag } from '../edge/tags'
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
 * the same tags). Undefined for a tag longer than any article may have: KV is not asked.
 */
export async function readListing(c: Context<AppEnv>, tag?: string): Promise<Listing | undefined> {
  if (tag !== undefined && [...tag].length > LIMITS.tagChars) return undefined
  const { limit, cursor } = pageQuery(c)
  const page = await readPage(c.env.ARTICLES, {
    tag,
    limit: limit ?? c.var.config.pageSize,
    cursor,
  })
  tagResponse(
    c,
    tag === undefined ? ALL : listingTag(tag),
    ...page.items.map((a) => articleTag(a.id)),
  )
  return { page, limit, cursor }
}
