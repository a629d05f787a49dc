/**
 * Edge caching and conditional GET for every public page and feed.
 *
 * Cached responses live in `caches.default` under the page's URL plus the content version,
 * so a publish makes every cached page stale at once without a purge: the next request
 * looks under a key that does not exist yet. A hit reads no article from KV; at most the
 * version, which itself is memoised in the Cache API (and compared with KV every 30 s).
 */
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from './env'
import { newest, readVersion, type ContentVersion } from './store/version'
import { toHttpDate } from './time'
import { INTERNAL_PATH } from './urls'
import { base64url, sha256 } from './digest'
import { readMemo, rememberVersion } from './version-memo'

/** Seconds a location trusts its memo of the content version before it compares it with KV. */
const VERSION_CHECK_SECONDS = 30
/** Seconds the last good copy of a page is kept to answer when a render fails. */
const STALE_KEEP_SECONDS = 7 * 24 * 3600

async function currentVersion(c: Context<AppEnv>): Promise<ContentVersion> {
  const origin = new URL(c.req.url).origin
  const known = await readMemo(origin)
  if (known && Date.now() - known.checked < VERSION_CHECK_SECONDS * 1000) return known
  // KV can be behind what this location has seen (a write on its way, or KV's own edge cache
  // of an older value): the newer one wins, so a location never shows older pages again.
  const version = newest(await readVersion(c.var.kv), known)
  c.executionCtx.waitUntil(refreshMemo(origin, version))
  return version
}

/**
 * Puts the memo back with a new `checked` time. A change in another isolate may have put a
 * newer version while KV was being read: that one is kept, so a refresh never takes the
 * location back to an older version. (The Cache API has no compare-and-swap; reading the
 * memo again just before the put leaves a window of one cache operation, not one KV read.)
 */
async function refreshMemo(origin: string, version: ContentVersion): Promise<void> {
  const { value, changed } = newest(version, await readMemo(origin))
  await rememberVersion(origin, { value, changed, checked: Date.now() })
}

/** The cache key of a page: its URL, the representation it negotiated, and the version. */
function cacheKey(url: string, variant: string, version?: ContentVersion): Request {
  const key = new URL(url)
  key.pathname = `${INTERNAL_PATH}/${version ? `v/${version.value}` : 'last-good'}/${variant}${key.pathname}`
  return new Request(key.toString())
}

async function strongEtag(body: ArrayBuffer): Promise<string> {
  return `"${base64url((await sha256(body)).slice(0, 18))}"`
}

/** True when the request's validators match, so 304 is the answer (RFC 9110 section 13.2.2). */
function notModified(req: Request, etag: string | null, lastModified: string | null): boolean {
  const inm = req.headers.get('If-None-Match')
  if (inm !== null) {
    if (!etag) return false
    // If-None-Match uses the weak comparison: W/"x" matches "x".
    return inm.split(',').some((tag) => {
      const t = tag.trim()
      return t === '*' || t.replace(/^W\//, '') === etag
    })
  }
  const ims = req.headers.get('If-Modified-Since')
  if (ims === null || !lastModified) return false
  const since = Date.parse(ims)
  return Number.isFinite(since) && Date.parse(lastModified) <= since
}

const KEPT_ON_304 = [
  'ETag',
  'Last-Modified',
  'Cache-Control',
  'Vary',
  'Content-Location',
  'Expires',
]

function answer(req: Request, res: Response): Response {
  if (!notModified(req, res.headers.get('ETag'), res.headers.get('Last-Modified'))) return res
  const headers = new Headers()
  for (const name of KEPT_ON_304) {
    const value = res.headers.get(name)
    if (value !== null) headers.set(name, value)
  }
  return new Response(null, { status: 304, headers })
}

/**
 * Serves public GET and HEAD from the edge cache, renders on a miss, answers conditional
 * requests with 304, and falls back to the last good copy (marked stale) when a render fails.
 * `variant` names the representation a request gets (e.g. HTML for a browser on a feed URL).
 */
export function edgeCache(
  variant: (c: Context<AppEnv>) => string = () => 'default',
): MiddlewareHandler<AppEnv> {
  return async function edgeCache(c, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next()
    const version = await currentVersion(c)
    c.set('version', version)
    const kind = variant(c)
    const key = cacheKey(c.req.url, kind, version)
    const cached = await caches.default.match(key)
    let res: Response
    let status = 'hit'
    if (cached) {
      res = cached
    } else {
      await next()
      if (c.res.status >= 500) {
        const stale = await caches.default.match(cacheKey(c.req.url, kind))
        if (!stale) return
        console.error(`render failed for ${c.req.url}; serving the last good copy`, c.error)
        res = new Response(stale.body, stale)
        res.headers.set('Cache-Control', `public, max-age=${c.var.config.cacheMaxAge}`)
        res.headers.set('X-Edgefeed-Stale', '1')
        status = 'stale'
      } else {
        res = await finish(c, c.res, version)
        status = 'miss'
        if (res.status === 200) {
          const keep = new Response(res.clone().body, res)
          keep.headers.set('Cache-Control', `public, max-age=${STALE_KEEP_SECONDS}`)
          c.executionCtx.waitUntil(
            Promise.all([
              caches.default.put(key, res.clone()),
              caches.default.put(cacheKey(c.req.url, kind), keep),
            ]),
          )
        }
      }
    }
    const reads = c.var.reads
    const out = answer(c.req.raw, new Response(res.body, res))
    out.headers.set(
      'Server-Timing',
      `cache;desc="${status}", kv-keys;desc="${reads.keys}", kv-lists;desc="${reads.lists}"`,
    )
    c.res = undefined
    c.res = out
  }
}

/** Adds the validators and caching headers to a freshly rendered page. */
async function finish(
  c: Context<AppEnv>,
  rendered: Response,
  version: ContentVersion,
): Promise<Response> {
  const body = await rendered.arrayBuffer()
  const res = new Response(body, rendered)
  res.headers.set('Cache-Control', `public, max-age=${c.var.config.cacheMaxAge}`)
  if (rendered.status === 200) res.headers.set('ETag', await strongEtag(body))
  if (version.changed > 0) res.headers.set('Last-Modified', toHttpDate(version.changed))
  return res
}
