/**
 * Reading articles from KV, the public read side: one `list()` of a listing's index keys and
 * one bulk `get()` of what the page shows, either the articles (feeds) or their cards (list
 * pages). Writes are the coordinator's (src/desk).
 */
import { isIn, type Listing } from '../articles/listings'
import type { ArticleCard, PublicArticle } from '../articles/model'
import type { Timestamp } from '../time'
import { articleKey, cardKey, changedKey, idOf, indexPrefix } from './keys'
import type { IndexMeta } from './layout'

/** What a listing knows about an article without reading it (the index key's metadata). */
export interface IndexEntry {
  id: string
  published: Timestamp
  updated: Timestamp
  /** When readers' view of it last changed, in milliseconds. */
  changedMs: number
  /** The stored article's size. */
  bytes: number
  /** BCP 47; undefined for an entry written before the index held it. */
  language?: string
}

export interface Page<T> {
  items: T[]
  /** Opaque; pass back to get the next page. Absent on the last page. */
  cursor?: string
}

/** One page of a listing, and when what it shows last changed (its Last-Modified). */
export interface ListingPage<T> extends Page<T> {
  changedMs: number
}

/** A cursor that is not one a listing gave out; readers are answered 400. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError'
  constructor() {
    super('The cursor is not one this service gave out; start again from the first page.')
  }
}

/** KV's bulk get takes at most 100 keys; a listing page holds at most as many. */
const BULK_GET_MAX = 100

/**
 * The most bytes of articles one feed page reads: 100 articles at the stored-size budget would
 * be 24 MB, near KV's 25 MB bulk-read limit and a heavy feed; a page of large articles is
 * shorter instead, and its next link starts after its last item.
 */
export const FEED_PAGE_BYTES = 2 * 1024 * 1024

/** An article as its page shows it, and when that last changed; undefined when absent. */
export async function getArticle(
  kv: KVNamespace,
  id: string,
): Promise<{ article: PublicArticle; changedMs: number } | undefined> {
  const { value, metadata } = await kv.getWithMetadata<PublicArticle, Partial<IndexMeta>>(
    articleKey(id),
    'json',
  )
  if (!value) return undefined
  return { article: value, changedMs: changedMsOf(metadata?.changed) }
}

/** The cards of up to any number of articles, 100 to a bulk get; absent ids are left out. */
export async function getCards(kv: KVNamespace, ids: string[]): Promise<Map<string, ArticleCard>> {
  const cards = new Map<string, ArticleCard>()
  for (let i = 0; i < ids.length; i += BULK_GET_MAX) {
    const got = await kv.get<ArticleCard>(ids.slice(i, i + BULK_GET_MAX).map(cardKey), 'json')
    for (const card of got.values()) if (card) cards.set(card.id, card)
  }
  return cards
}

/** When a response carrying `cacheTag` last changed; 0 when nothing says. */
export async function getChanged(kv: KVNamespace, cacheTag: string): Promise<number> {
  return Number((await kv.get(changedKey(cacheTag))) ?? 0)
}

function changedMsOf(changed: string | undefined): number {
  const ms = changed === undefined ? NaN : Date.parse(changed)
  return Number.isFinite(ms) ? ms : 0
}

/** An index key as a listing entry; undefined for a key without its metadata. */
export function entryOf(
  key: KVNamespaceListKey<Partial<IndexMeta>>,
  prefix: string,
): IndexEntry | undefined {
  const meta = key.metadata
  if (!meta?.published || !meta.updated) return undefined
  return {
    id: idOf(key.name, prefix),
    published: meta.published as Timestamp,
    updated: meta.updated as Timestamp,
    changedMs: changedMsOf(meta.changed),
    bytes: meta.bytes ?? 0,
    ...(meta.language ? { language: meta.language } : {}),
  }
}

/** One page of the index, newest first, from the key metadata alone. */
export async function listIndex(
  kv: KVNamespace,
  options: { listing?: Listing; limit: number; cursor?: string },
): Promise<Page<IndexEntry>> {
  const prefix = indexPrefix(options.listing)
  let result: KVNamespaceListResult<Partial<IndexMeta>>
  try {
    result = await kv.list<Partial<IndexMeta>>({
      prefix,
      limit: Math.min(options.limit, BULK_GET_MAX),
      cursor: options.cursor,
    })
  } catch (error) {
    // KV refuses a cursor it did not give out: the client's mistake, not a failure of ours.
    if (options.cursor === undefined) throw error
    throw new InvalidCursorError()
  }
  const items = result.keys.flatMap((key) => entryOf(key, prefix) ?? [])
  return { items, cursor: result.list_complete ? undefined : result.cursor }
}

/** What to read of a listing's page. */
export interface ListingRead {
  /** A tag's or an author's listing; the site's when undefined. */
  listing?: Listing
  limit: number
  cursor?: string
  /** The cache tag whose change time the page shows (`all`, `t:{fold}`, `u:{fold}`). */
  cacheTag: string
}

/**
 * One page of a listing's whole articles, newest first: one `list()` and one bulk `get()`,
 * its articles within FEED_PAGE_BYTES (a page that would read more ends early, at the cost
 * of a second `list()` for its next link).
 */
export async function readArticles(
  kv: KVNamespace,
  read: ListingRead,
  budget = FEED_PAGE_BYTES,
): Promise<ListingPage<PublicArticle>> {
  let page = await listIndex(kv, read)
  const fits = withinBudget(page.items, budget)
  if (fits < page.items.length) page = await listIndex(kv, { ...read, limit: fits })
  return readListed(kv, read, page, articleKey)
}

/** One page of a listing's cards (what a list page shows), newest first. */
export async function readCards(
  kv: KVNamespace,
  read: ListingRead,
): Promise<ListingPage<ArticleCard>> {
  return readListed(kv, read, await listIndex(kv, read), cardKey)
}

/** How many of `entries`, from the first, fit in `budget` bytes: at least one. */
function withinBudget(entries: IndexEntry[], budget: number): number {
  let total = 0
  for (const [i, entry] of entries.entries()) {
    total += entry.bytes
    if (total > budget) return Math.max(1, i)
  }
  return entries.length
}

/**
 * The values of a listed page, read in one bulk `get()` with the listing's change time.
 *
 * The article key is the truth and index keys are hints: an entry whose article is gone or
 * no longer has that date or tag (KV shows a change in other locations up to a minute later,
 * and not always all keys at once) is skipped, so readers never see a ghost or a duplicate.
 */
async function readListed<T extends ArticleCard>(
  kv: KVNamespace,
  read: ListingRead,
  page: Page<IndexEntry>,
  keyOf: (id: string) => string,
): Promise<ListingPage<T>> {
  const keys = [...page.items.map((e) => keyOf(e.id)), changedKey(read.cacheTag)]
  const values = new Map<string, unknown>()
  for (let i = 0; i < keys.length; i += BULK_GET_MAX) {
    const got = await kv.get<unknown>(keys.slice(i, i + BULK_GET_MAX), 'json')
    for (const [key, value] of got) values.set(key, value)
  }
  const { listing } = read
  let changedMs = Number(values.get(changedKey(read.cacheTag)) ?? 0)
  const items = page.items.flatMap((entry) => {
    const value = values.get(keyOf(entry.id)) as T | null | undefined
    if (!value || value.published !== entry.published) return []
    if (listing !== undefined && !isIn(value, listing)) return []
    changedMs = Math.max(changedMs, entry.changedMs)
    return [value]
  })
  return { items, cursor: page.cursor, changedMs }
}
