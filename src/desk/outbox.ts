/**
 * What committed changes still owe readers: their purges and, once those are done, their
 * WebSub pings. A change's row waits in `changes` until KV holds it, so a purge never runs
 * ahead of the write it is for; then its tags and topics move to the purge and ping queues.
 */
import type { Article } from '../articles/model'
import { hex, sha256 } from '../digest'
import { tagsChangedBy } from '../edge/changes'
import { FEEDS } from '../edge/tags'
import type { HubPing } from '../fanout/websub'
import { changedFeeds, enqueuePings, Pings, type Topic } from './pings'
import { Purges, slotOf } from './purges'
import type { DeliveryProgress } from './delivery'
import type { Settings } from './settings'
import type { Spellings } from './spellings'

/** What a change was, for the feeds WebSub hubs hear about. */
export interface Change {
  id: string
  revision: number
  before?: Article
  after?: Article
  /** A deleted article whose tombstone this change ends. */
  tombstone?: Article
}

/** Listings' KV records written per alarm: well within a Worker's subrequests. */
const NAMES_PER_ALARM = 200

export interface OutboxSite {
  baseUrl: string
  language: string
  /** Hubs to ping; without any, no topics are kept. */
  hubs: string[]
  windowMs: number
}

export class Outbox {
  readonly purges: Purges
  readonly pings: Pings

  constructor(
    private readonly sql: SqlStorage,
    private readonly settings: Settings,
    private readonly names: Spellings[],
  ) {
    this.purges = new Purges(sql, settings)
    this.pings = new Pings(sql)
  }

  /**
   * Keeps what a change will purge and announce, in the change's own transaction; returns
   * them (the tags, and the feed URLs hubs will hear of).
   */
  record(change: Change, site: OutboxSite): { tags: string[]; feeds: string[] } {
    const { before, after, tombstone } = change
    const ended = tombstone ? tagsChangedBy(tombstone, undefined) : []
    const tags = [...new Set([...tagsChangedBy(before, after), ...ended])]
    const changed = [before, after].filter((a) => a !== undefined)
    const topics =
      changed.length && site.hubs.length ? changedFeeds(site.baseUrl, site.language, changed) : []
    const feeds = [...new Set(topics.map((t) => t.topic))]
    if (tags.length === 0 && topics.length === 0) return { tags, feeds }
    this.sql.exec(
      'INSERT OR REPLACE INTO changes (id, revision, tags, topics) VALUES (?, ?, ?, ?)',
      change.id,
      change.revision,
      JSON.stringify(tags),
      JSON.stringify(topics),
    )
    return { tags, feeds }
  }

  /** Once KV holds `revision` of `id`, its changes' purges and pings are scheduled; true if any. */
  release(id: string, revision: number, now: number, windowMs: number): boolean {
    const rows = this.sql
      .exec<{ tags: string; topics: string }>(
        'SELECT tags, topics FROM changes WHERE id = ? AND revision <= ?',
        id,
        revision,
      )
      .toArray()
    for (const row of rows) {
      this.purges.schedule(JSON.parse(row.tags) as string[], now, windowMs)
      this.pings.schedule(
        JSON.parse(row.topics) as Topic[],
        this.purges.secondPassDue(now, windowMs),
      )
    }
    this.sql.exec('DELETE FROM changes WHERE id = ? AND revision <= ?', id, revision)
    return rows.length > 0
  }

  /**
   * Writes each listing's live spellings that changed (at most `NAMES_PER_ALARM`: the rest at
   * the next alarm), and the list of feeds' names (for `/feeds` and `/feeds.opml`) when they
   * changed, then purges the list of feeds.
   */
  async publishTags(kv: KVNamespace, windowMs: number): Promise<void> {
    let published = false
    for (const names of this.names) {
      await this.publishListings(kv, names)
      published = (await this.publish(kv, names)) || published
    }
    if (published) this.purges.schedule([FEEDS], Date.now(), windowMs)
  }

  /** Listings whose live spellings KV does not hold yet, of every kind. */
  namesDue(): number {
    return this.sql.exec<{ n: number }>('SELECT count(*) AS n FROM listing_names_due').one().n
  }

  /** Writes (or removes) the KV record of each listing whose spellings changed. */
  private async publishListings(kv: KVNamespace, names: Spellings): Promise<void> {
    await Promise.all(
      names.due(NAMES_PER_ALARM).map(async (due) => {
        try {
          if (due.spellings.length === 0) await kv.delete(due.key)
          else await kv.put(due.key, JSON.stringify(due.spellings))
        } catch (error) {
          console.error(JSON.stringify({ kv_sync_failed: { key: due.key, error: String(error) } }))
          return
        }
        names.written(due)
      }),
    )
  }

  /** Writes the list of feeds' names when they changed; true when it was written. */
  private async publish(kv: KVNamespace, names: Spellings): Promise<boolean> {
    // Taken first: a write while the list is being written marks it changed again.
    if (!names.take()) return false
    const { key } = names.names
    const list = JSON.stringify(names.list())
    const digest = hex(await sha256(list))
    if (digest === this.settings.get<string>(`digest:${key}`)) return false
    try {
      await kv.put(key, list)
    } catch (error) {
      names.keep()
      console.error(JSON.stringify({ kv_sync_failed: { key, error: String(error) } }))
      return false
    }
    this.settings.set(`digest:${key}`, digest)
    return true
  }

  /**
   * Hands the pings whose second purge is done to the queue; false when the queue refused
   * them (they stay, for the next alarm).
   */
  async sendPings(queue: Queue<HubPing>, hubs: string[], now: number): Promise<boolean> {
    const ready = this.pings.ready(now)
    if (ready.length === 0) return true
    try {
      if (hubs.length) await enqueuePings(queue, hubs, [...new Set(ready.map((p) => p.topic))])
    } catch (error) {
      console.error(JSON.stringify({ websub_enqueue_failed: { error: String(error) } }))
      return false
    }
    for (const { topic, due } of ready) this.pings.done(topic, due)
    return true
  }

  /**
   * How far the purges and pings of a change whose second pass is due at `second` have gone.
   * The first pass is sent when none of its tags waits for a first pass; the second when none
   * waits for a purge due before it ends (a second pass moved to the next slot by a slow KV
   * sync included). Another write's purges of the same tags may keep a pass "waiting" a
   * little longer, never "sent" too soon.
   */
  progress(tags: string[], feeds: string[], second: number, windowMs: number): DeliveryProgress {
    const end = second + slotOf(windowMs)
    const sent = (waiting: string[]) => (waiting.length ? 'waiting' : 'sent')
    return {
      first_purge: sent(this.purges.waitingAmong(tags, second, true)),
      second_purge: sent(this.purges.waitingAmong(tags, end + 1)),
      websub: feeds.length
        ? this.pings.waitingAmong(feeds, end + 1).length
          ? 'waiting'
          : 'queued'
        : null,
    }
  }

  /** Changes committed whose KV sync has not finished. */
  unreleasedChanges(): number {
    return this.sql.exec<{ n: number }>('SELECT count(*) AS n FROM changes').one().n
  }
}
