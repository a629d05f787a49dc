/**
 * Archive imports in the coordinator: the job's state, and each batch of about a hundred
 * items written in one transaction with the job's new position, so a step the Workflow runs
 * again writes nothing twice. Imported articles are quiet: no WebSub ping, no change counted
 * as news, and one purge for the whole batch once KV holds it.
 */
import type { Draft } from '../articles/build'
import type { Article } from '../articles/model'
import { tagsChangedBy } from '../edge/changes'
import { externalImages, pendingImages } from '../media/rehost'
import type { Refused } from '../imports/item'
import { withLateLead } from '../imports/lead'
import type { LateLead } from '../imports/wxr'
import type { MediaSite } from '../media/links'
import type { ImportJob, ImportPosition } from '../imports/job'
import { redirectKey } from '../store/keys'
import { decideCreate, decideRehost, type Rules } from './decide'
import type { ImportLedger } from './imports'
import type { Prepared } from './kv-sync'
import { refuse, type Outcome, type Writer } from './protocol'
import type { ArticleRecord, Records } from './records'
import type { Spellings } from './spellings'

/** One item, built into a draft by the Workflow (the CPU-heavy part). */
export interface BatchItem {
  guid: string
  id: string
  draft: Draft
  /** The old permalink's path on this site, for a 301 to the article. */
  redirect?: string
}

/** What one step of an import read and sends to be written. */
export interface ImportBatch {
  job: string
  /** The step sending it: a step already written is not written again. */
  step: number
  position: ImportPosition
  finished: boolean
  end?: 'complete' | 'loop'
  /** Items read from the archive in this step. */
  found: number
  items: BatchItem[]
  /** Read but left alone: already imported (matched by guid) or outside since/until. */
  skipped: number
  /** Refused before reaching the coordinator: unreadable, or invalid. */
  refused: Refused[]
  /** Featured images of posts an earlier step wrote, read only now (an export's). */
  leads?: LateLead[]
}

/** What the coordinator lends the import rules. */
export interface ImportPort {
  ledger: ImportLedger
  records: Records
  /** Each listing's names (tags' spellings, authors). */
  names: Spellings[]
  kv: KVNamespace
  transaction: <T>(work: () => T) => T
  rules: () => Rules
  /** Brings KV in line with each id. */
  settle: (ids: Map<string, Prepared | undefined>) => Promise<void>
  /** Purges `tags` once; a change KV does not hold yet is purged again after its sync. */
  purge: (tags: string[], unsynced: { id: string; revision: number; after: Article }[]) => void
  wake: () => Promise<void>
  /** The writer with the scopes its token has now; undefined once it is revoked. */
  writer: (writer: Writer) => Writer | undefined
  /** Asks the queue to copy the images of articles `ids`, quietly (src/fanout/rehost.ts). */
  queueRehost: (ids: string[], baseUrl: string) => Promise<void>
  /** Where this site's files are, for the site at `baseUrl`. */
  mediaSite: (baseUrl: string) => MediaSite
}

const notFound = (id: string) => refuse(404, 'Not Found', `No import has the id "${id}".`)

export class ImportDesk {
  constructor(private readonly port: ImportPort) {}

  create(job: ImportJob): ImportJob {
    this.port.transaction(() => this.port.ledger.save(job))
    return job
  }

  /** The job, for its owner or the admin. */
  read(viewer: Writer, id: string): Outcome<{ job: ImportJob; refused: Refused[] }> {
    const job = this.port.ledger.get(id)
    if (!job || (!viewer.admin && viewer.id !== job.owner)) return notFound(id)
    return { ok: true, status: 200, value: { job, refused: this.port.ledger.refusals(id, 1000) } }
  }

  /** Of `guids`, those imported already: the Workflow builds no draft for them. */
  known(guids: string[]): string[] {
    return this.port.ledger.knownGuids(guids)
  }

