/**
 * The write coordinator: one Durable Object per site through which every write goes.
 *
 * Workers KV has no compare-and-swap and shows a write elsewhere up to a minute later, so
 * deciding a write from a KV read races. The coordinator decides every write against its
 * own SQLite record of each id (a synchronous read and write, which nothing can interleave),
 * then writes KV, then purges Workers Cache twice (at once and after KV's propagation window)
 * within the purge limits, and only then tells WebSub hubs, through a Queue. Scheduled
 * articles wait here, not in KV, until an alarm releases them.
 */
import { DurableObject } from 'cloudflare:workers'
import type { Draft } from '../articles/build'
import { loadConfig, type Config } from '../config'
import { tagsChangedBy } from '../edge/changes'
import { FEEDS } from '../edge/tags'
import { hex, sha256 } from '../digest'
import { publisherKey, TAGS_KEY } from '../store/keys'
import type { PublisherRecord } from '../store/publishers'
import {
  decideCreate,
  decideRelease,
  decideRemove,
  decideReplace,
  decideUndelete,
  type Decision,
  type Rules,
} from './decide'
import { changedFeeds, enqueuePings, Pings, type Topic } from './hubs'
import { Purges } from './purges'
import { Records, type ArticleRecord } from './records'
import { apiArticle, Replies } from './replies'
import { Settings } from './settings'
import { SCHEMA } from './schema'
import { syncRecord } from './sync'
import { PublisherRegistry, type PublisherInput } from './publishers'
import {
  refuse,
  type ApiArticle,
  type Idempotency,
  type Outcome,
  type Reply,
  type Writer,
} from './protocol'

/** The coordinator's backlog. */
export interface DeskStatus {
  /** Ids whose KV copy is behind. */
  unsynced: number
  /** Committed changes whose purges wait for their KV sync. */
  unreleased_changes: number
  scheduled: number
  releases_due: number
  /** Tags with a purge still to send, now or later (second passes). */
  purges_waiting: number
  next_purge: string | null
  /** True when a purge may and should go out now (the budget allows it). */
  purge_due_now: boolean
  pings_waiting: number
}

/** Options of a write the Worker passes on. */

export interface WriteOptions {
  /** The site's base URL, for the feed URLs WebSub hubs are told about. */
  baseUrl: string
  idempotency?: Idempotency
  /** Fields the API's answer adds to the article, as a JSON object (a text import's report). */
  echo?: string
}

/** A failed KV sync is tried again this much later, then at every alarm. */
const SYNC_RETRY_MS = 5_000
/** KV takes about one write a second to one key: a sync that failed waits this long first. */
const SYNC_BACKOFF_MS = 1_100

