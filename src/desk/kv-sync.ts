/**
 * Bringing KV in line with the coordinator's record of each id.
 *
 * KV has no transactions, so a sync first adds the keys it is about to write to the record's
 * key list, then writes, then narrows the list to what it wrote: whatever fails half-way, the
 * record still names every key that may exist, and the next sync removes what does not
 * belong. No index key is ever orphaned, and a failed sync is simply run again.
 *
 * One sync runs at a time per id, each writing the newest revision, so a burst of writes to
 * one id costs a few KV writes rather than one each (KV takes about one write a second to one
 * key). A sync that keeps failing is left to the alarm; the write it follows is committed
 * either way.
 */
import { deletedEntries, liveEntries, type KvEntry } from '../store/layout'
import { tombstoneShown, type ArticleRecord, type Records } from './records'

/** KV's shortest expiry. */
const MIN_TTL_SECONDS = 60
/** KV takes about one write a second to one key: a failed sync waits this long times its try. */
const BACKOFF_MS = 1_100
const ATTEMPTS = 3

/** The entries KV should hold for a record at `now`. */
export function kvEntries(record: ArticleRecord, now: number): KvEntry[] {
  if (record.state === 'live') return liveEntries(record.article, record.changedMs)
  if (record.state === 'deleted' && record.expiresMs > now && tombstoneShown(record)) {
    const seconds = Math.max(MIN_TTL_SECONDS, Math.ceil((record.expiresMs - now) / 1000))
    return deletedEntries(record.article, record.deletedMs, seconds)
  }
  return []
}

/**
 * Writes one record's entries to KV (`entries`, or those `kvEntries` gives); resolves to the
 * revision KV then holds.
 */
export async function syncRecord(
  kv: KVNamespace,
  records: Records,
  record: ArticleRecord,
  now: number,
  entries = kvEntries(record, now),
): Promise<number> {
  const keys = entries.map((p) => p.key)
  const stale = record.kvKeys.filter((k) => !keys.includes(k))
  records.markKv(record.id, [...new Set([...record.kvKeys, ...keys])], record.kvRevision)
  await Promise.all([
    ...entries.map(({ key, value, metadata, expirationTtl }) =>
      kv.put(key, value, { metadata, ...(expirationTtl ? { expirationTtl } : {}) }),
    ),
    ...stale.map((key) => kv.delete(key)),
  ])
  records.markKv(record.id, keys, record.revision)
  return record.revision
}

/** A revision's entries as its write computed them, so a sync need not compute them again. */
export interface Prepared {
  revision: number
  entries: KvEntry[]
}

export class KvSync {
  private readonly running = new Map<string, Promise<void>>()

  constructor(
    private readonly kv: KVNamespace,
    private readonly records: Records,
    /** Called once KV holds `revision` of `id`. */
    private readonly synced: (id: string, revision: number) => void,
    /** Called when a sync gave up, for the alarm to try again. */
    private readonly gaveUp: () => Promise<void>,
  ) {}

  /** Resolves once KV holds the newest revision of `id`, or its sync has given up. */
  async settle(id: string, prepared?: Prepared): Promise<void> {
    const earlier = this.running.get(id)
    if (earlier) {
      // It may have read the revisions before this write's was committed: wait, then sync
      // what is left; unless it gave up, which the alarm retries.
      await earlier
      if (!this.running.has(id) && this.behind(id)) return
    }
    let running = this.running.get(id)
    if (!running) {
      running = this.loop(id, prepared).finally(() => this.running.delete(id))
      this.running.set(id, running)
    }
    await running
  }

  private behind(id: string): boolean {
    const state = this.records.revisions(id)
    return state !== undefined && state.kvRevision < state.revision
  }

  private async loop(id: string, prepared?: Prepared): Promise<void> {
    let attempt = 1
    while (this.behind(id)) {
      const record = this.records.get(id)
      if (!record) return
      const entries = prepared?.revision === record.revision ? prepared.entries : undefined
      try {
        this.synced(id, await syncRecord(this.kv, this.records, record, Date.now(), entries))
        attempt = 1
      } catch (error) {
        console.error(JSON.stringify({ kv_sync_failed: { id, attempt, error: String(error) } }))
        if (attempt >= ATTEMPTS) return this.gaveUp()
        await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS * attempt++))
      }
    }
  }
}
