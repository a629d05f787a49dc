/**
 * Keeping KV in line with the coordinator's records: one sync at a time per id, each writing
 * the newest revision, so a burst of writes to one id costs a few KV writes rather than one
 * each (KV takes about one write a second to one key). A sync that keeps failing is left to
 * the alarm; the write it follows is committed either way.
 */
import type { Records } from './records'
import { syncRecord } from './sync'

/** KV takes about one write a second to one key: a failed sync waits this long times its try. */
const BACKOFF_MS = 1_100
const ATTEMPTS = 3

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
  async settle(id: string): Promise<void> {
    const earlier = this.running.get(id)
    if (earlier) {
      // It may have read the revisions before this write's was committed: wait, then sync
      // what is left; unless it gave up, which the alarm retries.
      await earlier
      if (!this.running.has(id) && this.behind(id)) return
    }
    let running = this.running.get(id)
    if (!running) {
      running = this.loop(id).finally(() => this.running.delete(id))
      this.running.set(id, running)
    }
    await running
  }

  private behind(id: string): boolean {
    const state = this.records.revisions(id)
    return state !== undefined && state.kvRevision < state.revision
  }

  private async loop(id: string): Promise<void> {
    let attempt = 1
    while (this.behind(id)) {
      try {
        const revision = await syncRecord(this.kv, this.records, this.records.get(id)!, Date.now())
        this.synced(id, revision)
        attempt = 1
      } catch (error) {
        console.error(JSON.stringify({ kv_sync_failed: { id, attempt, error: String(error) } }))
        if (attempt >= ATTEMPTS) return this.gaveUp()
        await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS * attempt++))
      }
    }
  }
}
