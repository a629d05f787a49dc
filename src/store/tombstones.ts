/**
 * Deleted articles: a tombstone per article and deletion index keys, all expiring after the
 * configured time. Atom feeds announce them (RFC 6721), pages and the API answer 410, and
 * Micropub's undelete restores the article from its tombstone.
 */
import type { Article } from '../articles/model'
import { tagListings } from '../articles/variants'
import { deletedKey, deletedPrefix, idFromIndexKey, tombstoneKey } from './keys'

export interface Tombstone {
  article: Article
  /** RFC 3339, UTC. */
  deleted_at: string
}

interface DeletedMeta {
  deleted_at: string
}

function deletedKeys(article: Article, deletedMs: number): string[] {
  return [
    deletedKey(deletedMs, article.id),
    ...tagListings(article).map(([t]) => deletedKey(deletedMs, article.id, t)),
  ]
}

export async function getTombstone(kv: KVNamespace, id: string): Promise<Tombstone | undefined> {
  return (await kv.get<Tombstone>(tombstoneKey(id), 'json')) ?? undefined
}

/** Writes the tombstone and deletion index keys, all expiring after `seconds`. */
export async function putTombstone(
  kv: KVNamespace,
  article: Article,
  deletedMs: number,
  seconds: number,
): Promise<void> {
  const tombstone: Tombstone = {
    article,
    deleted_at: new Date(deletedMs).toISOString().replace(/\.\d+Z$/, 'Z'),
  }
  const meta: DeletedMeta = { deleted_at: tombstone.deleted_at }
  await Promise.all([
    kv.put(tombstoneKey(article.id), JSON.stringify(tombstone), { expirationTtl: seconds }),
    ...deletedKeys(article, deletedMs).map((key) =>
      kv.put(key, '', { expirationTtl: seconds, metadata: meta }),
    ),
  ])
}

/** Removes a tombstone (undelete, or the id published again). */
export async function removeTombstone(kv: KVNamespace, tombstone: Tombstone): Promise<void> {
  const ms = Date.parse(tombstone.deleted_at)
  await Promise.all([
    kv.delete(tombstoneKey(tombstone.article.id)),
    ...deletedKeys(tombstone.article, ms).map((k) => kv.delete(k)),
  ])
}

/** The most recent deletions, newest first. */
export async function listDeleted(
  kv: KVNamespace,
  options: { tag?: string; limit: number },
): Promise<{ id: string; deleted_at: string }[]> {
  const page = await kv.list<DeletedMeta>({
    prefix: deletedPrefix(options.tag),
    limit: options.limit,
  })
  return page.keys.flatMap((k) =>
    k.metadata ? [{ id: idFromIndexKey(k.name), deleted_at: k.metadata.deleted_at }] : [],
  )
}
