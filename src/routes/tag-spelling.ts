/**
 * One URL per listing, and that one announced to WebSub hubs. The coordinator pings the feeds
 * of each spelling its articles are listed under, as written (經開區 and 经开区 both, in each
 * script's feeds; an author at their name's slug: src/desk/pings.ts). `/tags/NEWS/atom.xml`
 * shows the same articles as `/tags/News/atom.xml` but no hub hears of it, so its subscribers
 * would never learn of a change: a listing asked for in a spelling no article is listed under
 * (another case, another Unicode form, a mix of scripts) is sent with a 301 to the live
 * spelling closest to it.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { authorSlug, listingFold, type Listing, type ListingKind } from '../articles/listings'
import { spellingOf } from '../articles/tags'
import { tagResponse } from '../edge/headers'
import { listingTag } from '../edge/tags'
import { listingSpellings } from '../store/listings'
import { MAX_NAME_CHARS } from './listing'
import { listingPath, scriptPrefix } from '../urls'

/** How many characters two spellings share, place by place (經開区 is nearer 經開區 than 经开区). */
function shared(a: string, b: string): number {
  const [x, y] = [[...a], [...b]]
  return x.filter((ch, i) => ch === y[i]).length
}

/** A listing's path segment as written: a tag as it is, an author as the slug of the name. */
const segmentOf = (kind: ListingKind, name: string) => (kind === 'tag' ? name : authorSlug(name))

/**
 * The live spelling a request for `listing` is sent to, or undefined when `listing` is one (or
 * no article is in it, which the listing answers with its 404). The same letters in another
 * case come first, then the spelling sharing the most characters, then the list's order.
 */
export function canonicalSpelling(listing: Listing, live: readonly string[]): string | undefined {
  const { kind, name } = listing
  const fold = listingFold(listing)
  const candidates = live
    .filter((s) => listingFold({ kind, name: s }) === fold)
    .map((s) => segmentOf(kind, s))
    .filter((s, i, all) => all.indexOf(s) === i)
  if (candidates.length === 0 || candidates.includes(name)) return undefined
  const sameLetters = candidates.find((s) => spellingOf(s) === spellingOf(name))
  if (sameLetters !== undefined) return sameLetters
  return candidates.reduce((best, s) => (shared(s, name) > shared(best, name) ? s : best))
}

/**
 * For `/tags/:tag{tail}` and `/authors/:author{tail}`: a spelling no article is listed under
 * gets a 301 to the live one (the query kept: a cursor is signed for the listing, which is the
 * same). The listing's spellings are read by its fold, one small KV value whatever the site's
 * size, and kept for the heading (`listingNames`). The redirect is tagged with the listing, so
 * a write that makes the spelling live purges it.
 */
export function liveSpelling(kind: ListingKind, tail: string): MiddlewareHandler<AppEnv> {
  return async function liveSpelling(c, next) {
    const name = c.req.param(kind)
    if (name === undefined || [...name].length > MAX_NAME_CHARS[kind]) return next()
    const live = await listingSpellings(c.env.ARTICLES, kind, listingFold({ kind, name }))
    c.set('listingNames', live)
    const canonical = canonicalSpelling({ kind, name }, live)
    if (canonical === undefined) return next()
    tagResponse(c, listingTag({ kind, name }))
    const query = new URL(c.req.url).search
    const path = listingPath({ kind, name: canonical })
    return c.redirect(scriptPrefix(c.var.script) + path + tail + query, 301)
  }
}
