/**
 * Deleted articles on the read side: a marker per article and deletion index keys, all
 * expiring after `TOMBSTONE_DAYS`. Pages and the API answer 410 while a marker lasts, and
 * Atom feeds announce the deletions (RFC 6721). The deleted article itself stays with the
 * write coordinator, for undelete; KV keeps nothing of its content.
 */
import type { Listing } from '../articles/listings'
import { deletedPrefix, idOf, tombstoneKey } from './keys'

export interface Tombstone {
  /** RFC 3339, UTC. */
  deleted_at: string
}

export async function getTombstone(kv: KVNamespace, id: string): Promise<Tombstone | undefined> {
  return (await kv.get<Tombstone>(tombstoneKey(id), 'json')) ?? undefined
}

/** The most recent deletions, newest first. */
export async function listDeleted(
  kv: KVNamespace,
  options: { listing?: Listing; limit: number },
): Promise<{ id: string; deleted_at: string }[]> {
  const prefix = deletedPrefix(options.listing)
  const page = await kv.list<Tombstone>({ prefix, limit: options.limit })
  return page.keys.flatMap((k) =>
    k.metadata ? [{ id: idOf(k.name, prefix), deleted_at: k.metadata.deleted_at }] : [],
  )
}
