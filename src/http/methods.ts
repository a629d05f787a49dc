/**
 * Methods a URL does not answer, and `HEAD`. A request whose method no route of the app takes
 * at a path that other methods do gets `405 Method Not Allowed` with the `Allow` header
 * (RFC 9110 §15.5.6), not a 404 that says the URL does not exist; it is never cached. `HEAD`
 * carries the `Content-Length` its `GET` would (§9.3.2).
 */
import type { Hono, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { problemResponse } from './problem'

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

/** What a route was added with, as Hono's router hands it back. */
type Matched = [[unknown, { method: string }], unknown]

/** Whether a route of `app` (not a middleware for every method) takes `method` at `path`. */
function routed(app: Hono<AppEnv>, method: string, path: string): boolean {
  const [matches] = app.router.match(method, path) as unknown as [Matched[]]
  return matches.some(([[, route]]) => route.method === method)
}

/** The methods `app` answers at `path`, HEAD with GET; empty when nothing is there. */
export function allowedMethods(app: Hono<AppEnv>, path: string): string[] {
  const allowed = METHODS.filter((method) => routed(app, method, path))
  return allowed.includes('GET') ? ['GET', 'HEAD', ...allowed.slice(1)] : allowed
}

/** Answers 405 with `Allow` for a method `app` has no route for at a path it serves. */
export function methodNotAllowed(app: Hono<AppEnv>): MiddlewareHandler<AppEnv> {
  return async function methodNotAllowed(c, next) {
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method
    if (routed(app, method, c.req.path)) return next()
    const allowed = allowedMethods(app, c.req.path)
    if (allowed.length === 0) return next()
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

/** Gives a response to `HEAD` the `Content-Length` of the body `GET` would send. */
export const headLength: MiddlewareHandler<AppEnv> = async function headLength(c, next) {
  await next()
  if (c.req.method !== 'HEAD' || !c.res.body || c.res.headers.has('Content-Length')) return
  const length = (await c.res.clone().arrayBuffer()).byteLength
  c.header('Content-Length', String(length))
}
