/**
 * The old site the import tests fetch from, played by the integration tests' outbound
 * service (vitest.config.ts), which runs beside workerd and keeps its own counts. Every path
 * is `/f/{run}/{kind}/{document}`: `run` names the test's own site, so tests never share
 * state; `kind` picks the archive (rss, atom, json, big, loop, private); a run named
 * `...~fail{k}x{m}` answers 500 to its k-th to (k+m-1)-th requests, then recovers. A request
 * without the importer's User-Agent is refused, as a site with bot rules might.
 */
import { atomPaged, jsonFeedPaged, rssArchive } from './archives'

export const FIXTURE_HOST = 'old.test:8080'

const requests = new Map<string, number>()
const cache = new Map<string, Map<string, string>>()

function documents(kind: string, base: string): Map<string, string> | undefined {
  const key = `${kind} ${base}`
  if (!cache.has(key)) {
    const made =
      kind === 'rss'
        ? rssArchive(250, 50, base)
        : kind === 'big'
          ? rssArchive(1000, 100, base)
          : kind === 'atom'
            ? atomPaged(60, 25, base)
            : kind === 'json'
              ? jsonFeedPaged(45, 20, base)
              : kind === 'loop'
                ? loop(base)
                : undefined
    if (!made) return undefined
    cache.set(key, made)
  }
  return cache.get(key)
}

/** An archive whose oldest document links back to the newest. */
function loop(base: string): Map<string, string> {
  const docs = rssArchive(20, 10, base)
  const oldest = docs.get('/archive/1.xml')!
  docs.set(
    '/archive/1.xml',
    oldest.replace(
      '<fh:archive/>',
      `<fh:archive/>\n    <atom:link rel="prev-archive" href="${base}/feed.xml"/>`,
    ),
  )
  return docs
}

/** Answers a request to the old site. */
export function serveFixture(request: Request): Response {
  const url = new URL(request.url)
  const m = /^\/f\/([^/]+)\/([a-z]+)(\/.*)$/.exec(url.pathname)
  if (!m) return new Response('not here', { status: 404 })
  const [, run, kind, rest] = m as unknown as [string, string, string, string]
  if (!request.headers.get('User-Agent')?.startsWith('edgefeed-import/')) {
    return new Response('say who you are', { status: 403 })
  }
  const n = (requests.get(run) ?? 0) + 1
  requests.set(run, n)
  const flaky = /~fail(\d+)x(\d+)$/.exec(run)
  if (flaky && n >= Number(flaky[1]) && n < Number(flaky[1]) + Number(flaky[2])) {
    return new Response('upstream trouble', { status: 500 })
  }
  if (kind === 'private') {
    return new Response(null, { status: 302, headers: { Location: 'http://127.0.0.1/feed.xml' } })
  }
  const base = `http://${FIXTURE_HOST}/f/${run}/${kind}`
  const doc = documents(kind, base)?.get(rest + url.search)
  if (doc === undefined) return new Response('no such page', { status: 404 })
  const type = rest.endsWith('.json') ? 'application/feed+json' : 'application/xml'
  return new Response(doc, { headers: { 'Content-Type': type } })
}
