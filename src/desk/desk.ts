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
import { publisherKey } from '../store/keys'
import { isArticleTag } from '../edge/tags'
import { changedEntries, deletedAt } from '../store/layout'
import type { PublisherRecord } from '../store/publishers'
import { apiArticlePath } from '../urls'
import {
  decideCreate,
  decideRelease,
  decideRehost,
  decideRemove,
  decideReplace,
  decideUndelete,
  type Decision,
  type Rules,
} from './decide'
import { KvSync, syncRecord, type Prepared } from './kv-sync'
import { Outbox } from './outbox'
import { PublisherRegistry } from './publishers'
import {
  apiArticle,
  refuse,
  type ApiArticle,
  type Idempotency,
  type ListQuery,
  type NewPublisher,
  type Outcome,
  type Refusal,
  type Reply,
  type Writer,
} from './protocol'
import {
  isTombstone,
  Records,
  tombstoneShown,
  type ArticleRecord,
  type DeletedRecord,
  type RecordState,
} from './records'
import { Replies } from './replies'
import { DerivedIds } from './derived-ids'
import { ImportDesk, type ImportBatch } from './import-desk'
import { ImportLedger } from './imports'
import type { ImportJob } from '../imports/job'
import { migrate } from './schema'
import { Settings } from './settings'
import { SignIn } from './signin'
import { AUTHOR_NAMES, Spellings, TAG_NAMES } from './spellings'
import { deskStatus, type DeskStatus } from './status'
import { delivery, type DeliveryProgress } from './delivery'
import { visibleTo } from '../access/visibility'
import { titleMatcher } from '../articles/title-search'
import { MediaRegistry } from './media'
import { MediaDesk } from './media-desk'
import { pendingImages, withCopies, type RehostResult } from '../media/rehost'
import { queueQuietRehost } from '../fanout/rehost'
import { lackingMediaScope } from '../media/ownership'

/** Options of a write the Worker passes on. */
export interface WriteOptions {
  /** The site's base URL, for the feed URLs WebSub hubs are told about. */
  baseUrl: string
  idempotency?: Idempotency
  /** Fields the API's answer adds to the article, as a JSON object (a text import's report). */
  echo?: string
  /** Pings no WebSub hub: an imported article pointed at copies of its images. */
  quiet?: boolean
}

/** The service itself, writing for a publisher what it was asked to (copied images). */
const SYSTEM: Writer = { id: 'admin', name: 'admin', admin: true }
/** How many suffixes a derived id tries before the write is refused as a conflict. */
const FRESH_ID_TRIES = 100

/** A failed KV sync is tried again this much later, then at every alarm. */
const SYNC_RETRY_MS = 5_000

