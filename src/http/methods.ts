/**
 * Methods a URL does not answer, `OPTIONS` and `HEAD`. A request whose method no route of the
 * app takes at a path that other methods do gets `405 Method Not Allowed` with the `Allow`
 * header (RFC 9110 §15.5.6), not a 404 that says the URL does not exist; it is never cached.
 * `OPTIONS` of a public URL is answered `204` with `Allow` (§9.3.7), and for a feed as a CORS
 * preflight (src/http/cors.ts); the API, Micropub and the desk take no `OPTIONS`, so no
 * browser is ever told it may call them from another origin. `HEAD` carries the
 * `Content-Length` its `GET` would (§9.3.2).
 */
import type { Context, Hono, MiddlewareHandler } from 'hono'
import { parseAccept } from 'hono/utils/accept'
import type { AppEnv } from '../env'
import { preflightHeaders } from './cors'
import { problemResponse } from './problem'

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

/** What a route was added with, as Hono's router hands it back. */
type Matched = [[unknown, { method: string }], unknown]

/** Whether a route of `app` (not a middleware for every method) takes `method` at `path`. */
function routed(app: Hono<AppEnv>, method: string, path: string): boolean {
  const [matches] = app.router.match(method, path) as unknown as [Matched[]]
  return matches.some(([[, route]]) => route.method === method)
}

/** Where writes are taken, with credentials: no `OPTIONS`, and never CORS. */
const WRITE_AREAS = /^\/(api|micropub|desk)(\/|$)/

/**
 * The methods `app` answers at `path`, HEAD with GET, and OPTIONS at a public URL; empty when
 * nothing is there.
 */
export function allowedMethods(app: Hono<AppEnv>, path: string): string[] {
  const allowed = METHODS.filter((method) => routed(app, method, path))
  if (!allowed.includes('GET')) return allowed
  const options = WRITE_AREAS.test(path) ? [] : ['OPTIONS']
  return ['GET', 'HEAD', ...allowed.slice(1), ...options]
}

/** Answers 405 with `Allow` for a method `app` has no route for at a path it serves. */
export function methodNotAllowed(app: Hono<AppEnv>): MiddlewareHandler<AppEnv> {
  return async function methodNotAllowed(c, next) {
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method
    if (routed(app, method, c.req.path)) return next()
    const allowed = allowedMethods(app, c.req.path)
    if (allowed.length === 0) return next()
    if (c.req.method === 'OPTIONS' && allowed.includes('OPTIONS')) {
      return c.body(null, 204, { Allow: allowed.join(', '), ...preflightHeaders(c.req.path) })
    }
    return problemResponse(
      405,
      {
        title: 'Method Not Allowed',
        detail: `${c.req.method.slice(0, 20)} is not answered here; ${allowed.join(', ')} are.`,
      },
      { Allow: allowed.join(', ') },
    )
  }
}

/**
 * Whether the response may leave with a content coding the platform chooses: Cloudflare's edge
 * compresses text for a client that accepts gzip, br or zstd, and workerd does the same under
 * `wrangler dev`, sending the GET chunked, without a Content-Length.
 */
function mayBeEncoded(c: Context<AppEnv>): boolean {
  // On Cloudflare the Worker sees the edge's own Accept-Encoding; the client's is in `cf`.
  const client = (c.req.raw.cf as { clientAcceptEncoding?: unknown } | undefined)
    ?.clientAcceptEncoding
  const header = typeof client === 'string' ? client : c.req.header('Accept-Encoding')
  if (!header) return false
  return parseAccept(header).some((a) => a.q > 0 && a.type.toLowerCase() !== 'identity')
}

/**
 * Gives a response to `HEAD` the `Content-Length` of the body `GET` would send: the length of
 * the identity body, when the client accepts no other coding. A client that accepts gzip may
 * get the GET compressed, of a length only the compressor knows, so its HEAD has none (RFC 9110
 * §8.6: a HEAD's Content-Length must be what the GET would send, or absent).
 */
export const headLength: MiddlewareHandler<AppEnv> = async function headLength(c, next) {
  await next()
  if (c.req.method !== 'HEAD' || !c.res.body || c.res.headers.has('Content-Length')) return
  if (mayBeEncoded(c)) return
  const length = (await c.res.clone().arrayBuffer()).byteLength
  c.header('Content-Length', String(length))
}
