/**
 * Cross-origin reading of the public feeds, for aggregators and readers that run in a browser
 * (Fetch, CORS). Feeds are public and need no credentials, so any origin may read them; the
 * headers such a reader needs beyond the safelisted ones (`ETag` for its next conditional
 * request, `Link` for WebSub's hub and self) are exposed, and a preflight (a conditional request
 * sends `If-None-Match`, which is not safelisted) is answered. Nothing here applies to the API,
 * Micropub or the desk: their calls carry credentials and are never cross-origin.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { SCRIPTS } from '../articles/script'

/** Feeds (the site's, a tag's, an author's, in each script) and the OPML. */
const FEED_PATH = new RegExp(
  `^(/(${SCRIPTS.join('|')}))?(/(tags|authors)/[^/]+)?/(feed\\.xml|atom\\.xml|feed\\.json)$|^/feeds\\.opml$`,
)

/**
 * What a feed response carries besides `Access-Control-Allow-Origin: *`, which every public
 * response but an HTML page has (src/app.ts).
 */
const EXPOSE = { 'Access-Control-Expose-Headers': 'ETag, Link' } as const

const PREFLIGHT = {
  'Access-Control-Allow-Origin': '*',
  ...EXPOSE,
  'Access-Control-Allow-Methods': 'GET, HEAD',
  'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since, Cache-Control',
  'Access-Control-Max-Age': '86400',
} as const

/** Whether `path` is a public feed that browsers may read from any origin. */
export function isFeedPath(path: string): boolean {
  return FEED_PATH.test(path)
}

/** Headers a CORS preflight for `path` is answered with; none for what is not a feed. */
export function preflightHeaders(path: string): Record<string, string> {
  return isFeedPath(path) ? PREFLIGHT : {}
}

/** Lets a cross-origin reader of a feed see its `ETag` and WebSub `Link`s. */
export const feedCors: MiddlewareHandler<AppEnv> = async function feedCors(c, next) {
  await next()
  if (!isFeedPath(c.req.path)) return
  for (const [name, value] of Object.entries(EXPOSE)) c.header(name, value)
}