export class Desk extends DurableObject<Env> {
  private readonly records: Records
  private readonly settings: Settings
  private readonly purges: Purges
  private readonly pings: Pings
  private readonly publishers: PublisherRegistry
  private readonly replies: Replies
  private readonly syncs = new Map<string, Promise<void>>()

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env)
    ctx.storage.sql.exec(SCHEMA)
    this.records = new Records(ctx.storage.sql)
    this.settings = new Settings(ctx.storage.sql)
    this.purges = new Purges(ctx.storage.sql, this.settings)
    this.pings = new Pings(ctx.storage.sql)
    this.publishers = new PublisherRegistry(ctx.storage.sql)
    this.replies = new Replies(ctx.storage.sql)
  }

  private get config(): Config {
    return loadConfig(this.env)
  }

  private rules(): Rules {
    const { timeZone, tombstoneSeconds } = this.config
    return { now: Date.now(), timeZone, tombstoneMs: tombstoneSeconds * 1000 }
  }

  // ---- articles -------------------------------------------------------------------------

  /** Publishes a new article under `id`. */
  async create(writer: Writer, id: string, draft: Draft, options: WriteOptions) {
    return this.write(writer, id, options, (record, rules) =>
      decideCreate(record, writer, id, draft, rules),
    )
  }

  /** Creates or replaces `id`; with `ifRevision`, only if it is still at that revision. */
  async replace(
    writer: Writer,
    id: string,
    draft: Draft,
    options: WriteOptions & { ifRevision?: number },
  ) {
    return this.write(writer, id, options, (record, rules) =>
      decideReplace(record, writer, id, draft, rules, options.ifRevision),
    )
  }

  async remove(writer: Writer, id: string, options: WriteOptions) {
    return this.write(writer, id, options, (record, rules) =>
      decideRemove(record, writer, id, rules),
    )
  }

  async undelete(writer: Writer, id: string, options: WriteOptions) {
    return this.write(writer, id, options, (record, rules) =>
      decideUndelete(record, writer, id, rules),
    )
  }

  /** The stored article as its publisher sees it, whatever KV shows yet. */
  read(id: string): Outcome<ApiArticle> {
    const record = this.records.get(id)
    const now = Date.now()
    if (!record || (record.state === 'deleted' && record.expiresMs! <= now)) {
      return refuse(404, 'Not Found', `No article has the id "${id}".`)
    }
    if (record.state === 'deleted') {
      const deleted_at = new Date(record.deletedMs!).toISOString().replace(/\.\d+Z$/, 'Z')
      return refuse(410, 'Gone', `The article "${id}" was deleted at ${deleted_at}.`, {
        deleted_at,
      })
    }
    return { ok: true, status: 200, value: apiArticle(record) }
  }

  /** Published and scheduled articles, newest first. */
  list(limit: number, cursor?: string): Outcome<{ items: ApiArticle[]; next_cursor?: string }> {
    let after: { publishedMs: number; id: string } | undefined
    if (cursor) {
      try {
        const [publishedMs, id] = JSON.parse(atob(cursor)) as [number, string]
        if (typeof publishedMs !== 'number' || typeof id !== 'string') throw new TypeError()
        after = { publishedMs, id }
      } catch {
        return refuse(400, 'Invalid cursor', 'The cursor is not one this service gave out.', {
          errors: [{ pointer: '/cursor', detail: 'not a valid cursor' }],
        })
      }
    }
    const page = this.records.page(limit + 1, after)
    const items = page.slice(0, limit)
    const last = items.at(-1)
    const more = page.length > limit && last
    return {
      ok: true,
      status: 200,
      value: {
        items: items.map(apiArticle),
        ...(more ? { next_cursor: btoa(JSON.stringify([last.publishedMs, last.id])) } : {}),
      },
    }
  }

  /**
   * Decides and commits a write in one synchronous step, then brings KV in line before
   * answering. The answer does not wait on purges: they follow within the purge limits.
   */
  private async write(
    writer: Writer,
    id: string,
    options: WriteOptions,
    decide: (record: ArticleRecord | undefined, rules: Rules) => Decision,
  ): Promise<Outcome<Reply>> {
    if (!writer.admin && !this.publishers.isActive(writer.id)) {
      return refuse(401, 'Unauthorized', 'The token is not valid, or was revoked.')
    }
    this.settings.set('base_url', options.baseUrl)
    const outcome = this.ctx.storage.transactionSync(() =>
      this.replies.once(writer.id, options.idempotency, () => {
        const decision = decide(this.records.get(id), this.rules())
        if (!decision.ok) return decision
        return { ok: true, status: decision.status, value: this.commit(id, decision, options) }
      }),
    )
    if (outcome.ok && !outcome.value.replayed) {
      await this.settle(id)
      // A scheduled release or a tombstone's lapse may now be the next thing due.
      await this.wake()
    }
    return outcome
  }

  /** Stores a decision and what it will purge and announce; returns the API's answer. */
  private commit(id: string, decision: Decision & { ok: true }, options: WriteOptions): Reply {
    const { record, before, after, tombstone } = decision
    if (record) {
      this.records.save(record)
      const ended = tombstone ? tagsChangedBy(tombstone, undefined) : []
      const tags = [...new Set([...tagsChangedBy(before, after), ...ended])]
      const changed = [before, after].filter((a) => a !== undefined)
      // Without hubs there is no one to tell: no topics are kept.
      const topics =
        changed.length && this.config.websubHubs.length
          ? changedFeeds(options.baseUrl, this.config.language, changed)
          : []
      if (tags.length || topics.length) {
        this.ctx.storage.sql.exec(
          'INSERT OR REPLACE INTO changes (id, revision, tags, topics) VALUES (?, ?, ?, ?)',
          id,
          record.revision,
          JSON.stringify(tags),
          JSON.stringify(topics),
        )
      }
    }
    if (decision.status === 204) return { status: 204, id, json: null }
    const stored = record ?? this.records.get(id)!
    const echo = options.echo ? (JSON.parse(options.echo) as object) : {}
    return {
      status: decision.status,
      id,
      json: JSON.stringify({ ...apiArticle(stored), ...echo }),
      ...(decision.status === 201 ? { location: `/api/articles/${encodeURIComponent(id)}` } : {}),
    }
  }

  /**
   * Waits until KV holds the newest revision of `id`: one sync at a time per id, and a sync
   * writes the newest revision, so a burst of writes to one id costs a few KV writes, not one
   * each (KV takes about one write a second to one key). A sync that keeps failing is left to
   * the alarm; the write is committed here either way.
   */
  private async settle(id: string): Promise<void> {
    for (;;) {
      const record = this.records.revisions(id)
      if (!record || record.kvRevision >= record.revision) return
      let running = this.syncs.get(id)
      if (!running) {
        running = this.syncLoop(id).finally(() => this.syncs.delete(id))
        this.syncs.set(id, running)
      }
      await running
      const after = this.records.revisions(id)
      if (after && after.kvRevision < after.revision && !this.syncs.has(id)) {
        // The loop gave up: the alarm will try again.
        return
      }
    }
  }

  private async syncLoop(id: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const state = this.records.revisions(id)
      if (!state || state.kvRevision >= state.revision) return
      const record = this.records.get(id)!
      try {
        const revision = await syncRecord(this.env.ARTICLES, this.records, record, Date.now())
        await this.release(id, revision)
      } catch (error) {
        console.error(JSON.stringify({ kv_sync_failed: { id, attempt, error: String(error) } }))
        if (attempt >= 3) {
          await this.wake(Date.now() + SYNC_RETRY_MS)
          return
        }
        await new Promise((resolve) => setTimeout(resolve, SYNC_BACKOFF_MS * attempt))
      }
    }
  }

  /** Once KV holds `revision`, its changes' purges and pings are scheduled. */
  private async release(id: string, revision: number): Promise<void> {
    const now = Date.now()
    const window = this.config.kvPropagationSeconds * 1000
    const rows = this.ctx.storage.sql
      .exec<{ revision: number; tags: string; topics: string }>(
        'SELECT revision, tags, topics FROM changes WHERE id = ? AND revision <= ?',
        id,
        revision,
      )
      .toArray()
    for (const row of rows) {
      this.purges.schedule(JSON.parse(row.tags) as string[], now, window)
      this.pings.schedule(JSON.parse(row.topics) as Topic[], this.purges.secondPassDue(now, window))
    }
    this.ctx.storage.sql.exec('DELETE FROM changes WHERE id = ? AND revision <= ?', id, revision)
    if (rows.length) await this.wake(now)
  }

  /**
   * What the coordinator still has to do: for operators (`GET /api/status`) and for tests,
   * which wait until nothing is due.
   */
  status(): DeskStatus {
    const now = Date.now()
    const count = (query: string, ...args: number[]) =>
      this.ctx.storage.sql.exec<{ n: number }>(query, ...args).one().n
    const nextPurge = this.purges.nextRun(now)
    return {
      unsynced: this.records.unsynced().length,
      unreleased_changes: count('SELECT count(*) AS n FROM changes'),
      scheduled: count("SELECT count(*) AS n FROM articles WHERE state = 'scheduled'"),
      releases_due: count(
        "SELECT count(*) AS n FROM articles WHERE state = 'scheduled' AND published_ms <= ?",
        now,
      ),
      purges_waiting: count('SELECT count(DISTINCT tag) AS n FROM purges'),
      next_purge: nextPurge === undefined ? null : new Date(nextPurge).toISOString(),
      purge_due_now: nextPurge !== undefined && nextPurge <= now,
      pings_waiting: count('SELECT count(*) AS n FROM pings'),
    }
  }

  // ---- publishers -----------------------------------------------------------------------

  async addPublisher(input: PublisherInput, tokenHash: string): Promise<Outcome<PublisherRecord>> {
    const record = this.publishers.add(input, tokenHash, Date.now())
    if (!record) return refuse(409, 'Conflict', `A publisher named "${input.name}" exists.`)
    await this.env.ARTICLES.put(publisherKey(tokenHash), JSON.stringify(record))
    return { ok: true, status: 201, value: record }
  }

  listPublishers(): PublisherRecord[] {
    return this.publishers.list()
  }

  /**
   * Revokes at once for every write (the coordinator checks each writer); reads of the API
   * with the token stop once KV's copy is gone everywhere, within about a minute.
   */
  async revokePublisher(name: string): Promise<Outcome<null>> {
    const tokenHash = this.publishers.revoke(name, Date.now())
    if (!tokenHash) return refuse(404, 'Not Found', `No publisher is named "${name}".`)
    await this.env.ARTICLES.delete(publisherKey(tokenHash))
    return { ok: true, status: 204, value: null }
  }

  // ---- the alarm ------------------------------------------------------------------------

  /** Releases what is due, retries KV, then purges and pings within their limits. */
  override async alarm(): Promise<void> {
    const now = Date.now()
    for (const record of this.records.dueForRelease(now)) {
      this.ctx.storage.transactionSync(() => {
        const decision = decideRelease(record)
        if (decision.ok) this.commit(record.id, decision, { baseUrl: this.baseUrl() })
      })
      await this.settle(record.id)
    }
    for (const record of this.records.lapsed(now)) await this.lapse(record)
    for (const id of this.records.unsynced()) await this.settle(id)
    await this.publishTags()
    await this.purges.flush(Date.now(), (tags) => this.ctx.exports.default.purgeTags(tags))
    const pinged = await this.sendPings(Date.now())
    this.replies.forgetExpired(Date.now())
    await this.wake(pinged ? undefined : Date.now() + SYNC_RETRY_MS, true)
  }

  private baseUrl(): string {
    return this.settings.get<string>('base_url') ?? this.config.siteUrl ?? ''
  }

  /** A tombstone's time is up: the 410 becomes a 404 and Atom stops announcing it. */
  private async lapse(record: ArticleRecord): Promise<void> {
    const wasPublic = record.expiresMs! > record.deletedMs!
    const lapsed = { ...record, revision: record.revision + 1 }
    this.records.save(lapsed)
    try {
      await syncRecord(this.env.ARTICLES, this.records, lapsed, Date.now())
    } catch (error) {
      console.error(JSON.stringify({ kv_sync_failed: { id: record.id, error: String(error) } }))
      return
    }
    this.records.drop(record.id)
    if (wasPublic) {
      this.purges.schedule(
        tagsChangedBy(record.article, undefined),
        Date.now(),
        this.config.kvPropagationSeconds * 1000,
      )
    }
  }

  /** Writes the list of every tag's spellings when it changed, then purges `/feeds`. */
  private async publishTags(): Promise<void> {
    if (!this.records.spellingsChanged) return
    // Cleared first: a write while the list is being written marks it changed again.
    this.records.spellingsChanged = false
    const spellings = JSON.stringify(this.records.spellings())
    const digest = hex(await sha256(spellings))
    if (digest === this.settings.get<string>('tags_digest')) return
    try {
      await this.env.ARTICLES.put(TAGS_KEY, spellings)
    } catch (error) {
      this.records.spellingsChanged = true
      console.error(JSON.stringify({ kv_sync_failed: { key: TAGS_KEY, error: String(error) } }))
      return
    }
    this.settings.set('tags_digest', digest)
    this.purges.schedule([FEEDS], Date.now(), this.config.kvPropagationSeconds * 1000)
  }

  /**
   * Hands the pings whose second purge is done to the queue; false when the queue refused
   * them (they stay, for the next alarm).
   */
  private async sendPings(now: number): Promise<boolean> {
    const ready = this.pings.ready(now)
    if (ready.length === 0) return true
    const hubs = this.config.websubHubs
    try {
      if (hubs.length) {
        await enqueuePings(this.env.HUB_PINGS, hubs, [...new Set(ready.map((p) => p.topic))])
      }
    } catch (error) {
      console.error(JSON.stringify({ websub_enqueue_failed: { error: String(error) } }))
      return false
    }
    for (const { topic, due } of ready) this.pings.done(topic, due)
    return true
  }

  /**
   * Sets the alarm for the earliest thing due, or for `at` when that is earlier. Pings need
   * no time of their own: each waits for a purge of the same slot, which has one. The alarm
   * that is running sets the next one in any case (`replace`).
   */
  private async wake(at?: number, replace = false): Promise<void> {
    const now = Date.now()
    const dues = [
      at,
      this.purges.nextRun(now),
      this.records.nextDue(),
      this.records.unsynced().length ? now + SYNC_RETRY_MS : undefined,
    ].filter((t): t is number => t !== undefined)
    if (dues.length === 0) return
    const next = Math.max(now, Math.min(...dues))
    const current = replace ? null : await this.ctx.storage.getAlarm()
    if (current === null || current > next) await this.ctx.storage.setAlarm(next)
  }
}

export type { PublisherInput }
