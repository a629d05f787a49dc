/**
 * The listings an article is in besides the site's: one per tag and one per author. Each has
 * its page and feeds (`/tags/{tag}`, `/authors/{slug}`), found by any spelling that folds
 * alike: case, and Traditional or Simplified characters (經開區 and 经开区; 王曉明 and 王晓明).
 */
import type { Author } from './model'
import { foldScript } from './script-fold'
import { foldTag, normalizeTag } from './tags'
import { tagSpellings } from './variants'

export type ListingKind = 'tag' | 'author'

/** A tag's or an author's listing, named as a request or an article spells it. */
export interface Listing {
  kind: ListingKind
  name: string
}

/** The longest slug: like a tag, at most 64 characters. */
const SLUG_CHARS = 64

/**
 * An author's path segment: the name in lower case, each run of what is not a letter, a mark or
 * a digit made one hyphen (`Jane Doe` is `jane-doe`, `Zoë O'Brien` `zoë-o-brien`). Han names
 * keep their characters (`王小明`): any transliteration would give homophones one page
 * (王小明 and 汪小明 are both Wang Xiaoming) and change when a dictionary does. A name with no
 * letter at all is `author` and a hash of it.
 */
export function authorSlug(name: string): string {
  const slug = [
    ...lowerNormal(name)
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, ''),
  ]
    .slice(0, SLUG_CHARS)
    .join('')
    .replace(/-+$/, '')
  return lowerNormal(slug) || `author-${fnv1a(name)}`
}

/**
 * Lower case and NFKC, applied until neither changes anything: once is not enough, as
 * lowering can make what composes (H + U+0331 stays two characters; h + U+0331 is ẖ), and a
 * slug must be its own slug, or the page a byline links to would be another page's.
 */
function lowerNormal(text: string): string {
  let current = text
  for (let i = 0; i < 4; i++) {
    const next = current.toLowerCase().normalize('NFKC')
    if (next === current) break
    current = next
  }
  return current
}

/** A short, stable hash (FNV-1a, 32 bits) as 8 hex digits. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5
  for (const unit of new TextEncoder().encode(text)) {
    hash = Math.imul(hash ^ unit, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}

/** What a listing is stored and compared by: one key for every spelling that folds alike. */
export function listingFold(listing: Listing): string {
  return listing.kind === 'tag' ? foldTag(listing.name) : foldScript(authorSlug(listing.name))
}

/** What an article needs for its listings: its tags (in every script) and authors. */
type Listed = Parameters<typeof tagSpellings>[0] & { authors: Author[] }

/** One listing of an article: its fold, and every spelling the article gives it. */
export interface ArticleListing {
  kind: ListingKind
  fold: string
  spellings: [string, ...string[]]
}

/**
 * Every listing an article is in, each once with the spellings that name it: its tags' (as
 * written and in the other script: 軟體 and 软件 fold apart, so are two) and its authors'.
 */
export function listingsOf(article: Listed): ArticleListing[] {
  const found = new Map<string, ArticleListing>()
  const add = (kind: ListingKind, name: string) => {
    const fold = listingFold({ kind, name })
    const key = `${kind}\n${fold}`
    const listing = found.get(key)
    if (!listing) found.set(key, { kind, fold, spellings: [name] })
    else if (!listing.spellings.includes(name)) listing.spellings.push(name)
  }
  for (const tag of tagSpellings(article)) add('tag', tag)
  for (const author of article.authors) add('author', normalizeTag(author.name))
  return [...found.values()]
}

/** An article's listing as one named by its first spelling. */
export function listingNamed(listing: ArticleListing): Listing {
  return { kind: listing.kind, name: listing.spellings[0] }
}

/** Whether an article is in `listing` (a stale index key may say so of one that is not). */
export function isIn(article: Listed, listing: Listing): boolean {
  const fold = listingFold(listing)
  return listingsOf(article).some((l) => l.kind === listing.kind && l.fold === fold)
}