  /**
   * A step begins: a queued job starts running. Undefined when the job should stop (paused,
   * cancelled, done, failed), which ends the Workflow's run.
   */
  begin(id: string, now: number): ImportJob | undefined {
    return this.port.transaction(() => {
      const job = this.port.ledger.get(id)
      if (!job || (job.state !== 'queued' && job.state !== 'running')) return undefined
      const running: ImportJob = { ...job, state: 'running', startedMs: job.startedMs ?? now }
      this.port.ledger.save(running)
      return running
    })
  }

  /**
   * Changes the state as `viewer` asks: pause a queued or running job, resume a paused or
   * failed one (a new run, from where it stopped), cancel one not finished.
   */
  control(
    viewer: Writer,
    id: string,
    action: 'pause' | 'resume' | 'cancel',
    now: number,
  ): Outcome<ImportJob> {
    return this.port.transaction(() => {
      const job = this.port.ledger.get(id)
      if (!job || (!viewer.admin && viewer.id !== job.owner)) return notFound(id)
      const from: Record<typeof action, string[]> = {
        pause: ['queued', 'running'],
        resume: ['paused', 'failed'],
        cancel: ['queued', 'running', 'paused', 'failed'],
      }
      if (!from[action].includes(job.state)) {
        return refuse(409, 'Conflict', `The import is ${job.state}: it cannot be ${action}d.`)
      }
      const next: ImportJob =
        action === 'pause'
          ? { ...job, state: 'paused' }
          : action === 'resume'
            ? { ...job, state: 'queued', runs: job.runs + 1, error: undefined }
            : { ...job, state: 'cancelled', finishedMs: now }
      if (next.error === undefined) delete next.error
      this.port.ledger.save(next)
      return { ok: true, status: 200, value: next }
    })
  }

  /** The run failed for good (its retries spent): the job waits for a resume. */
  fail(id: string, error: string): void {
    this.port.transaction(() => {
      const job = this.port.ledger.get(id)
      if (job?.state !== 'running' && job?.state !== 'queued') return
      this.port.ledger.save({ ...job, state: 'failed', error: error.slice(0, 500) })
    })
  }

  /**
   * Writes a batch and the job's new position in one transaction, then brings KV in line and
   * purges once. A batch of a step already written, or for a job no longer running, writes
   * nothing. A dry run decides every item as it would be written and writes none of them.
   */
  async write(batch: ImportBatch, now: number): Promise<ImportJob | undefined> {
    const written = new Map<string, Prepared | undefined>()
    const tags = new Set<string>()
    const rehost: string[] = []
    const job = this.port.transaction(() => {
      const job = this.port.ledger.get(batch.job)
      if (!job || job.state !== 'running' || batch.step <= job.step) return job
      const writer = this.port.writer(job.writer)
      if (!writer) {
        const failed: ImportJob = {
          ...job,
          state: 'failed',
          error: 'The token of the publisher credited was revoked.',
        }
        this.port.ledger.save(failed)
        return failed
      }
      const refused = [...batch.refused]
      let { imported, skipped, images = 0 } = job.counts
      skipped += batch.skipped
      const rules = { ...this.port.rules(), now }
      const seen = new Set<string>()
      for (const item of batch.items) {
        if (seen.has(item.guid) || this.port.ledger.idOfGuid(item.guid) !== undefined) {
          skipped++
          continue
        }
        seen.add(item.guid)
        const decision = decideCreate(
          this.port.records.get(item.id),
          writer,
          item.id,
          item.draft,
          rules,
        )
        if (!decision.ok) {
          refused.push({ guid: item.guid, reason: decision.refusal.detail })
          continue
        }
        imported++
        const copies = item.draft.fields.rehost
        if (copies) images += pendingImages(copies).length
        if (job.request.dryRun || !decision.record) continue
        if (copies) rehost.push(item.id)
        this.save(decision.record, item)
        written.set(
          item.id,
          decision.entries && { revision: decision.record.revision, entries: decision.entries },
        )
        for (const tag of tagsChangedBy(undefined, decision.after)) tags.add(tag)
      }
      for (const lead of batch.leads ?? []) {
        // A dry run wrote no article to give the image to: it counts the copy it would plan.
        if (job.request.dryRun) {
          if (this.copies(job, lead.image)) images++
          continue
        }
        const led = this.lead(job, lead, rules)
        if (!led) continue
        if (led.copy) images++
        const { decision } = led
        this.port.records.save(decision.record)
        written.set(
          led.id,
          decision.entries && { revision: decision.record.revision, entries: decision.entries },
        )
        for (const tag of tagsChangedBy(decision.before, decision.after)) tags.add(tag)
        if (led.copy) rehost.push(led.id)
      }
      refused.forEach((r, i) => this.port.ledger.refuse(job.id, job.counts.refused + i + 1, r))
      const next: ImportJob = {
        ...job,
        step: batch.step,
        position: batch.position,
        finished: batch.finished,
        counts: {
          found: job.counts.found + batch.found,
          imported,
          skipped,
          refused: job.counts.refused + refused.length,
          ...(job.request.rehostImages ? { images } : {}),
        },
        ...(batch.end ? { end: batch.end } : {}),
        ...(batch.finished ? { state: 'done' as const, finishedMs: now } : {}),
      }
      this.port.ledger.save(next)
      return next
    })
    await this.publish(written, [...tags])
    if (rehost.length && job?.request.baseUrl)
      await this.port.queueRehost(rehost, job.request.baseUrl)
    return job
  }

