/**
 * The archive import as a Cloudflare Workflow: durable steps, each reading a batch of the
 * archive and handing it to the coordinator, which writes it with the import's new position
 * in one transaction. A step that fails for a while (the old site answering 500) is retried
 * with backoff; one that keeps failing fails the run, and the job waits for a resume, which
 * starts a new run from where the coordinator says the job stands, never from the start.
 * Between pages of another site's feed the run sleeps (`step.sleep`), so it never hammers it.
 */
import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep } from 'cloudflare:workers'
import { NonRetryableError } from 'cloudflare:workflows'
import { loadConfig } from '../config'
import { deskOf } from '../http/desk'
import { importConfig } from '../imports/config'
import { NotAFeed } from '../imports/feed-page'
import { FetchFailed, userAgent } from '../imports/fetch'
import { readStep, SourceGone } from '../imports/step'
import { XmlError } from '../imports/xml-tree'

/** What starts a run: the job, kept by the coordinator. */
export interface ImportParams {
  job: string
}

/** A step's answer: whether the run goes on, and whether it read another site's page. */
interface StepOutcome {
  state: string
  fetched: boolean
}

/** Transient failures are retried this way before the run fails and waits for a resume. */
const STEP = {
  retries: { limit: 5, delay: '10 seconds', backoff: 'exponential' },
  timeout: '5 minutes',
} as const

/** Failures that no retry can mend: the run fails at once, saying why. */
function permanent(error: unknown): boolean {
  return (
    (error instanceof FetchFailed && !error.transient) ||
    error instanceof NotAFeed ||
    error instanceof XmlError ||
    error instanceof SourceGone
  )
}

export class ArchiveImport extends WorkflowEntrypoint<Env, ImportParams> {
  override async run(event: WorkflowEvent<ImportParams>, step: WorkflowStep): Promise<StepOutcome> {
    const id = event.payload.job
    const { pauseSeconds } = importConfig(this.env)
    for (let n = 1; ; n++) {
      let outcome: StepOutcome
      try {
        outcome = await step.do(`batch ${n}`, STEP, () => this.batch(id))
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        await step.do('record the failure', () => deskOf(this.env).failImport(id, message))
        throw error
      }
      if (outcome.state !== 'running') return outcome
      if (outcome.fetched && pauseSeconds > 0) {
        await step.sleep(`pause after batch ${n}`, pauseSeconds * 1000)
      }
    }
  }

  /** One step: the job as it stands, the next batch read, written by the coordinator. */
  private async batch(id: string): Promise<StepOutcome> {
    const desk = deskOf(this.env)
    const job = await desk.beginImportStep(id)
    if (!job) return { state: 'stopped', fetched: false }
    const config = loadConfig(this.env)
    const { allowHosts } = importConfig(this.env)
    const siteUrl = config.siteUrl ?? 'http://localhost'
    try {
      const batch = await readStep(job, {
        allowHosts,
        agent: userAgent(siteUrl),
        bucket: this.env.MEDIA,
        site: { baseUrl: siteUrl, mediaPublicUrl: config.mediaPublicUrl },
        timeZone: config.timeZone,
        defaultLanguage: config.language,
        now: Date.now(),
        known: (guids) => desk.knownGuids(guids),
      })
      const after = await desk.writeImportBatch(batch)
      return { state: after?.state ?? 'stopped', fetched: job.position.kind === 'feed' }
    } catch (error) {
      if (permanent(error)) throw new NonRetryableError((error as Error).message)
      throw error
    }
  }
}
