/**
 * Reading articles from KV, the public read side: one `list()` of a listing's index keys and
 * one bulk `get()` of the articles on the page. Writes are the coordinator's (src/desk).
 */
import { foldTag } from '../articles/tags'
import { tagSpellings } from '../articles/variants'
import type { Timestamp } from '../time'
import { articleKey, idOf, indexPrefix } from './keys'
import type { PublicArticle } from '../articles/model'
import type { IndexMeta } from './layout'

/** What a listing knows about an article without reading it (the index key's metadata). */
export interface IndexEntry {
  id: string
  published: Timestamp
  updated: Timestamp
}

export interface Page<T> {
  items: T[]
  /** Opaque; pass back to get the next page. Absent on the last page. */
  cursor?: string
}

export type ArticlePage = Page<PublicArticle>

/** A cursor that is not one a listing gave out; readers are answered 400. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError'
  constructor() {
    super('The cursor is not one this service gave out; start again from the first page.')
  }
}

/** KV's bulk get takes at most 100 keys; a listing page holds at most as many. */
const BULK_GET_MAX = 100

export async function getArticle(kv: KVNamespace, id: string): Promise<PublicArticle | undefined> {
  return (await kv.get<PublicArticle>(articleKey(id), 'json')) ?? undefined
}

/** Up to 100 articles in one KV operation; absent ids are left out. */
export async function getArticles(
  kv: KVNamespace,
  ids: string[],
): Promise<Map<string, PublicArticle>> {
  if (ids.length > BULK_GET_MAX) throw new RangeError(`${ids.length} ids in one bulk get`)
  const found = new Map<string, PublicArticle>()
  if (ids.length === 0) return found
  const values = await kv.get<PublicArticle>(ids.map(articleKey), 'json')
  for (const value of values.values()) if (value) found.set(value.id, value)
  return found
}

/** An index key as a listing entry; undefined for a key without its metadata. */
export function entryOf(
  key: KVNamespaceListKey<IndexMeta>,
  prefix: string,
): IndexEntry | undefined {
  if (!key.metadata) return undefined
  const { published, updated } = key.metadata
  return {
    id: idOf(key.name, prefix),
    published: published as Timestamp,
    updated: updated as Timestamp,
  }
}

/** One page of the index, newest first, from the key metadata alone. */
export async function listIndex(
  kv: KVNamespace,
  options: { tag?: string; limit: number; cursor?: string },
): Promise<Page<IndexEntry>> {
  const prefix = indexPrefix(options.tag)
  let result: KVNamespaceListResult<IndexMeta>
  try {
    result = await kv.list<IndexMeta>({
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

/**
 * One page of whole articles, newest first: one `list()` and one bulk `get()`.
 *
 * The article key is the truth and index keys are hints: an entry whose article is gone or
 * no longer has that date or tag (KV shows a change in other locations up to a minute later,
 * and not always all keys at once) is skipped, so readers never see a ghost or a duplicate.
 */
export async function readPage(
  kv: KVNamespace,
  options: { tag?: string; limit: number; cursor?: string },
): Promise<ArticlePage> {
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
