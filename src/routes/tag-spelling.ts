/**
 * One URL per tag listing, and that one announced to WebSub hubs. The coordinator pings the
 * feeds of each spelling its articles are listed under, as written (經開區 and 经开区 both, in
 * each script's feeds: src/desk/pings.ts). `/tags/NEWS/atom.xml` shows the same articles as
 * `/tags/News/atom.xml` but no hub hears of it, so its subscribers would never learn of a
 * change: a tag asked for in a spelling no article is listed under (another case, another
 * Unicode form, a mix of scripts) is sent with a 301 to the live spelling closest to it.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { foldTag, spellingOf } from '../articles/tags'
import { tagResponse } from '../edge/headers'
import { FEEDS, listingTag } from '../edge/tags'
import { listTags } from '../store/listings'
import { scriptPrefix, tagPath } from '../urls'

/** How many characters two spellings share, place by place (經開区 is nearer 經開區 than 经开区). */
function shared(a: string, b: string): number {
  const [x, y] = [[...a], [...b]]
  return x.filter((ch, i) => ch === y[i]).length
}

/**
 * The live spelling a request for `tag` is sent to, or undefined when `tag` is one (or no
 * article has the tag, which the listing answers with its 404). The same letters in another
 * case come first, then the spelling sharing the most characters, then the list's order.
 */
export function canonicalSpelling(tag: string, live: readonly string[]): string | undefined {
  const fold = foldTag(tag)
  const candidates = live.filter((s) => foldTag(s) === fold)
  if (candidates.length === 0 || candidates.includes(tag)) return undefined
  const sameLetters = candidates.find((s) => spellingOf(s) === spellingOf(tag))
  if (sameLetters !== undefined) return sameLetters
  return candidates.reduce((best, s) => (shared(s, tag) > shared(best, tag) ? s : best))
}

/**
 * For `/tags/:tag{tail}`: a spelling no article is listed under gets a 301 to the live one
 * (the query kept: a cursor is signed for the listing, which is the same). The redirect is
 * tagged with the listing, so a write that makes the spelling live purges it.
 */
export function liveSpelling(tail: string): MiddlewareHandler<AppEnv> {
  return async function liveSpelling(c, next) {
    const tag = c.req.param('tag')
    if (tag === undefined) return next()
    const { tags } = await listTags(c.env.ARTICLES, FEEDS)
    const canonical = canonicalSpelling(tag, tags)
    if (canonical === undefined) return next()
    tagResponse(c, listingTag(tag))
    const query = new URL(c.req.url).search
    return c.redirect(scriptPrefix(c.var.script) + tagPath(canonical) + tail + query, 301)
  }
}
