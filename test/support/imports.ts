/** Starting archive imports through the API and running their Workflows to the end. */
import { env } from 'cloudflare:workers'
import { introspectWorkflow, type WorkflowIntrospector } from 'cloudflare:test'
import { expect } from 'vitest'
import { ADMIN_TOKEN, client, settleDesk } from '../helpers'
import { emptyCounts, type ImportJob } from '../../src/imports/job'

export const ADMIN = { id: 'admin', name: 'admin', admin: true }

/** A job as the API would record it, for the coordinator's tests (no Workflow runs it). */
export function job(id: string, dryRun = false): ImportJob {
  return {
    id,
    owner: 'admin',
    writer: ADMIN,
    state: 'queued',
    request: { source: `${oldSite('rss', id)}/feed.xml`, dryRun, tags: ['archive'] },
    position: {
      kind: 'feed',
      url: `${oldSite('rss', id)}/feed.xml`,
      index: 0,
      visited: [],
      pages: 0,
    },
    finished: false,
    counts: emptyCounts(),
    step: 0,
    runs: 1,
    createdMs: Date.now(),
  }
}

/** The old site's address for one test's own archive of `kind` (test/support/fixture-host.ts). */
export const oldSite = (kind: string, run: string = crypto.randomUUID().slice(0, 8)) =>
  `http://old.test:8080/f/${run}/${kind}`

/**
 * Watches every run of the import Workflow started from now on, with sleeps and retry delays
 * taken out (no test waits on the clock); `dispose` when done.
 */
export async function watchImports(): Promise<WorkflowIntrospector> {
  const watcher = await introspectWorkflow(env.IMPORTS)
  await watcher.modifyAll(async (m) => {
    await m.disableSleeps()
    await m.disableRetryDelays()
  })
  return watcher
}

/** Starts an import and answers its id; fails the test unless the API says 202. */
export async function startImport(body: Record<string, unknown>, token?: string): Promise<string> {
  const res = await client(token).json('POST', '/api/imports', body)
  expect(res.status, await res.clone().text()).toBe(202)
  const location = res.headers.get('Location')!
  expect(location).toMatch(/^\/api\/imports\/[0-9a-f-]{36}$/)
  return location.slice('/api/imports/'.length)
}

/** The import as the API shows it. */
export async function readImport(id: string, token?: string): Promise<any> {
  const res = await client(token).api(`/api/imports/${id}`)
  expect(res.status).toBe(200)
  return res.json()
}

/** Waits for the `n`-th run (1-based) to end as `status`, then for the coordinator. */
export async function runEnds(
  watcher: WorkflowIntrospector,
  status: 'complete' | 'errored' = 'complete',
  n?: number,
): Promise<void> {
  const runs = await watcher.get()
  const run = runs[(n ?? runs.length) - 1]
  expect(run, 'a run of the import Workflow').toBeDefined()
  await run!.waitForStatus(status)
  await settleDesk()
}

/** Uploads a WordPress export through `POST /api/media` and answers its URL (the Location). */
export async function uploadExport(xml: string, token?: string): Promise<string> {
  const res = await client(token).fetch('/api/media', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token ?? ADMIN_TOKEN}`, 'Content-Type': 'text/xml' },
    body: xml,
  })
  expect(res.status, await res.clone().text()).toBe(201)
  return res.headers.get('Location')!
}
