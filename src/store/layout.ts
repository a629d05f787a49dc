/**
 * An article's KV layout: the keys and values it becomes in each public state, as the entries
 * the write coordinator puts. Every limit KV and the listings need is checked here, before the
 * first write, so a refused article leaves nothing half-written.
 */
import { STORED_ARTICLE_MAX_BYTES } from '../articles/limits'
import { cardOf, type Article, type PublicArticle } from '../articles/model'
import { listingNamed, listingsOf } from '../articles/listings'
import { timestampIn, toMillis } from '../time'
import { articleKey, cardKey, changedKey, deletedKey, indexKey, tombstoneKey } from './keys'

/** What KV keeps of an article: what readers see, nothing of its source or its publisher. */
export function publicArticle(article: Article): PublicArticle {
  const {
    content_text: _t,
    content_markdown: _m,
    source_text: _s,
    publisher: _p,
    rehost: _r,
    extra_properties: _e,
    ...rest
  } = article
  return rest
}

/**
 * What a listing knows about an article without reading it: ASCII only, a few dozen bytes.
 * The article key carries it too.
 */
export interface IndexMeta {
  published: string
  updated: string
  /** When readers' view of the article last changed (RFC 3339, UTC): its Last-Modified. */
  changed: string
  /** How many bytes the stored article takes: a feed page keeps its total within a budget. */
  bytes: number
  /** BCP 47: whether the article has pages in the other Chinese script, for the sitemap. */
  language: string
}

/** One key as KV is to hold it. */
export interface KvEntry {
  key: string
  value: string
  metadata?: IndexMeta | { deleted_at: string }
  /** Seconds until KV removes the key itself. */
  expirationTtl?: number
}

export { STORED_ARTICLE_MAX_BYTES }

const KEY_MAX_BYTES = 512
const METADATA_MAX_BYTES = 1024

/** An article KV could not store, or a listing could not read back; `detail` says which. */
export class StorageLimitError extends Error {
  override name = 'StorageLimitError'
}

const bytes = (text: string) => new TextEncoder().encode(text).length

/**
 * A public article's entries: the article, its card (what a list shows), and its index keys
 * (the site's, and one per listing it is in: each folded tag, each author). `changedMs` is
 * when readers' view of it last changed.
 */
export function liveEntries(article: Article, changedMs: number): KvEntry[] {
  const ms = toMillis(article.published)
  const value = JSON.stringify(publicArticle(article))
  const meta: IndexMeta = {
    published: article.published,
    updated: article.updated,
    changed: timestampIn(changedMs, 'UTC'),
    bytes: bytes(value),
    language: article.language,
  }
  return checked([
    { key: articleKey(article.id), value, metadata: meta },
    { key: cardKey(article.id), value: JSON.stringify(cardOf(publicArticle(article))) },
    { key: indexKey(ms, article.id), value: '', metadata: meta },
    ...listingsOf(article).map((listing) => ({
      key: indexKey(ms, article.id, listingNamed(listing)),
      value: '',
      metadata: meta,
    })),
  ])
}

/** When an article was deleted, as its tombstone and the API say it: RFC 3339 in UTC. */
export function deletedAt(deletedMs: number): string {
  return timestampIn(deletedMs, 'UTC')
}

/** A deleted article's entries: its marker and its place in the deletion listings, all expiring. */
export function deletedEntries(article: Article, deletedMs: number, seconds: number): KvEntry[] {
  const deleted_at = deletedAt(deletedMs)
  const marker = { value: '', metadata: { deleted_at }, expirationTtl: seconds }
  return checked([
    {
      key: tombstoneKey(article.id),
      value: JSON.stringify({ deleted_at }),
      expirationTtl: seconds,
    },
    { key: deletedKey(deletedMs, article.id), ...marker },
    ...listingsOf(article).map((listing) => ({
      key: deletedKey(deletedMs, article.id, listingNamed(listing)),
      ...marker,
    })),
  ])
}

function checked(entries: KvEntry[]): KvEntry[] {
  for (const put of entries) {
    if (bytes(put.key) > KEY_MAX_BYTES) {
      throw new StorageLimitError(
        `the key ${put.key.slice(0, 60)}… is over KV's ${KEY_MAX_BYTES} bytes`,
      )
    }
    if (put.metadata && bytes(JSON.stringify(put.metadata)) > METADATA_MAX_BYTES) {
      throw new StorageLimitError(`the metadata of ${put.key.slice(0, 60)} is over KV's limit`)
    }
  }
  const article = entries[0]!
  if (article.key.startsWith('article:') && bytes(article.value) > STORED_ARTICLE_MAX_BYTES) {
    const kib = Math.ceil(bytes(article.value) / 1024)
    throw new StorageLimitError(
      `the article would take ${kib} KiB once rendered (with its other-script version), over the ${STORED_ARTICLE_MAX_BYTES / 1024} KiB that one stored article may take`,
    )
  }
  return entries
}

/**
 * When the responses carrying each of `tags` (cache tags: a listing, the sitemap, the list of
 * feeds) last changed: their Last-Modified, written before they are purged. An article's own
 * page has its time in the article's metadata instead.
 */
export function changedEntries(changed: Map<string, number>): KvEntry[] {
  return [...changed].map(([tag, ms]) => ({ key: changedKey(tag), value: String(ms) }))
}
