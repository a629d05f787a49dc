import { env } from 'cloudflare:workers'
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import worker from '../src/index'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { Parser } from 'htmlparser2'
import { expect } from 'vitest'

export const ADMIN_TOKEN = 'test-admin-token'
export const SITE = 'https://news.example.org'

/**
 * A client for the Worker under test. Each client has its own host name: the edge cache
 * and the memoised content version are kept per origin, so tests never see each other's
 * cached pages even though the Cache API outlives `reset()`.
 */
export function client(token: string | null = ADMIN_TOKEN) {
  const origin = `https://t${crypto.randomUUID().slice(0, 8)}.test`
  // The Worker's own fetch handler with the real bindings, then its waitUntil work, so a
  // cache write is done before the next request. (Going through `exports.default.fetch`
  // measured 20 ms per request, growing to 95 ms over 800 requests in one file; this path
  // stays under 0.1 ms.)
  const fetch = async (path: string, init: RequestInit = {}) => {
    const ctx = createExecutionContext()
    const res = await worker.fetch(new Request(origin + path, init), env, ctx)
    await waitOnExecutionContext(ctx)
    return res
  }
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

/** Publishes an article and returns the stored one, failing the test if the API refuses. */
export async function publish(c: ReturnType<typeof client>, body: Record<string, unknown>) {
  const res = await c.post(body)
  if (res.status !== 201) throw new Error(`publish failed: ${res.status} ${await res.text()}`)
  return res.json<{ id: string; title: string; [k: string]: unknown }>()
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

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) =>
    ['item', 'entry', 'category', 'link', 'atom:link', 'author', 'dc:creator'].includes(name),
})

/** Parses an XML document, failing the test unless it is well-formed. */
export function parseXml(text: string): any {
  const valid = XMLValidator.validate(text)
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`)
  return parser.parse(text)
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

/** The counters the Worker reports in Server-Timing. */
export function serverTiming(res: Response): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of (res.headers.get('Server-Timing') ?? '').split(',')) {
    const m = /^\s*([\w-]+);desc="([^"]*)"/.exec(part)
    if (m) out[m[1]!] = m[2]!
  }
  return out
}

/** The elements of an HTML page, read with a real HTML parser. */
export function dom(html: string) {
  const elements: { name: string; attribs: Record<string, string>; text: string }[] = []
  const open: number[] = []
  const parser = new Parser({
    onopentag(name, attribs) {
      open.push(elements.push({ name, attribs, text: '' }) - 1)
    },
    ontext(text) {
      for (const i of open) elements[i]!.text += text
    },
    onclosetag() {
      open.pop()
    },
  })
  parser.end(html)
  const all = (name: string, attr?: Record<string, string>) =>
    elements.filter(
      (e) => e.name === name && Object.entries(attr ?? {}).every(([k, v]) => e.attribs[k] === v),
    )
  return { all, one: (name: string, attr?: Record<string, string>) => all(name, attr)[0] }
}
