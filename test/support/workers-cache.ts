/**
 * A model of Workers Cache, the one platform part with no local form, built from its
 * documentation (developers.cloudflare.com/workers/cache/, summarised in
 * ../shared/research/workers-cache.md):
 *
 * - entries are keyed by path and query string (never the host) and by the values of the
 *   request headers the response names in `Vary`, compared verbatim; GET and HEAD share one;
 * - freshness comes from `Cloudflare-CDN-Cache-Control`, else `CDN-Cache-Control`, else
 *   `Cache-Control`; `no-store`, `private`, `Set-Cookie` and `Vary: *` are never stored; a
 *   response without any policy is stored with the heuristic TTLs of its status;
 * - `Cache-Tag` is stripped before the client sees it; a tag that is not printable ASCII, or
 *   over 1,024 characters, is dropped silently; purges match tags case-insensitively;
 * - purges take at most 100 tags and are limited to 5 requests a minute with a burst of 25
 *   (a refused one answers `success: false`); `invalidate()` marks entries stale instead.
 *
 * Tests send public requests through `fetch` and replay the purges the Worker logs locally.
 */

export type CacheStatus = 'HIT' | 'MISS' | 'EXPIRED' | 'BYPASS'

interface Entry {
  vary: [string, string | null][]
  status: number
  headers: [string, string][]
  body: ArrayBuffer
  tags: Set<string>
  storedAt: number
  maxAgeMs: number
  stale: boolean
}

/** The heuristic TTLs (seconds) of responses that state no policy. */
const HEURISTIC: Record<number, number> = {
  200: 7200,
  203: 7200,
  204: 7200,
  300: 1200,
  301: 1200,
  404: 180,
  405: 60,
  410: 180,
  414: 60,
  501: 60,
}

const VALID_TAG = /^[\x21-\x2B\x2D-\x7E]{1,1024}$/
export const PURGE_BURST = 25
export const PURGES_PER_MINUTE = 5

/** The directives of a cache-control header: name, and value when it has one. */
function directives(header: string | null): Map<string, string | true> {
  const out = new Map<string, string | true>()
  for (const part of (header ?? '').split(',')) {
    const [name, value] = part.trim().toLowerCase().split('=')
    if (name) out.set(name, value === undefined ? true : value.replace(/^"|"$/g, ''))
  }
  return out
}

export class WorkersCacheModel {
  private readonly entries = new Map<string, Entry[]>()
  /** Every purge or invalidate request, accepted or refused. */
  readonly requests: { at: number; kind: 'purge' | 'invalidate'; tags: string[]; ok: boolean }[] =
    []
  private bucket = { tokens: PURGE_BURST, at: Date.now() }

  constructor(private readonly clock: () => number = () => Date.now()) {}

  /** Requests refused for the rate limit: the Worker must never cause one. */
  get refused(): number {
    return this.requests.filter((r) => !r.ok).length
  }

