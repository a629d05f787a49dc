/**
 * Archive imports in the coordinator: the job's state, and each batch of about a hundred
 * items written in one transaction with the job's new position, so a step the Workflow runs
 * again writes nothing twice. Imported articles are quiet: no WebSub ping, no change counted
 * as news, and one purge for the whole batch once KV holds it.
 */
import type { Draft } from '../articles/build'
import type { Article } from '../articles/model'
import { tagsChangedBy } from '../edge/changes'
import { pendingImages } from '../media/rehost'
import type { Refused } from '../imports/item'
import type { LateLead } from '../imports/wxr'
import type { MediaSite } from '../media/links'
import type { ImportCounts, ImportJob, ImportPosition } from '../imports/job'
import { redirectKey } from '../store/keys'
import { decideCreate, type Rules } from './decide'
import { copiesImage, leadDecision } from './import-leads'
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

/** What a step's transaction leaves to do after it: KV, one purge, images to copy. */
interface Written {
  written: Map<string, Prepared | undefined>
  tags: Set<string>
  rehost: string[]
}

/** A job's counts as a step's transaction adds to them, with the step's refusals. */
type Tally = Omit<ImportCounts, 'refused' | 'images'> & { images: number; refusals: Refused[] }

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
    const out: Written = { written: new Map(), tags: new Set(), rehost: [] }
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
      const rules = { ...this.port.rules(), now }
      const counts: Tally = { ...job.counts, images: job.counts.images ?? 0, refusals: [] }
      counts.skipped += batch.skipped
      counts.refusals.push(...batch.refused)
      this.writeItems(job, writer, batch.items, rules, counts, out)
      this.writeLeads(job, batch.leads ?? [], rules, counts, out)
      const { refusals, images, ...kept } = counts
      refusals.forEach((r, i) => this.port.ledger.refuse(job.id, job.counts.refused + i + 1, r))
      const next: ImportJob = {
        ...job,
        step: batch.step,
        position: batch.position,
        finished: batch.finished,
        counts: {
          ...kept,
          found: job.counts.found + batch.found,
          refused: job.counts.refused + refusals.length,
          ...(job.request.rehostImages ? { images } : {}),
        },
        ...(batch.end ? { end: batch.end } : {}),
        ...(batch.finished ? { state: 'done' as const, finishedMs: now } : {}),
      }
      this.port.ledger.save(next)
      return next
    })
    await this.publish(out.written, [...out.tags])
    if (out.rehost.length && job?.request.baseUrl) {
      await this.port.queueRehost(out.rehost, job.request.baseUrl)
    }
    return job
  }

  /** Decides each item of a batch, and stores it unless the import is a dry run. */
  private writeItems(
    job: ImportJob,
    writer: Writer,
    items: BatchItem[],
    rules: Rules,
    counts: Tally,
    out: Written,
  ): void {
    const seen = new Set<string>()
    for (const item of items) {
      if (seen.has(item.guid) || this.port.ledger.idOfGuid(item.guid) !== undefined) {
        counts.skipped++
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
        counts.refusals.push({ guid: item.guid, reason: decision.refusal.detail })
        continue
      }
      counts.imported++
      const copies = item.draft.fields.rehost
      if (copies) counts.images += pendingImages(copies).length
      if (job.request.dryRun || !decision.record) continue
      if (copies) out.rehost.push(item.id)
      this.save(decision.record, item)
      out.written.set(
        item.id,
        decision.entries && { revision: decision.record.revision, entries: decision.entries },
      )
      for (const tag of tagsChangedBy(undefined, decision.after)) out.tags.add(tag)
    }
  }

  /** Gives articles of earlier steps the featured images read only now (an export's). */
  private writeLeads(
    job: ImportJob,
    leads: LateLead[],
    rules: Rules,
    counts: Tally,
    out: Written,
  ): void {
    for (const lead of leads) {
      // A dry run wrote no article to give the image to: it counts the copy it would plan.
      if (job.request.dryRun) {
        if (copiesImage(this.port, job, lead.image)) counts.images++
        continue
      }
      const led = leadDecision(this.port, job, lead, rules)
      if (!led) continue
      const { decision } = led
      this.port.records.save(decision.record)
      out.written.set(
        led.id,
        decision.entries && { revision: decision.record.revision, entries: decision.entries },
      )
      for (const tag of tagsChangedBy(decision.before, decision.after)) out.tags.add(tag)
      if (led.copy) {
        counts.images++
        out.rehost.push(led.id)
      }
    }
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
