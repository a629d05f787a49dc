/**
 * Bringing KV in line with the coordinator's record of one id. KV has no transactions, so a
 * sync first adds the keys it is about to write to the record's key list, then writes, then
 * narrows the list to what it wrote: whatever fails half-way, the record still names every
 * key that may exist, and the next sync removes what does not belong. No index key is ever
 * orphaned, and a failed sync is simply run again.
 */
import { deletedRecords, liveRecords, type KvPut } from '../store/records'
import type { ArticleRecord, Records } from './records'

/** KV's shortest expiry. */
const MIN_TTL_SECONDS = 60

/** The keys KV should hold for a record at `now`. */
export function desiredPuts(record: ArticleRecord, now: number): KvPut[] {
  if (record.state === 'live') return liveRecords(record.article)
  if (
    record.state === 'deleted' &&
    record.expiresMs! > now &&
    record.expiresMs! > record.deletedMs!
  ) {
    const seconds = Math.max(MIN_TTL_SECONDS, Math.ceil((record.expiresMs! - now) / 1000))
    return deletedRecords(record.article, record.deletedMs!, seconds)
  }
  return []
}

/** Writes one record's keys to KV; resolves to the revision KV then holds. */
export async function syncRecord(
  kv: KVNamespace,
  records: Records,
  record: ArticleRecord,
  now: number,
): Promise<number> {
  const puts = desiredPuts(record, now)
  const keys = puts.map((p) => p.key)
  const stale = record.kvKeys.filter((k) => !keys.includes(k))
  records.markKv(record.id, [...new Set([...record.kvKeys, ...keys])], record.kvRevision)
  await Promise.all([
    ...puts.map(({ key, value, metadata, expirationTtl }) =>
      kv.put(key, value, { metadata, ...(expirationTtl ? { expirationTtl } : {}) }),
    ),
    ...stale.map((key) => kv.delete(key)),
  ])
  records.markKv(record.id, keys, record.revision)
  return record.revision
}
