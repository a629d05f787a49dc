/**
 * How long each response may be kept, and by whom.
 *
 * Public responses are kept by readers for `CACHE_MAX_AGE` (`Cache-Control`) and by Workers
 * Cache far longer (`Cloudflare-CDN-Cache-Control`, which Cloudflare obeys and strips),
 * because every write purges what it changed. The edge directives use `max-age`, never
 * `s-maxage`, `must-revalidate` or `proxy-revalidate`: those switch `stale-while-revalidate`
 * and `stale-if-error` off. Everything else says `no-store`: a response without a policy
 * would otherwise be cached for two hours.
 */

/** How long the edge keeps a public response between purges: the bound if a purge is lost. */
export const EDGE_MAX_AGE = 24 * 3600
/** After EDGE_MAX_AGE (or an `invalidate()`), a stale copy is served while one is re-rendered. */
export const EDGE_STALE_WHILE_REVALIDATE = 600
/** A render that fails (a bug, a KV outage) serves the last cached copy for up to a week. */
export const EDGE_STALE_IF_ERROR = 7 * 24 * 3600

export const NO_STORE = 'no-store'

/**
 * How long anyone keeps a 404: a minute. Any path can be asked for, and each asked for would
 * otherwise hold a cache entry for a day; a write that puts something there purges it anyway.
 */
export const NOT_FOUND_MAX_AGE = 60

/**
 * The two caching headers of a public response that readers may keep `readerSeconds`, and
 * anyone at most `keepSeconds` when it ages by the clock.
 */
export function publicPolicy(
  readerSeconds: number,
  status = 200,
  keepSeconds = Infinity,
): Record<string, string> {
  const short = status === 404 ? NOT_FOUND_MAX_AGE : keepSeconds
  if (short < EDGE_MAX_AGE) {
    return {
      'Cache-Control': `public, max-age=${Math.min(readerSeconds, short)}`,
      'Cloudflare-CDN-Cache-Control': `public, max-age=${short}`,
    }
  }
  return {
    'Cache-Control': `public, max-age=${readerSeconds}`,
    'Cloudflare-CDN-Cache-Control': `public, max-age=${EDGE_MAX_AGE}, stale-while-revalidate=${EDGE_STALE_WHILE_REVALIDATE}, stale-if-error=${EDGE_STALE_IF_ERROR}`,
  }
}

/** Statuses a public route answers that are cached: a page, a redirect, a missing or gone page. */
const CACHED_STATUSES = new Set([200, 301, 302, 404, 410])

export function isCachedStatus(status: number): boolean {
  return CACHED_STATUSES.has(status)
}
