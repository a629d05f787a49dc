/**
 * Archive imports (docs/migration.md), mounted at /api/imports: start one (202, a Workflow
 * runs it), watch it, pause, resume or cancel it. The admin may import for any publisher; a
 * publisher, for itself.
 */
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../env'
import { identify } from '../access/tokens'
import { insufficientScopeChallenge, requireToken } from '../http/auth'
import { can } from '../access/scopes'
import { deskOf, unwrap, writerOf } from '../http/desk'
import { importDocs } from '../http/import-docs'
import { ImportInput } from '../http/import-schema'
import { problem } from '../http/problem'
import { readJsonBody } from '../http/validate'
import { importConfig } from '../imports/config'
import { emptyCounts, type ImportJob, type ImportPosition } from '../imports/job'
import { importView } from '../imports/view'
import { START } from '../imports/wxr'
import { refuseUrl } from '../outbound/address'
import { uploadKeyOf } from '../media/links'
import { storedObject } from '../media/store'
import { isExport } from '../media/types'
import type { Writer } from '../desk/protocol'

export const imports = new Hono<AppEnv>()

imports.use('*', requireToken({ identify }))

const invalid = (pointer: string, detail: string) =>
  problem(400, {
    title: 'Invalid import',
    detail: `${pointer.slice(1)} ${detail}.`,
    errors: [{ pointer, detail }],
  })

/** The Workflow instance of a job's latest run. */
const runId = (job: { id: string; runs: number }) => `${job.id}-${job.runs}`

/** Whom the import credits: the publisher named (the admin may name any), or the asker. */
async function writerFor(c: Context<AppEnv>, name: string | undefined): Promise<Writer> {
  const asker = writerOf(c.var.principal)
  // An import creates articles: a token issued without that scope may not start one.
  if (!can(c.var.principal, 'create')) {
    throw problem(
      403,
      {
        title: 'Insufficient scope',
        detail: 'This token may not create articles: it was issued without the "create" scope.',
        scope: 'create',
      },
      insufficientScopeChallenge('create'),
    )
  }
  if (name === undefined || name === asker.name) return asker
  if (!asker.admin) {
    throw problem(403, {
      title: 'Forbidden',
      detail: 'A publisher imports for itself; only the admin may credit another publisher.',
    })
  }
  const writer = await deskOf(c.env).publisherWriter(name)
  if (!writer) throw invalid('/publisher', `names no active publisher ("${name}")`)
  return writer
}

/**
 * Where the walk starts: the feed, checked as the fetcher will check it, or the export the
 * asker uploaded, in R2.
 */
async function startOf(c: Context<AppEnv>, input: ImportInput): Promise<ImportPosition> {
  if (input.source !== undefined) {
    const { allowHosts } = importConfig(c.env)
    const u = new URL(input.source)
    const hostPort = `${u.hostname.toLowerCase()}:${u.port || (u.protocol === 'https:' ? '443' : '80')}`
    const refused = allowHosts.has(hostPort) ? undefined : refuseUrl(input.source)
    if (refused) throw invalid('/source', `is not fetched: ${refused}`)
    return { kind: 'feed', url: u.href, index: 0, visited: [], pages: 0 }
  }
  const site = { baseUrl: c.var.baseUrl, mediaPublicUrl: c.var.config.mediaPublicUrl }
  const key = uploadKeyOf(site, input.wxr!)
  if (!key) {
    throw invalid(
      '/wxr',
      `must be the URL of a WordPress export uploaded through /api/media (${site.baseUrl}/api/media/{sha256})`,
    )
  }
  // The asker's own upload (the admin's, any): the coordinator knows who uploaded what.
  const file = await deskOf(c.env).readMedia(writerOf(c.var.principal), key)
  if (!file.ok) throw invalid('/wxr', `names no export of yours (${file.refusal.detail})`)
  if (!isExport(file.value.type)) {
    throw invalid('/wxr', `names a file of type ${file.value.type}, not a WordPress export`)
  }
  const object = await storedObject(c.env.MEDIA, key, file.value.type)
  if (!object) throw invalid('/wxr', 'names an export that is no longer stored')
  return { kind: 'wxr', key: object.key, size: object.size, cursor: START }
}

imports.post('/', importDocs.createImport, async (c) => {
  const input = await readJsonBody(c, ImportInput)
  const writer = await writerFor(c, input.publisher)
  const position = await startOf(c, input)
  const now = Date.now()
  const job: ImportJob = {
    id: crypto.randomUUID(),
    owner: c.var.principal.id,
    writer,
    state: 'queued',
    request: {
      ...(input.source ? { source: input.source } : {}),
      ...(input.wxr ? { wxr: input.wxr } : {}),
      dryRun: input.dry_run,
      ...(input.rehost_images ? { rehostImages: true, baseUrl: c.var.baseUrl } : {}),
      tags: input.tags,
      ...(input.since ? { since: input.since } : {}),
      ...(input.until ? { until: input.until } : {}),
    },
    position,
    finished: false,
    counts: input.rehost_images ? { ...emptyCounts(), images: 0 } : emptyCounts(),
    step: 0,
    runs: 1,
    createdMs: now,
  }
  await deskOf(c.env).createImport(job)
  await c.env.IMPORTS.create({ id: runId(job), params: { job: job.id } })
  c.header('Location', `/api/imports/${job.id}`)
  return c.json(importView(job, [], now), 202)
})

imports.get('/:id', importDocs.readImport, async (c) => {
  const { job, refused } = unwrap(
    await deskOf(c.env).readImport(writerOf(c.var.principal), c.req.param('id')),
  )
  return c.json(importView(job, refused, Date.now()))
})

/** Pauses: the step under way finishes, and the run stops before the next one. */
imports.post('/:id/pause', importDocs.pauseImport, async (c) => {
  const job = unwrap(
    await deskOf(c.env).controlImport(writerOf(c.var.principal), c.req.param('id'), 'pause'),
  )
  return c.json(importView(job, [], Date.now()))
})

/** Resumes a paused or failed import from where it stopped: a new run of the Workflow. */
imports.post('/:id/resume', importDocs.resumeImport, async (c) => {
  const job = unwrap(
    await deskOf(c.env).controlImport(writerOf(c.var.principal), c.req.param('id'), 'resume'),
  )
  await c.env.IMPORTS.create({ id: runId(job), params: { job: job.id } })
  return c.json(importView(job, [], Date.now()), 202)
})

/** Cancels: what is imported stays; nothing more is. */
imports.delete('/:id', importDocs.cancelImport, async (c) => {
  const job = unwrap(
    await deskOf(c.env).controlImport(writerOf(c.var.principal), c.req.param('id'), 'cancel'),
  )
  // A run still under way stops now; the coordinator's state stops any step that starts.
  try {
    const run = await c.env.IMPORTS.get(runId(job))
    const { status } = await run.status()
    if (['queued', 'running', 'paused', 'waiting'].includes(status)) await run.terminate()
  } catch {
    // No such run any more: nothing to stop.
  }
  return c.json(importView(job, [], Date.now()))
})