export class Desk extends DurableObject<Env> {
  private readonly records: Records
  private readonly derivedIds: DerivedIds
  /** The names of every listing, for the list of feeds: tags' spellings, and authors. */
  private readonly names: Spellings[]
  private readonly settings: Settings
  private readonly outbox: Outbox
  private readonly publishers: PublisherRegistry
  private readonly replies: Replies
  private readonly kvSync: KvSync
  private readonly media: MediaRegistry
  private readonly mediaDesk: MediaDesk
  private readonly signInState: SignIn
  private readonly imports: ImportDesk

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env)
    const sql = ctx.storage.sql
    migrate(sql)
    this.records = new Records(sql)
    this.derivedIds = new DerivedIds(sql)
    this.names = [new Spellings(sql, TAG_NAMES), new Spellings(sql, AUTHOR_NAMES)]
    this.settings = new Settings(sql)
    this.outbox = new Outbox(sql, this.settings, this.names)
    this.publishers = new PublisherRegistry(sql)
    this.replies = new Replies(sql)
    this.media = new MediaRegistry(sql)
    this.mediaDesk = new MediaDesk(
      this.media,
      env.MEDIA,
      (work) => this.transaction(work),
      (tags) => this.outbox.purges.schedule(tags, Date.now(), this.windowMs()),
    )
    this.signInState = new SignIn(sql, this.publishers)
    this.kvSync = new KvSync(
      env.ARTICLES,
      this.records,
      // What this releases is due at once; whoever asked for the sync sets the alarm next.
      (id, revision) => this.outbox.release(id, revision, Date.now(), this.windowMs()),
      () => this.wake(Date.now() + SYNC_RETRY_MS),
    )
    this.imports = new ImportDesk({
      ledger: new ImportLedger(sql),
      records: this.records,
      names: this.names,
      kv: env.ARTICLES,
      transaction: (work) => this.transaction(work),
      rules: () => this.rules(),
      settle: async (ids) => {
        await Promise.all([...ids].map(([id, prepared]) => this.kvSync.settle(id, prepared)))
      },
      purge: (tags, unsynced) => {
        this.outbox.purges.schedule(tags, Date.now(), this.windowMs())
        const site = { baseUrl: this.baseUrl(), language: this.config.language, hubs: [] }
        for (const change of unsynced) {
          this.outbox.record(change, { ...site, windowMs: this.windowMs() })
        }
      },
      wake: () => this.wake(),
      writer: (writer) => {
        if (writer.admin) return writer
        const scopes = this.publishers.activeScopes(writer.id)
        return scopes && { ...writer, scopes }
      },
      queueRehost: (ids, baseUrl) => queueQuietRehost(env.HUB_PINGS, ids, baseUrl),
      mediaSite: (baseUrl) => this.mediaSite(baseUrl),
    })
  }

  private get config(): Config {
    return loadConfig(this.env)
  }

  private windowMs(): number {
    return this.config.kvPropagationSeconds * 1000
  }

  private rules(): Rules {
    const { timeZone, tombstoneSeconds } = this.config
    return { now: Date.now(), timeZone, tombstoneMs: tombstoneSeconds * 1000 }
  }

  // ---- articles -------------------------------------------------------------------------

  /**
   * Publishes a new article under `id`. With `fresh` (an id derived from the text, which a
   * second post of the same text on the same day derives again), a taken id is followed by
   * the first free one of `{id}-2`, `{id}-3`...: another post, not a conflict. With
   * `fingerprint` (an id the API derived), only another article's id is followed by a suffix:
   * the same article again is refused (src/desk/derived-ids.ts).
   */
  async create(
    writer: Writer,
    id: string,
    draft: Draft,
    options: WriteOptions & { fresh?: boolean; fingerprint?: string },
  ) {
    const { fingerprint } = options
    const chosen = options.fresh
      ? this.freeId(id)
      : fingerprint
        ? this.derivedIds.choose(id, fingerprint, draft.fields.title, (at) => this.records.get(at))
        : id
    const outcome = await this.write(writer, chosen, options, (record, rules, checked) =>
      decideCreate(record, checked, chosen, draft, rules),
    )
    // Only once the create is committed: a refusal (a file of another's) stores nothing. Until
    // then, a colliding create tells the articles apart by their titles.
    if (fingerprint && outcome.ok && outcome.value.status === 201 && !outcome.value.replayed) {
      this.derivedIds.record(chosen, fingerprint)
    }
    return outcome
  }

  /** `id`, or the first of `{id}-2`, `{id}-3`... that no record holds (deleted ones included). */
  private freeId(id: string): string {
    if (!this.records.get(id)) return id
    for (let n = 2; n < FRESH_ID_TRIES; n++) {
      if (!this.records.get(`${id}-${n}`)) return `${id}-${n}`
    }
    return id
  }

  /** Creates or replaces `id`; with `ifRevision`, only if it is still at that revision. */
  async replace(
    writer: Writer,
    id: string,
    draft: Draft,
    options: WriteOptions & { ifRevision?: number },
  ) {
    return this.write(writer, id, options, (record, rules, checked) =>
      decideReplace(record, checked, id, draft, rules, options.ifRevision),
    )
  }

  /** Deletes `id`; with `ifRevision`, only if it is still at that revision. */
  async remove(writer: Writer, id: string, options: WriteOptions & { ifRevision?: number }) {
    return this.write(writer, id, options, (record, rules, checked) =>
      decideRemove(record, checked, id, rules, options.ifRevision),
    )
  }

  async undelete(writer: Writer, id: string, options: WriteOptions) {
    return this.write(writer, id, options, (record, rules, checked) =>
      decideUndelete(record, checked, id, rules),
    )
  }

  /**
   * The stored article as `viewer` may see it, whatever KV shows yet: an embargoed article is
   * absent to all but its publisher and the admin.
   */
  read(viewer: Writer, id: string): Outcome<ApiArticle> {
    const record = this.records.get(id)
    if (
      !record ||
      !visibleTo(viewer, record) ||
      (record.state === 'deleted' && !isTombstone(record, Date.now()))
    ) {
      return refuse(404, 'Not Found', `No article has the id "${id}".`)
    }
    if (record.state === 'deleted') {
      const deleted_at = deletedAt(record.deletedMs)
      return refuse(410, 'Gone', `The article "${id}" was deleted at ${deleted_at}.`, {
        deleted_at,
      })
    }
    return { ok: true, status: 200, value: apiArticle(record) }
  }

  /**
   * Articles `viewer` may see, newest first: every published one, and its own (or, for the
   * admin, every) scheduled article and draft; with `query`, one state, titles holding its
   * words, or the viewer's own alone. Deleted ones are listed only when asked for, while their
   * tombstone lasts.
   */
  list(
    viewer: Writer,
    limit: number,
    cursor?: string,
    query: ListQuery = {},
  ): Outcome<{ items: ApiArticle[]; next_cursor?: string }> {
    const after = cursor === undefined ? undefined : readCursor(cursor)
    if (after === null) {
      return refuse(400, 'Invalid cursor', 'The cursor is not one this service gave out.', {
        errors: [{ pointer: '/cursor', detail: 'not a valid cursor' }],
      })
    }
    const now = Date.now()
    const titled = query.q ? titleMatcher(query.q) : undefined
    const keep = (record: ArticleRecord) =>
      visibleTo(viewer, record) &&
      (record.state !== 'deleted' || isTombstone(record, now)) &&
      (!query.mine || record.owner === viewer.id) &&
      (!titled || titled(record.article.title))
    const states = query.state ? [RECORD_STATES[query.state]] : LISTED
    const page = this.records.page(limit + 1, after, states, keep)
    const items = page.slice(0, limit)
    const last = items.at(-1)
    const next = page.length > limit && last ? { next_cursor: writeCursor(last) } : {}
    return { ok: true, status: 200, value: { items: items.map(apiArticle), ...next } }
  }

  /**
   * Decides and commits a write in one synchronous step, then brings KV in line before
   * answering. The answer does not wait on purges: they follow within the purge limits.
   */
  private async write(
    writer: Writer,
    id: string,
    options: WriteOptions,
    decide: (record: ArticleRecord | undefined, rules: Rules, writer: Writer) => Decision,
  ): Promise<Outcome<Reply>> {
    // What the token may do, as the registry says now: a revocation or the scopes it was
    // issued with hold whatever the Worker read from KV.
    const scopes = writer.admin ? undefined : this.publishers.activeScopes(writer.id)
    if (!writer.admin && !scopes) {
      return refuse(401, 'Unauthorized', 'The token is not valid, or was revoked.')
    }
    const checked: Writer = { ...writer, scopes }
    // The KV entries the decision checked its limits against, for the sync to write.
    const prepared: { entries?: Prepared } = {}
    const outcome = this.transaction(() =>
      this.replies.once(writer.id, options.idempotency, () => {
        const decision = decide(this.records.get(id), this.rules(), checked)
        if (!decision.ok) return decision
        const refused =
          decision.record &&
          this.mediaDesk.refuseUses(writer, decision.record, this.mediaSite(options.baseUrl))
        if (refused) return refused
        const { record, entries } = decision
        if (record && entries) prepared.entries = { revision: record.revision, entries }
        return { ok: true, status: decision.status, value: this.commit(id, decision, options) }
      }),
    )
    if (outcome.ok && !outcome.value.replayed) {
      await this.kvSync.settle(id, prepared.entries)
      // A scheduled release or a tombstone's lapse may now be the next thing due.
      await this.wake()
    }
    return outcome
  }

  /**
   * Runs `work` as one SQLite transaction. When it throws, SQLite rolls back, and what the
   * settings hold in memory is dropped with it, so memory is never ahead of storage.
   */
  private transaction<T>(work: () => T): T {
    try {
      return this.ctx.storage.transactionSync(work)
    } catch (error) {
      this.settings.forget()
      throw error
    }
  }

  /** Stores a decision and what it will purge and announce; returns the API's answer. */
  private commit(id: string, decision: Decision & { ok: true }, options: WriteOptions): Reply {
    const { record, before, after, tombstone } = decision
    // For the alarm's releases: the address of the last write (a refused one stores nothing).
    this.settings.set('base_url', options.baseUrl)
    let recorded = { tags: [] as string[], feeds: [] as string[] }
    if (record) {
      this.records.save(record)
      for (const names of this.names) {
        names.update(id, record.state === 'live' ? record.article : undefined)
      }
      // A deleted article keeps its files while it may be put back.
      if (record.state !== 'deleted') {
        this.mediaDesk.recordUses(record, this.mediaSite(options.baseUrl), Date.now())
      }
      const { language, websubHubs } = this.config
      const hubs = options.quiet ? [] : websubHubs
      recorded = this.outbox.record(
        { id, revision: record.revision, before, after, tombstone },
        { baseUrl: options.baseUrl, language, hubs, windowMs: this.windowMs() },
      )
    }
    const stored = record ?? this.records.get(id)!
    const sent = { delivery: this.delivery(recorded, stored) }
    // A delete answers 204; its body is sent only to a `Prefer: return=representation`.
    if (decision.status === 204) {
      return { status: 204, id, json: JSON.stringify({ id, state: 'deleted', ...sent }) }
    }
    const echo = options.echo ? (JSON.parse(options.echo) as object) : {}
    return {
      status: decision.status,
      id,
      json: JSON.stringify({ ...apiArticle(stored), ...echo, ...sent }),
      ...(decision.status === 201 ? { location: apiArticlePath(id) } : {}),
    }
  }

  /** What a committed change will purge and announce, and when readers see it. */
  private delivery(recorded: { tags: string[]; feeds: string[] }, stored: ArticleRecord) {
    const now = Date.now()
    const { cacheMaxAge, timeZone, websubHubs } = this.config
    const passAfter = (ms: number) => this.outbox.purges.secondPassDue(ms, this.windowMs())
    const release =
      stored.state === 'scheduled'
        ? { at: stored.publishedMs, secondPass: passAfter(stored.publishedMs) }
        : undefined
    return delivery({
      ...recorded,
      hubs: websubHubs,
      now,
      secondPass: passAfter(now),
      release,
      draft: stored.state === 'draft',
      maxAgeSeconds: cacheMaxAge,
      timeZone,
    })
  }

  /** How far a write's `delivery` (its tags, feeds and second pass) has gone. */
  deliveryProgress(tags: string[], feeds: string[], second: number): DeliveryProgress {
    return this.outbox.progress(tags, feeds, second, this.windowMs())
  }

  /**
   * What the coordinator still has to do: for operators (`GET /api/status`) and for tests,
   * which wait until nothing is due.
   */
  status(): DeskStatus {
    return deskStatus(this.records, this.outbox, Date.now())
  }

  // ---- publishers -----------------------------------------------------------------------

  async addPublisher(input: NewPublisher, tokenHash: string): Promise<Outcome<PublisherRecord>> {
    const record = this.publishers.add(input, tokenHash, Date.now())
    if (!record) return refuse(409, 'Conflict', `A publisher named "${input.name}" exists.`)
    await this.env.ARTICLES.put(publisherKey(tokenHash), JSON.stringify(record))
    return { ok: true, status: 201, value: record }
  }

  /** The browser desk's enrolment links, passkeys and sessions (src/desk/signin.ts). */
  signIn(): SignIn {
    return this.signInState
  }

  /** Sets or clears the email Cloudflare Access signs the publisher `name` in with. */
  setAccessEmail(name: string, email: string | null): Outcome<PublisherRecord> {
    const record = this.publishers.setAccessEmail(name, email)
    if (!record) return refuse(404, 'Not Found', `No publisher is named "${name}".`)
    if (record === 'taken') {
      return refuse(409, 'Conflict', 'Another publisher signs in with this email.', {
        errors: [{ pointer: '/email', detail: 'is the access email of another publisher' }],
      })
    }
    return { ok: true, status: 200, value: record }
  }

  listPublishers(): PublisherRecord[] {
    return this.publishers.list()
  }

  /**
   * Revokes at once for every write (the coordinator checks each writer); reads of the API
   * with the token stop once KV's copy is gone everywhere, within about a minute.
   */
  async revokePublisher(name: string): Promise<Outcome<null>> {
    const id = this.publishers.byName(name)?.id
    const tokenHash = this.publishers.revoke(name, Date.now())
    if (!id || !tokenHash) return refuse(404, 'Not Found', `No publisher is named "${name}".`)
    this.signInState.endSessions(id)
    await this.env.ARTICLES.delete(publisherKey(tokenHash))
    return { ok: true, status: 204, value: null }
  }

  // ---- media ----------------------------------------------------------------------------

  private mediaSite(baseUrl = this.baseUrl()) {
    return { baseUrl, mediaPublicUrl: this.config.mediaPublicUrl }
  }

  /**
   * Why `writer` may not upload or delete files, as the registry says now: a revoked token,
   * or one issued without the `media` scope.
   */
  private mediaRefusal(writer: Writer): { ok: false; refusal: Refusal } | undefined {
    if (writer.admin) return undefined
    const scopes = this.publishers.activeScopes(writer.id)
    if (!scopes) return refuse(401, 'Unauthorized', 'The token is not valid, or was revoked.')
    const refusal = lackingMediaScope({ admin: false, scopes })
    return refusal && { ok: false, refusal }
  }

  /** Records `writer`'s upload of a file, before R2 gets its bytes. */
  claimMedia(writer: Writer, file: { key: string; type: string; size: number }) {
    return this.mediaRefusal(writer) ?? this.mediaDesk.claim(writer, file, Date.now())
  }

  /** `writer`'s files, newest upload first. */
  listMedia(writer: Writer, limit: number, cursor?: string) {
    return this.mediaDesk.list(writer, limit, cursor)
  }

  /** One file, with the articles `writer` may see that use it. */
  readMedia(writer: Writer, key: string) {
    return this.mediaDesk.read(writer, key, (id) => this.visible(writer, id))
  }

  /**
   * Lets `writer`'s file go: refused while an article uses it; deleted from R2 when no owner
   * is left (the admin's delete takes it from every owner).
   */
  async deleteMedia(writer: Writer, key: string) {
    const refused = this.mediaRefusal(writer)
    if (refused) return refused
    const outcome = await this.mediaDesk.remove(writer, key, (id) => this.visible(writer, id))
    await this.wake()
    return outcome
  }

  /** Lets go of a file a refused request stored for `writer`, whose URL nobody was given. */
  async releaseMedia(writer: Writer, key: string) {
    return this.mediaDesk.remove(writer, key, () => false, false)
  }

  /** The daily collection: files unused past the grace period, and R2 objects no one records. */
  async collectMedia() {
    const collected = await this.mediaDesk.collect(Date.now(), this.config.mediaGraceSeconds * 1000)
    await this.wake()
    return collected
  }

  private visible(writer: Writer, id: string): boolean {
    const record = this.records.get(id)
    return record !== undefined && visibleTo(writer, record)
  }

  // ---- images copied into R2 (src/fanout/rehost.ts) -------------------------------------

  /** What is left to copy of an article's images, and for whom; undefined when nothing. */
  rehostJob(id: string): { owner: string; pending: string[] } | undefined {
    const record = this.records.get(id)
    const report = record?.article.rehost
    if (!record || record.state === 'deleted' || report?.state !== 'queued') return undefined
    const pending = pendingImages(report)
    return pending.length ? { owner: record.owner, pending } : undefined
  }

  /** Grants up to `wanted` copies from this hour's budget for the whole site. */
  takeRehostBudget(wanted: number): number {
    const hour = Math.floor(Date.now() / 3_600_000)
    const budget = this.settings.get<{ hour: number; used: number }>('rehost_budget')
    const used = budget?.hour === hour ? budget.used : 0
    const granted = Math.max(0, Math.min(wanted, this.config.rehostPerHour - used))
    if (granted) this.settings.set('rehost_budget', { hour, used: used + granted })
    return granted
  }

  /**
   * Points an article at the copies of its images, through the same path as every write;
   * `quiet` for an imported article's, which no hub hears of.
   */
  async applyRehost(id: string, result: RehostResult, baseUrl: string, quiet = false) {
    return this.write(SYSTEM, id, { baseUrl, quiet }, (record, rules) =>
      decideRehost(record, id, (article) => withCopies(article, result), rules),
    )
  }

  // ---- archive imports (src/desk/import-desk.ts) ---------------------------------------

  /** Records a new import job; the Workflow that runs it is started by the Worker. */
  createImport(job: ImportJob): ImportJob {
    return this.imports.create(job)
  }

  readImport(viewer: Writer, id: string) {
    return this.imports.read(viewer, id)
  }

  controlImport(viewer: Writer, id: string, action: 'pause' | 'resume' | 'cancel') {
    return this.imports.control(viewer, id, action, Date.now())
  }

  /** A step of the import's Workflow begins; undefined tells it to stop. */
  beginImportStep(id: string): ImportJob | undefined {
    return this.imports.begin(id, Date.now())
  }

  knownGuids(guids: string[]): string[] {
    return this.imports.known(guids)
  }

  async writeImportBatch(batch: ImportBatch): Promise<ImportJob | undefined> {
    return this.imports.write(batch, Date.now())
  }

  failImport(id: string, error: string): void {
    this.imports.fail(id, error)
  }

  /** The writer an import credits: the publisher named, if active; undefined if none is. */
  publisherWriter(name: string): Writer | undefined {
    const record = this.publishers.byName(name)
    const scopes = record && this.publishers.activeScopes(record.id)
    if (!record || !scopes) return undefined
    return { id: record.id, name: record.name, admin: false, scopes }
  }

  // ---- the alarm ------------------------------------------------------------------------

  /** Releases what is due, retries KV, then purges and pings within their limits. */
  override async alarm(): Promise<void> {
    const now = Date.now()
    for (const record of this.records.dueForRelease(now)) {
      this.transaction(() => {
        const decision = decideRelease(record, { now })
        if (decision.ok) this.commit(record.id, decision, { baseUrl: this.baseUrl() })
      })
      await this.kvSync.settle(record.id)
    }
    for (const record of this.records.lapsed(now)) await this.lapse(record)
    for (const id of this.records.unsynced()) await this.kvSync.settle(id)
    await this.outbox.publishTags(this.env.ARTICLES, this.windowMs())
    await this.outbox.purges.flush(Date.now(), (tags, changed) => this.purge(tags, changed))
    const pinged = await this.outbox.sendPings(
      this.env.HUB_PINGS,
      this.config.websubHubs,
      Date.now(),
    )
    this.replies.forgetExpired(Date.now())
    await this.wake(pinged ? undefined : Date.now() + SYNC_RETRY_MS, true)
  }

  /**
   * Purges `tags`, first writing when those a first pass is due for changed (their
   * Last-Modified), so a page rendered after the purge says so. An article's own page has its
   * time in the article. A write that fails is a failed purge: the tags are tried again.
   */
  private async purge(tags: string[], changed: Map<string, number>): Promise<CachePurgeResult> {
    const marks = new Map([...changed].filter(([tag]) => !isArticleTag(tag)))
    try {
      await Promise.all(
        changedEntries(marks).map(({ key, value }) => this.env.ARTICLES.put(key, value)),
      )
    } catch (error) {
      return { success: false, errors: [{ code: 0, message: String(error) }] }
    }
    return this.ctx.exports.default.purgeTags(tags)
  }

  private baseUrl(): string {
    return this.settings.get<string>('base_url') ?? this.config.siteUrl ?? ''
  }

  /** A tombstone's time is up: the 410 becomes a 404 and Atom stops announcing it. */
  private async lapse(record: DeletedRecord): Promise<void> {
    const lapsed = { ...record, revision: record.revision + 1, changedMs: Date.now() }
    this.records.save(lapsed)
    try {
      await syncRecord(this.env.ARTICLES, this.records, lapsed, Date.now())
    } catch (error) {
      console.error(JSON.stringify({ kv_sync_failed: { id: record.id, error: String(error) } }))
      return
    }
    this.records.drop(record.id)
    this.derivedIds.forget(record.id)
    for (const names of this.names) names.update(record.id, undefined)
    this.media.use(record.id, [], Date.now())
    if (tombstoneShown(record)) {
      this.outbox.purges.schedule(
        tagsChangedBy(record.article, undefined),
        Date.now(),
        this.windowMs(),
      )
    }
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
      this.outbox.purges.nextRun(now),
      this.records.nextDue(),
      this.records.unsynced().length ? now + SYNC_RETRY_MS : undefined,
      this.outbox.namesDue() ? now + SYNC_RETRY_MS : undefined,
    ].filter((t): t is number => t !== undefined)
    if (dues.length === 0) return
    const next = Math.max(now, Math.min(...dues))
    const current = replace ? null : await this.ctx.storage.getAlarm()
    if (current === null || current > next) await this.ctx.storage.setAlarm(next)
  }
}

/** The record state each state the API names stands for. */
const RECORD_STATES: Record<ListQuery['state'] & string, RecordState> = {
  published: 'live',
  scheduled: 'scheduled',
  draft: 'draft',
  deleted: 'deleted',
}
/** What a listing holds unless asked for one state. */
const LISTED: RecordState[] = ['live', 'scheduled', 'draft']

/** The API listing's cursor: where the last page ended, `(published, id)`. */
function writeCursor(record: ArticleRecord): string {
  return btoa(JSON.stringify([record.publishedMs, record.id]))
}

/** The cursor's position; null when it is not one this service gave out. */
function readCursor(cursor: string): { publishedMs: number; id: string } | null {
  try {
    const [publishedMs, id] = JSON.parse(atob(cursor)) as [unknown, unknown]
    return typeof publishedMs === 'number' && typeof id === 'string' ? { publishedMs, id } : null
  } catch {
    return null
  }
}
