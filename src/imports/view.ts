/** An import job as the API shows it (`ImportOutput`, src/http/import-schema.ts). */
import type { Refused } from './item'
import type { ImportJob } from './job'

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString())

/** When an export's import should end, at the pace of the bytes read so far. */
function estimate(job: ImportJob, now: number): number | undefined {
  if (job.position.kind !== 'wxr' || job.startedMs === undefined || job.state !== 'running') {
    return undefined
  }
  const { size, cursor } = job.position
  if (cursor.offset === 0 || size === 0) return undefined
  return job.startedMs + ((now - job.startedMs) * size) / cursor.offset
}

export function importView(job: ImportJob, refused: Refused[], now: number) {
  const { request, position } = job
  const where =
    position.kind === 'feed'
      ? { page: position.url, pages_read: position.pages }
      : { byte_offset: position.cursor.offset, bytes_total: position.size }
  const view = {
    id: job.id,
    state: job.state,
    source: request.source,
    wxr: request.wxr,
    dry_run: request.dryRun,
    rehost_images: request.rehostImages,
    tags: request.tags,
    publisher: job.writer.name,
    since: request.since,
    until: request.until,
    counts: job.counts,
    refused,
    position: where,
    end: job.end,
    created: iso(job.createdMs)!,
    started: iso(job.startedMs),
    estimated_end: iso(estimate(job, now)),
    finished: iso(job.finishedMs),
    error: job.error,
  }
  return Object.fromEntries(Object.entries(view).filter(([, v]) => v !== undefined)) as typeof view
}