  /** Whether the import copies `image` into R2: it asks to, and the image is elsewhere. */
  private copies(job: ImportJob, image: string): boolean {
    if (!job.request.rehostImages) return false
    const site = this.port.mediaSite(job.request.baseUrl!)
    return externalImages({ content_html: '', image }, site).length > 0
  }

  /**
   * An imported article given the featured image read after it, as a decision to store; none
   * when it is not here (refused, outside since/until) or has a lead image already.
   */
  private lead(job: ImportJob, lead: LateLead, rules: Rules) {
    const id = this.port.ledger.idOfGuid(lead.guid)
    const record = id === undefined ? undefined : this.port.records.get(id)
    if (!record || record.state === 'deleted') return undefined
    const site = job.request.rehostImages ? this.port.mediaSite(job.request.baseUrl!) : undefined
    const led = withLateLead(record.article, lead.image, site)
    if (!led) return undefined
    const decision = decideRehost(record, record.id, () => led.article, rules)
    if (!decision.ok || !decision.record) return undefined
    return { decision: { ...decision, record: decision.record }, copy: led.copy, id: record.id }
  }

  /** Stores one imported article: its record, spellings, guid and old permalink. */
  private save(record: ArticleRecord, item: BatchItem): void {
    this.port.records.save(record)
    const live = record.state === 'live' ? record.article : undefined
    for (const names of this.port.names) names.update(record.id, live)
    this.port.ledger.addGuid(item.guid, record.id)
    if (item.redirect) this.port.ledger.addRedirect(item.redirect, record.id)
  }

  /** KV for the articles written and every redirect not yet in KV, then one purge. */
  private async publish(written: Map<string, Prepared | undefined>, tags: string[]): Promise<void> {
    if (written.size) await this.port.settle(written)
    const redirects = this.port.ledger.unsyncedRedirects()
    if (redirects.length) {
      await Promise.all(redirects.map((r) => this.port.kv.put(redirectKey(r.path), r.id)))
      this.port.ledger.redirectsSynced(redirects.map((r) => r.path))
    }
    if (written.size === 0) return
    const unsynced = [...written.keys()]
      .map((id) => this.port.records.get(id))
      .filter(
        (r): r is ArticleRecord =>
          r !== undefined && r.kvRevision < r.revision && r.state === 'live',
      )
      .map((r) => ({ id: r.id, revision: r.revision, after: r.article }))
    this.port.transaction(() => this.port.purge(tags, unsynced))
    await this.port.wake()
  }
}
