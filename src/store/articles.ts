/**
 * Articles in KV: the only module that reads or writes article and index keys.
 *
 * No write here reads and rewrites a key that another article also writes: a publish puts
 * its own `article:` key and its own index keys (and then the caller records a new content
 * version, see version.ts). Two publishers at the same moment can not lose each other's
 * article.
 */
import type { Article } from '../articles/model'
import { foldTag } from '../articles/tags'
import { tagListings, tagSpellings } from '../articles/variants'
import { toMillis, type Timestamp } from '../time'
import { articleKey, idFromIndexKey, indexKey, indexPrefix, tombstoneKey } from './keys'
import { putTombstone, removeTombstone, type Tombstone } from './tombstones'

/** What a listing knows about an article without reading it (the index key's metadata). */
export interface IndexEntry {
  id: string
  title: string
  published: Timestamp
  updated: Timestamp
}

/** Index key metadata; tag keys also carry the tag's spellings, for the list of feeds. */
export type IndexMeta = Omit<IndexEntry, 'id'> & { tags?: string[] }

/** KV metadata is limited to 1024 bytes of JSON; a long CJK title must not overflow it. */
const META_TITLE_CHARS = 100

/** KV's bulk get takes at most 100 keys. */
const BULK_GET_MAX = 100

export interface Page<T> {
  items: T[]
  /** Opaque; pass back to get the next page. Absent on the last page. */
  cursor?: string
}

export async function getArticle(kv: KVNamespace, id: string): Promise<Article | undefined> {
  return (await kv.get<Article>(articleKey(id), 'json')) ?? undefined
}

/** What an id holds: its article, or the tombstone a deleted one left (or neither). */
export interface Stored {
  article?: Article
  tombstone?: Tombstone
}

/** The article and the tombstone under an id, in one KV operation (a bulk get). */
export async function getStored(kv: KVNamespace, id: string): Promise<Stored> {
  const values = await kv.get<Article | Tombstone>([articleKey(id), tombstoneKey(id)], 'json')
  const stored: Stored = {}
  const article = values.get(articleKey(id))
  const tombstone = values.get(tombstoneKey(id))
  if (article) stored.article = article as Article
  // Both at once only while a republish propagates (publishing removes the tombstone).
  if (tombstone) stored.tombstone = tombstone as Tombstone
  return stored
}

/** Several articles in one KV operation per 100 ids; absent ids are left out. */
export async function getArticles(kv: KVNamespace, ids: string[]): Promise<Map<string, Article>> {
  const found = new Map<string, Article>()
  for (let i = 0; i < ids.length; i += BULK_GET_MAX) {
    const keys = ids.slice(i, i + BULK_GET_MAX).map(articleKey)
    if (keys.length === 0) continue
    const values = await kv.get<Article>(keys, 'json')
    for (const value of values.values()) if (value) found.set(value.id, value)
  }
  return found
}

/** Every index key of an article, with the spellings of the tag it lists (none for the site's). */
function indexEntriesOf(article: Article): { key: string; tags?: string[] }[] {
  const ms = toMillis(article.published)
  // A Chinese tag is found in either script: 經開區 and 经开区 fold to one key.
  return [
    { key: indexKey(ms, article.id) },
    ...tagListings(article).map((tags) => ({ key: indexKey(ms, article.id, tags[0]), tags })),
  ]
}

function indexKeysOf(article: Article): string[] {
  return indexEntriesOf(article).map((e) => e.key)
}

/**
 * Stores an article and its index keys, removing index keys the article it replaces had and
 * the tombstone it comes back over (both as `getStored` read them).
 */
export async function putArticle(
  kv: KVNamespace,
  article: Article,
  replaced: Stored,
): Promise<void> {
  const meta: IndexMeta = {
    title: [...article.title].slice(0, META_TITLE_CHARS).join(''),
    published: article.published,
    updated: article.updated,
  }
  const entries = indexEntriesOf(article)
  const keys = entries.map((e) => e.key)
  const previous = replaced.article
  const stale = previous ? indexKeysOf(previous).filter((k) => !keys.includes(k)) : []
  await Promise.all([
    // An id published again, or undeleted, is no longer deleted.
    replaced.tombstone && removeTombstone(kv, replaced.tombstone),
    kv.put(articleKey(article.id), JSON.stringify(article), {
      metadata: { published: article.published, updated: article.updated },
    }),
    ...entries.map(({ key, tags }) =>
      kv.put(key, '', { metadata: tags ? { ...meta, tags } : meta }),
    ),
    ...stale.map((key) => kv.delete(key)),
  ])
}

/**
 * Removes an article and every index key that points at it, leaving a tombstone for
 * `tombstoneSeconds`.
 */
export async function deleteArticle(
  kv: KVNamespace,
  article: Article,
  tombstoneSeconds: number,
): Promise<void> {
  await Promise.all([
    kv.delete(articleKey(article.id)),
    ...indexKeysOf(article).map((k) => kv.delete(k)),
    putTombstone(kv, article, Date.now(), tombstoneSeconds),
  ])
}

/** One page of the index, newest first, from the key metadata alone. */
export async function listIndex(
  kv: KVNamespace,
  options: { tag?: string; limit: number; cursor?: string },
): Promise<Page<IndexEntry>> {
  const result = await kv.list<IndexMeta>({
    prefix: indexPrefix(options.tag),
    limit: options.limit,
    cursor: options.cursor,
  })
  const items = result.keys.flatMap((key) =>
    key.metadata ? [{ id: idFromIndexKey(key.name), ...key.metadata }] : [],
  )
  return { items, cursor: result.list_complete ? undefined : result.cursor }
}

/**
 * One page of whole articles, newest first: one `list()` and one bulk `get()`.
 *
 * The article key is the truth and index keys are hints: an entry whose article is gone,
 * or no longer has that date or tag (a delete or replace still propagating, or two
 * concurrent replaces), is skipped, so readers never see a ghost or a duplicate.
 */
export async function readPage(
  kv: KVNamespace,
  options: { tag?: string; limit: number; cursor?: string },
): Promise<Page<Article>> {
  const page = await listIndex(kv, options)
  const articles = await getArticles(
    kv,
    page.items.map((e) => e.id),
  )
  const tag = options.tag === undefined ? undefined : foldTag(options.tag)
  const items = page.items.flatMap((entry) => {
    const article = articles.get(entry.id)
    if (!article || article.published !== entry.published) return []
    if (tag !== undefined && !tagSpellings(article).some((t) => foldTag(t) === tag)) return []
    return [article]
  })
  return { items, cursor: page.cursor }
}