  /** Answers from the cache, or from `origin` (and stores what it may). */
  async fetch(
    request: Request,
    origin: (request: Request) => Promise<Response>,
  ): Promise<{ response: Response; status: CacheStatus }> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return { response: await origin(request), status: 'BYPASS' }
    }
    const url = new URL(request.url)
    const key = url.pathname + url.search
    const now = this.clock()
    const found = (this.entries.get(key) ?? []).find((e) =>
      e.vary.every(([name, value]) => request.headers.get(name) === value),
    )
    if (found && !found.stale && now - found.storedAt < found.maxAgeMs) {
      return { response: this.answer(found, request.method), status: 'HIT' }
    }
    // A HEAD on a miss is fetched as a GET, so the entry can serve both.
    const res = await origin(new Request(request, { method: 'GET' }))
    const entry = await this.store(key, request, res, now)
    const status = found ? 'EXPIRED' : 'MISS'
    if (entry) return { response: this.answer(entry, request.method), status }
    return { response: strip(res, request.method), status }
  }

  private async store(key: string, request: Request, res: Response, now: number) {
    const policy = directives(
      res.headers.get('Cloudflare-CDN-Cache-Control') ??
        res.headers.get('CDN-Cache-Control') ??
        res.headers.get('Cache-Control'),
    )
    if (policy.has('no-store') || policy.has('private')) return undefined
    if (res.headers.has('Set-Cookie')) return undefined
    const vary = (res.headers.get('Vary') ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean)
    if (vary.includes('*')) return undefined
    const maxAge = policy.get('max-age') ?? policy.get('s-maxage')
    const seconds = typeof maxAge === 'string' ? Number(maxAge) : HEURISTIC[res.status]
    if (seconds === undefined || !(seconds > 0)) return undefined
    const tags = new Set(
      (res.headers.get('Cache-Tag') ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter((t) => VALID_TAG.test(t))
        .slice(0, 1000)
        .map((t) => t.toLowerCase()),
    )
    const entry: Entry = {
      vary: vary.map((name) => [name, request.headers.get(name)]),
      status: res.status,
      headers: [...res.headers].filter(
        ([name]) => !['cache-tag', 'cloudflare-cdn-cache-control'].includes(name.toLowerCase()),
      ),
      body: await res.arrayBuffer(),
      tags,
      storedAt: now,
      maxAgeMs: seconds * 1000,
      stale: false,
    }
    const others = (this.entries.get(key) ?? []).filter(
      (e) =>
        !e.vary.every(([name, value]) => entry.vary.some(([n, v]) => n === name && v === value)),
    )
    this.entries.set(key, [...others, entry])
    return entry
  }

  private answer(entry: Entry, method: string): Response {
    return new Response(method === 'HEAD' ? null : entry.body.slice(0), {
      status: entry.status,
      headers: entry.headers,
    })
  }

  purge(options: CachePurgeOptions): CachePurgeResult {
    return this.apply('purge', options)
  }

  invalidate(options: CachePurgeOptions): CachePurgeResult {
    return this.apply('invalidate', options)
  }

  private apply(kind: 'purge' | 'invalidate', options: CachePurgeOptions): CachePurgeResult {
    const tags = options.tags ?? []
    const now = this.clock()
    const refill = ((now - this.bucket.at) * PURGES_PER_MINUTE) / 60_000
    this.bucket = { tokens: Math.min(PURGE_BURST, this.bucket.tokens + refill), at: now }
    const ok = this.bucket.tokens >= 1 && tags.length <= 100
    this.requests.push({ at: now, kind, tags, ok })
    if (!ok) {
      return {
        success: false,
        errors: [{ code: 429, message: 'purge rate limit or size exceeded' }],
      }
    }
    this.bucket.tokens -= 1
    const wanted = new Set(tags.map((t) => t.toLowerCase()))
    for (const [key, list] of this.entries) {
      const kept = list.filter((entry) => {
        const hit = [...entry.tags].some((t) => wanted.has(t))
        if (hit && kind === 'invalidate') entry.stale = true
        return !(hit && kind === 'purge')
      })
      if (kept.length) this.entries.set(key, kept)
      else this.entries.delete(key)
    }
    return { success: true, errors: [] }
  }

  /** Every stored entry, with its key and what it varies on, for comparing with fresh renders. */
  stored(): {
    key: string
    vary: [string, string | null][]
    status: number
    body: ArrayBuffer
    stale: boolean
  }[] {
    return [...this.entries].flatMap(([key, list]) =>
      list.map((e) => ({ key, vary: e.vary, status: e.status, body: e.body, stale: e.stale })),
    )
  }

  /** Stores a response as the Worker might have rendered it from a stale KV read. */
  async poison(key: string, response: Response): Promise<void> {
    await this.store(key, new Request(`https://any.example${key}`), response, this.clock())
  }
}

function strip(res: Response, method: string): Response {
  const headers = new Headers(res.headers)
  headers.delete('Cache-Tag')
  headers.delete('Cloudflare-CDN-Cache-Control')
  return new Response(method === 'HEAD' ? null : res.body, { status: res.status, headers })
}
