/**
 * Which cache tags a change to one article purges: the other half of the contract in tags.ts.
 * A test replays random writes against a simulated Workers Cache and checks that after each
 * write's purges no cached page differs from a fresh render.
 */
import type { Article } from '../articles/model'
import { listingNamed, listingsOf } from '../articles/listings'
import { ALL, articleTag, listingTag, SITEMAP } from './tags'

/** The listing tags of an article: one per folded tag and per author, whatever the spelling. */
export function listingTagsOf(article: Article): string[] {
  return listingsOf(article).map((listing) => listingTag(listingNamed(listing)))
}

/**
 * The tags whose responses change when the public view of an article goes from `before` to
 * `after` (undefined: not public, as when it does not exist, is scheduled or deleted).
 *
 * - Its own page (and its 404 or 410) and every listing page showing it carry `a:{id}`, so an
 *   edit that keeps its place purges only that tag (and the sitemap, for `lastmod`).
 * - Appearing, disappearing or moving in time shifts every page of the site's listing and of
 *   each of its tags' and authors' listings, and the newer/older links: `all`, each `t:` and
 *   each `u:`.
 * - A tag or an author gained or lost changes that listing.
 *
 * The list of feeds (`feeds`) is not here: it shows the site's tag spellings and authors as
 * KV's `meta:tags` and `meta:authors` hold them, so it is purged by the write of those lists
 * (src/desk/outbox.ts), which is the moment it changes.
 */
export function tagsChangedBy(before?: Article, after?: Article): string[] {
  if (!before && !after) return []
  const tags = new Set([articleTag((before ?? after)!.id), SITEMAP])
  const old = new Set(before ? listingTagsOf(before) : [])
  const now = new Set(after ? listingTagsOf(after) : [])
  if (!before || !after || before.published !== after.published) {
    tags.add(ALL)
    for (const t of [...old, ...now]) tags.add(t)
    return [...tags]
  }
  for (const t of old) if (!now.has(t)) tags.add(t)
  for (const t of now) if (!old.has(t)) tags.add(t)
  return [...tags]
}
