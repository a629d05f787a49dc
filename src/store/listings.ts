/**
 * Reads over more than one page of the index, for the pages that need them: the list of
 * feeds, newer/older links, the sitemap. Each is cached like any page, so these run rarely.
 */
import { toMillis, type Timestamp } from '../time'
import type { ListingKind } from '../articles/listings'
import {
  AUTHORS_KEY,
  changedKey,
  idOf,
  indexKey,
  indexPrefix,
  listingNamesKey,
  TAGS_KEY,
} from './keys'
import { entryOf, type IndexEntry } from './articles'
import type { IndexMeta } from './layout'

/** The listings' names the list of feeds shows: the most used (src/desk/spellings.ts). */
export interface Names {
  /** Every spelling of each tag listed (經開區 and 经开区 both). */
  tags: string[]
  /** Each author listed, by the name their page is headed with. */
  authors: string[]
  /** When the list last changed (the change time of its cache tag). */
  changedMs: number
}

/** The listings' names as the write coordinator last recorded them: one read, bounded. */
export async function listNames(kv: KVNamespace, cacheTag: string): Promise<Names> {
  const got = await kv.get<unknown>([TAGS_KEY, AUTHORS_KEY, changedKey(cacheTag)], 'json')
  return {
    tags: (got.get(TAGS_KEY) as string[] | null) ?? [],
    authors: (got.get(AUTHORS_KEY) as string[] | null) ?? [],
    changedMs: Number(got.get(changedKey(cacheTag)) ?? 0),
  }
}

/**
 * One listing's live spellings, the one it is headed with first, by its fold (`listingFold`):
 * one small read, whatever the number of listings. Empty when no article is in it.
 */
export async function listingSpellings(
  kv: KVNamespace,
  kind: ListingKind,
  fold: string,
): Promise<string[]> {
  return (await kv.get<string[]>(listingNamesKey(kind, fold), 'json')) ?? []
}

/**
 * The id of the article just newer or older than `article` in the site's listing, found by
 * listing ever shorter prefixes of its index key (KV can list by prefix, not from a key).
 * Costs a few `list()` calls, so it backs a redirect that runs only when a reader clicks.
 */
export async function neighbour(
  kv: KVNamespace,
  article: { id: string; published: Timestamp },
  direction: 'newer' | 'older',
): Promise<string | undefined> {
  const own = indexKey(toMillis(article.published), article.id)
  const all = indexPrefix()
  const rev = own.slice(all.length)
  // Prefixes of 13, 10, 7, 4, 1 and 0 digits: each step looks about a thousand times wider.
  for (const length of [rev.length, 10, 7, 4, 1, 0]) {
    let cursor: string | undefined
    let before: string | undefined
    let found = false
    do {
      const page = await kv.list({ prefix: all + rev.slice(0, length), cursor })
      for (const key of page.keys) {
        if (found) return idOf(key.name, all) // the first key after ours: older
        if (key.name === own) {
          if (direction === 'newer') {
            if (before) return idOf(before, all)
            break
          }
          found = true
        }
        before = key.name
      }
      cursor =
        page.list_complete || (direction === 'newer' && before === own) ? undefined : page.cursor
    } while (cursor)
  }
  return undefined
}

/**
 * Index entries `skip` onward, up to `take` of them, newest first, plus whether more follow.
 * Pages through `list()` 1,000 keys at a time; the sitemap uses it.
 */
export async function scanIndex(
  kv: KVNamespace,
  skip: number,
  take: number,
): Promise<{ entries: IndexEntry[]; more: boolean }> {
  const entries: IndexEntry[] = []
  let seen = 0
  const prefix = indexPrefix()
  for await (const key of walk(kv, prefix)) {
    const entry = entryOf(key, prefix)
    if (!entry || seen++ < skip) continue
    if (entries.length === take) return { entries, more: true }
    entries.push(entry)
  }
  return { entries, more: false }
}

/**
 * The site's index entries published at `sinceMs` or later, newest first: the walk stops at
 * the first older one, so it reads only the recent end of the index.
 */
export async function scanSince(kv: KVNamespace, sinceMs: number): Promise<IndexEntry[]> {
  const entries: IndexEntry[] = []
  const prefix = indexPrefix()
  for await (const key of walk(kv, prefix)) {
    const entry = entryOf(key, prefix)
    if (!entry) continue
    if (toMillis(entry.published) < sinceMs) break
    entries.push(entry)
  }
  return entries
}

/** How many articles the site lists: one walk over the index, 1,000 keys per `list()`. */
export async function countIndex(kv: KVNamespace): Promise<number> {
  let count = 0
  for await (const key of walk(kv, indexPrefix())) if (key.metadata) count++
  return count
}

/** Every key under `prefix`, in key order, with its metadata. */
async function* walk(
  kv: KVNamespace,
  prefix: string,
): AsyncGenerator<KVNamespaceListKey<Partial<IndexMeta>>> {
  let cursor: string | undefined
  do {
    const page = await kv.list<Partial<IndexMeta>>({ prefix, cursor })
    yield* page.keys
    cursor = page.list_complete ? undefined : page.cursor
  } while (cursor)
}
