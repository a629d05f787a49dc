/**
 * Caching headers on the way out: public responses get their policy, tags and validators;
 * everything else says `no-store`.
 */
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { toHttpDate } from '../time'
import { notModified, notModifiedResponse, strongEtag } from './conditional'
import { isCachedStatus, NO_STORE, publicPolicy } from './policy'
import { cacheTagHeader } from './tags'

/** Names what this response shows, for purging (see tags.ts). */
export function tagResponse(c: Context<AppEnv>, ...tags: string[]): void {
  c.set('cacheTags', [...(c.get('cacheTags') ?? []), ...tags])
}

/**
 * Keeps this response at most `seconds`, at the edge and with readers: for what changes with
 * the clock and not only with writes (the news sitemap's window of two days).
 */
export function keepAtMost(c: Context<AppEnv>, seconds: number): void {
  c.set('keepSeconds', Math.min(c.get('keepSeconds') ?? Infinity, Math.max(0, Math.floor(seconds))))
}

/**
 * Says when what this response shows last changed (in ms, as the coordinator recorded it), and
 * returns the response's Last-Modified: the latest of those times and of the deploy, to the
 * second (HTTP dates have no finer grain). The same content always gives the same time.
 */
export function changedAt(c: Context<AppEnv>, ...ms: number[]): number {
  const latest = Math.max(c.var.config.deployedMs, c.get('changedMs') ?? 0, ...ms)
  const at = Math.floor(latest / 1000) * 1000
  c.set('changedMs', at)
  return at
}

/**
 * For every public route: a page, redirect, 404 or 410 gets the public policy and its cache
 * tags; a 200 also gets a strong `ETag` and `Last-Modified`, and a matching conditional
 * request gets 304. Only a 200 is ever turned into a 304. A route that sets `Cache-Control`
 * itself (a `no-store` redirect) is left as it is.
 *
 * `Last-Modified` is when what the response shows last changed (`changedAt`): the same on
 * every render of the same content, so a reader revalidating with `If-Modified-Since` alone
 * gets its 304. A response that names no time (a stylesheet) changes only with a deploy.
 */
export const publicEdge: MiddlewareHandler<AppEnv> = async function publicEdge(c, next) {
  await next()
  const res = c.res
  if (res.headers.has('Cache-Control')) return
  const cacheable =
    (c.req.method === 'GET' || c.req.method === 'HEAD') && isCachedStatus(res.status)
  if (!cacheable) {
    c.header('Cache-Control', NO_STORE)
    return
  }
  const tags = c.get('cacheTags') ?? []
  const headers = new Headers(res.headers)
  const policy = publicPolicy(c.var.config.cacheMaxAge, res.status, c.get('keepSeconds'))
  for (const [name, value] of Object.entries(policy)) {
    headers.set(name, value)
  }
  if (tags.length) headers.set('Cache-Tag', cacheTagHeader(tags))
  let body: BodyInit | null = res.body
  if (res.status === 200) {
    const bytes = await res.arrayBuffer()
    body = bytes
    headers.set('ETag', await strongEtag(bytes))
    headers.set('Last-Modified', toHttpDate(c.get('changedMs') ?? changedAt(c)))
  }
  const out = new Response(body, { status: res.status, headers })
  // Hono's `c.res` setter copies every header of the response it replaces onto the new one,
  // which would put back what a 304 leaves out: cleared first, `out` is the whole answer.
  c.res = undefined
  c.res =
    res.status === 200 &&
    notModified(c.req.raw.headers, headers.get('ETag'), headers.get('Last-Modified'))
      ? notModifiedResponse(out)
      : out
}

/** Anything that did not state a policy is not stored: Workers Cache would keep it two hours. */
export const noStoreByDefault: MiddlewareHandler<AppEnv> = async function noStoreByDefault(
  c,
  next,
) {
  await next()
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', NO_STORE)
}
