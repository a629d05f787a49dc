/**
 * Cache tags: the names a cached response carries (`Cache-Tag`) for what it shows, so that a
 * write purges exactly the responses it changed.
 *
 * | tag         | carried by                                                                   |
 * | ----------- | ---------------------------------------------------------------------------- |
 * | `all`       | every page of the site's listing (home, feeds, both scripts), newer/older    |
 * | `t:{fold}`  | every page of one tag's listing, all its spellings, formats and scripts      |
 * | `u:{fold}`  | every page of one author's listing, likewise                                 |
 * | `a:{id}`    | the article's page (200, 404 or 410) and every listing page showing the item |
 * | `sitemap`   | the sitemap and its parts                                                    |
 * | `feeds`     | `/feeds`, the list of every tag's feeds                                      |
 * | `static`    | the stylesheet, icon, script and robots.txt: they change only with a deploy  |
 * | `m:{sha256}`| a stored file and its variants: purged when the file is deleted             |
 *
 * Workers Cache takes printable ASCII tags only (it drops others silently), matches them
 * case-insensitively, and allows 1,000 tags and 16 KB of header per response. `{fold}` is the
 * tag folded for case and script (one listing for 經開區 and 经开区), percent-encoded: folded
 * tags have no upper-case ASCII letters, so the upper-case hex of the encoding can not make
 * two tags equal under case-insensitive matching, and `%` itself is encoded. Ids are ASCII
 * slugs already.
 */
import { listingFold, type Listing } from '../articles/listings'

export const ALL = 'all'
export const SITEMAP = 'sitemap'
export const FEEDS = 'feeds'
export const STATIC = 'static'

export function articleTag(id: string): string {
  return `a:${id}`
}

/** Whether a tag names one article (its page) rather than a listing or a list. */
export function isArticleTag(tag: string): boolean {
  return tag.startsWith('a:')
}

/** A stored file and its variants. */
export function mediaTag(key: string): string {
  return `m:${key}`
}

/**
 * The cache tag of a listing: `all` for the site's, `t:{fold}` for a tag's, `u:{fold}` for an
 * author's. Every spelling that folds alike gives the same one.
 */
export function listingTag(listing?: Listing): string {
  if (listing === undefined) return ALL
  return `${listing.kind === 'tag' ? 't' : 'u'}:${encodeURIComponent(listingFold(listing))}`
}

/** Printable ASCII without the comma that separates tags, at most 1,024 characters. */
const VALID = /^[\x21-\x2B\x2D-\x7E]{1,1024}$/
export const MAX_TAGS = 1000
export const MAX_HEADER_BYTES = 16 * 1024

/** True for a tag Workers Cache keeps. */
export function isValidTag(tag: string): boolean {
  return VALID.test(tag)
}

/**
 * The `Cache-Tag` header for a set of tags. Throws when a tag would be dropped or the header
 * would pass Workers Cache's limits: a response that silently lost a tag would never be
 * purged, which is worse than failing loudly in tests.
 */
export function cacheTagHeader(tags: Iterable<string>): string {
  const unique = [...new Set(tags)]
  const bad = unique.find((t) => !isValidTag(t))
  if (bad !== undefined) throw new RangeError(`not a valid cache tag: ${JSON.stringify(bad)}`)
  const header = unique.join(',')
  if (unique.length > MAX_TAGS || header.length > MAX_HEADER_BYTES) {
    throw new RangeError(`${unique.length} cache tags (${header.length} bytes) exceed the limits`)
  }
  return header
}
