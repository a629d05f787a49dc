import { env } from 'cloudflare:workers'
import {
  createExecutionContext,
  runDurableObjectAlarm,
  runInDurableObject,
  waitOnExecutionContext,
} from 'cloudflare:test'
import Site from '../src/index'
import { expect } from 'vitest'
import { setTestClock } from './support/clock'
import { parseXml } from './support/parse'

export { dom, parseXml } from './support/parse'

export const ADMIN_TOKEN = 'test-admin-token'
export const SITE = 'https://news.example.org'

/**
 * The Worker's default entrypoint, run with the real bindings (KV, the Durable Object, the
 * queue), then its waitUntil work. Without Workers Cache in front: what a cache miss gets.
 */
export async function workerFetch(request: Request, bindings: Env = env): Promise<Response> {
  const ctx = createExecutionContext()
  const res = await new Site(ctx, bindings).fetch(request)
  await waitOnExecutionContext(ctx)
  return res
}

/**
 * A client for the Worker under test. Requests go to any host name: output never depends on
 * it (SITE_URL is set), which the edge tests check.
 */
export function client(token: string | null = ADMIN_TOKEN) {
  const origin = `https://t${crypto.randomUUID().slice(0, 8)}.test`
  const fetch = (path: string, init: RequestInit = {}) =>
    workerFetch(new Request(origin + path, init))
  const json = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    fetch(path, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
  return {
    origin,
    fetch,
    get: (path: string, headers: Record<string, string> = {}) => fetch(path, { headers }),
    post: (body: unknown, headers?: Record<string, string>) =>
      json('POST', '/api/articles', body, headers),
    put: (id: string, body: unknown) => json('PUT', `/api/articles/${id}`, body),
    del: (id: string) => json('DELETE', `/api/articles/${id}`),
    api: (path: string) => json('GET', path),
    json,
  }
}

/**
 * Publishes an article and returns the stored one, failing the test if the API refuses; then
 * lets the coordinator finish (KV, the list of tags, the first purge).
 */
export async function publish(c: ReturnType<typeof client>, body: Record<string, unknown>) {
  const res = await c.post(body)
  if (res.status !== 201) throw new Error(`publish failed: ${res.status} ${await res.text()}`)
  const article = await res.json<{ id: string; title: string; [k: string]: unknown }>()
  await settleDesk()
  return article
}

/** The site's write coordinator. */
export const desk = () => env.DESK.getByName('site')

/**
 * Runs the coordinator's alarm until it says it is settled: every write in KV, scheduled
 * articles due released, and every purge due by now sent. A purge that waits for the budget
 * or for other writes to join it is due later: the test clock is moved to it, as no real
 * time need pass (test/support/clock.ts).
 */
export async function settleDesk(): Promise<void> {
  for (let round = 0; round < 100; round++) {
    const s = await desk().status()
    if (s.settled) return
    if (!s.purge_due_now && s.purges_due > 0 && s.next_purge !== null) {
      setTestClock(Date.parse(s.next_purge))
    }
    if (!(await runDurableObjectAlarm(desk()))) {
      await runInDurableObject(desk(), (instance) => instance.alarm())
    }
  }
  throw new Error(`the write coordinator did not settle: ${JSON.stringify(await desk().status())}`)
}

/** Every row the coordinator keeps, table by table: compared before and after a refused write. */
export async function deskSnapshot(): Promise<Record<string, unknown[]>> {
  return runInDurableObject(desk(), (_, state) => {
    const sql = state.storage.sql
    const tables = sql
      .exec<{ name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY name",
      )
      .toArray()
      .map((t) => t.name)
    return Object.fromEntries(tables.map((t) => [t, sql.exec(`SELECT * FROM ${t}`).toArray()]))
  })
}

/** KV and the coordinator's storage together: nothing of a refused write may reach either. */
export async function storeSnapshot() {
  return { kv: await kvSnapshot(), desk: await deskSnapshot() }
}

/** Every key in KV with its value and metadata: compared before and after a refused write. */
export async function kvSnapshot(): Promise<
  Record<string, { value: string | null; metadata: unknown }>
> {
  const out: Record<string, { value: string | null; metadata: unknown }> = {}
  let cursor: string | undefined
  do {
    const page = await env.ARTICLES.list({ cursor })
    for (const key of page.keys) {
      out[key.name] = { value: await env.ARTICLES.get(key.name), metadata: key.metadata ?? null }
    }
    cursor = page.list_complete ? undefined : page.cursor
  } while (cursor)
  return out
}

/** The items of each format, read back by parsing, newest first. */
export async function readFeeds(c: ReturnType<typeof client>, prefix = '', query = '') {
  const [rss, atom, json] = await Promise.all(
    ['feed.xml', 'atom.xml', 'feed.json'].map(async (file) => {
      const res = await c.get(`${prefix}/${file}${query}`)
      expect(res.status).toBe(200)
      return res.text()
    }),
  )
  const rssDoc = parseXml(rss!)
  const atomDoc = parseXml(atom!)
  const jsonDoc = JSON.parse(json!)
  return {
    rss: (rssDoc.rss.channel.item ?? []) as any[],
    atom: (atomDoc.feed.entry ?? []) as any[],
    json: jsonDoc.items as any[],
    rssDoc,
    atomDoc,
    jsonDoc,
  }
}

/**
 * The article ids the sitemaps list, once per id: the index's numbered parts read in turn,
 * each article's own address (its script versions are listed beside it).
 */
export async function sitemapIds(c: ReturnType<typeof client>): Promise<string[]> {
  const index = await (await c.get('/sitemap.xml')).text()
  const parts = [...index.matchAll(/<loc>[^<]*(\/sitemaps\/\d+\.xml)<\/loc>/g)].map((m) => m[1]!)
  const ids: string[] = []
  for (const part of parts) {
    const xml = await (await c.get(part)).text()
    for (const m of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      const path = new URL(m[1]!).pathname
      if (path.startsWith('/articles/'))
        ids.push(decodeURIComponent(path.slice('/articles/'.length)))
    }
  }
  return ids
}
