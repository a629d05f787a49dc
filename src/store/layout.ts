/**
 * An article's KV layout: the keys and values it becomes in each public state, as the entries
 * the write coordinator puts. Every limit KV and the listings need is checked here, before the
 * first write, so a refused article leaves nothing half-written.
 */
import type { Article, PublicArticle } from '../articles/model'
import { tagListings } from '../articles/variants'
import { timestampIn, toMillis } from '../time'
import { articleKey, deletedKey, indexKey, tombstoneKey } from './keys'

/** What KV keeps of an article: what readers see, nothing of its source or its publisher. */
export function publicArticle(article: Article): PublicArticle {
  const {
    content_text: _t,
    content_markdown: _m,
    source_text: _s,
    publisher: _p,
    ...rest
  } = article
  return rest
}

/** What a listing knows about an article without reading it: ASCII only, a few dozen bytes. */
export interface IndexMeta {
  published: string
  updated: string
}

/** One key as KV is to hold it. */
export interface KvEntry {
  key: string
  value: string
  metadata?: IndexMeta | { deleted_at: string }
  /** Seconds until KV removes the key itself. */
  expirationTtl?: number
}

/**
 * The most a stored article may take, as readers read it (rendered HTML and the other
 * script's version included). A listing reads at most 100 articles in one bulk get, which KV
 * limits to 25 MB: 100 articles at this size always fit, whatever publishers send.
 */
export const STORED_ARTICLE_MAX_BYTES = 240 * 1024
const KEY_MAX_BYTES = 512
const METADATA_MAX_BYTES = 1024

/** An article KV could not store, or a listing could not read back; `detail` says which. */
export class StorageLimitError extends Error {
  override name = 'StorageLimitError'
}

const bytes = (text: string) => new TextEncoder().encode(text).length

/** A public article's entries: the article and its index keys (the site's and one per folded tag). */
export function liveEntries(article: Article): KvEntry[] {
  const ms = toMillis(article.published)
  const meta: IndexMeta = { published: article.published, updated: article.updated }
  return checked([
    { key: articleKey(article.id), value: JSON.stringify(publicArticle(article)), metadata: meta },
    { key: indexKey(ms, article.id), value: '', metadata: meta },
    ...tagListings(article).map(([tag]) => ({
      key: indexKey(ms, article.id, tag),
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
    ...tagListings(article).map(([tag]) => ({
      key: deletedKey(deletedMs, article.id, tag),
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
