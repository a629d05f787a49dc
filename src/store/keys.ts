/**
 * Every KV key string the service uses is built here and nowhere else.
 *
 * | key                                          | value                        | metadata             |
 * | -------------------------------------------- | ---------------------------- | -------------------- |
 * | `article:{id}`                               | the public article (JSON)    | IndexMeta            |
 * | `card:{id}`                                  | what a list shows of it      |                      |
 * | `index:all:{rev}:{id}`                       | empty                        | IndexMeta            |
 * | `index:tag:{fold}:{rev}:{id}`                | empty                        | IndexMeta            |
 * | `index:author:{fold}:{rev}:{id}`             | empty                        | IndexMeta            |
 * | `tombstone:{id}`                             | `{deleted_at}` (expires)     |                      |
 * | `deleted:all:{rev}:{id}`, `deleted:tag:...`  | empty (expire)               | `{deleted_at}`       |
 * | `publisher:{sha256(token)}`                  | the publisher (JSON)         |                      |
 * | `meta:tags`                                  | the most used tags' spellings|                      |
 * | `meta:authors`                               | the most used authors' names |                      |
 * | `names:tag:{fold}`, `names:author:{fold}`    | a listing's live spellings   |                      |
 * | `changed:{cache tag}`                        | when its responses changed   |                      |
 * | `redirect:{path}`                            | an imported article's id     |                      |
 *
 * IndexMeta is `{published, updated, changed, bytes, language}` (src/store/layout.ts).
 *
 * KV is the read side: only the write coordinator (src/desk) writes these keys.
 *
 * `{rev}` is a fixed-width reverse timestamp of `published`, so `list()`, which returns keys
 * in byte order, returns the newest article first; articles published in the same second
 * follow in id order, which keeps paging stable. `{fold}` is the tag, or the author's slug,
 * folded (`listingFold`) for case and Traditional/Simplified characters, so one key serves
 * 經開區 and 经开区, with `%` and `:` escaped so that one listing never prefixes another. An id is read back by its place
 * after the fixed-width `{rev}`, never by searching for a separator, so no id can pass for
 * another.
 */
import { listingFold, type Listing, type ListingKind } from '../articles/listings'

const REV_WIDTH = 13
const REV_MAX = 10 ** REV_WIDTH - 1

/** Reverse-time sort key: newer instants give smaller strings. */
export function revOf(ms: number): string {
  return String(REV_MAX - Math.floor(ms / 1000) * 1000).padStart(REV_WIDTH, '0')
}

export function articleKey(id: string): string {
  return `article:${id}`
}

/** What a list page shows of an article (src/articles/model.ts `ArticleCard`). */
export function cardKey(id: string): string {
  return `card:${id}`
}

/**
 * When the responses carrying a cache tag (`all`, `t:{fold}`, `sitemap`, `feeds`) last
 * changed, in milliseconds: their Last-Modified. Cache tags are ASCII.
 */
export function changedKey(cacheTag: string): string {
  return `changed:${cacheTag}`
}

/** `tag:{fold}` or `author:{fold}`, with `%` and `:` escaped so no listing prefixes another. */
function listingSegment(listing: Listing): string {
  return foldSegment(listing.kind, listingFold(listing))
}

function foldSegment(kind: ListingKind, fold: string): string {
  return `${kind}:${fold.replace(/%/g, '%25').replace(/:/g, '%3A')}`
}

/**
 * The prefix under which one listing's index keys sort newest first: all articles, or one
 * tag's or author's.
 */
export function indexPrefix(listing?: Listing): string {
  return listing === undefined ? 'index:all:' : `index:${listingSegment(listing)}:`
}

export function indexKey(publishedMs: number, id: string, listing?: Listing): string {
  return `${indexPrefix(listing)}${revOf(publishedMs)}:${id}`
}

/** The article id of an index or deletion key listed under `prefix`. */
export function idOf(key: string, prefix: string): string {
  return key.slice(prefix.length + REV_WIDTH + 1)
}

/** A deleted article's marker: pages and the API answer 410 while it lasts. */
export function tombstoneKey(id: string): string {
  return `tombstone:${id}`
}

/** Where deletions are listed newest first, per listing, for Atom's deleted-entry. */
export function deletedPrefix(listing?: Listing): string {
  return listing === undefined ? 'deleted:all:' : `deleted:${listingSegment(listing)}:`
}

export function deletedKey(deletedMs: number, id: string, listing?: Listing): string {
  return `${deletedPrefix(listing)}${revOf(deletedMs)}:${id}`
}

/** A publisher, stored under the SHA-256 of its token (hex): the token itself is never kept. */
export function publisherKey(tokenHash: string): string {
  return `publisher:${tokenHash}`
}

/**
 * The spellings of the most used tags (`NAMES_LISTED` of them), for the list of feeds: one
 * read of a bounded value instead of a walk.
 */
export const TAGS_KEY = 'meta:tags'

/** The names of the most used authors, for the list of feeds, likewise. */
export const AUTHORS_KEY = 'meta:authors'

/**
 * One listing's live spellings (JSON `string[]`, the name it is headed with first): what a
 * request in any spelling reads to find the one it is served at, whatever the site's size.
 */
export function listingNamesKey(kind: ListingKind, fold: string): string {
  return `names:${foldSegment(kind, fold)}`
}

/** The longest old permalink path kept: KV keys are at most 512 bytes. */
export const REDIRECT_PATH_MAX_BYTES = 400

/** An imported article's old permalink, by its path on this site: the article's id. */
export function redirectKey(path: string): string {
  return `redirect:${path}`
}
