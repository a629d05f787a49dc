/**
 * Every request the service makes to another host for its content (an image to copy, an old
 * site's feed page) goes through `fetchPublic`: public hosts only (address.ts), each redirect
 * followed by hand and checked the same way before it is, a time limit on the whole and a
 * size limit on the body. A host and port listed in `allowHosts` (IMPORT_ALLOW_HOSTS, for the
 * tests' fixture servers) is fetched without the address checks.
 */
import { refuseHost } from './address'

/** What came back: the body and the URL it came from, or why not. */
export type Fetched =
  | { ok: true; bytes: Uint8Array; url: string }
  | {
      ok: false
      /** Says what happened to the URL asked for ("is not fetched: ...", "answered 404"). */
      reason: string
      /** Worth trying again later (a timeout, a 5xx, DNS failing). */
      transient: boolean
    }

export interface PublicFetch {
  /** For the whole fetch, redirects and DNS included. */
  timeoutMs: number
  /** Redirects followed, each to a host checked like the first. */
  maxHops: number
  /** The largest body read. */
  limit: number
  headers: Record<string, string>
  /** `host:port` pairs fetched although they are not public hosts. */
  allowHosts?: Set<string>
}

const failed = (reason: string, transient = false): Fetched => ({ ok: false, reason, transient })

/**
 * The body, read up to `limit` bytes; undefined when there is more (said by Content-Length, or
 * found on the way).
 */
async function readCapped(res: Response, limit: number): Promise<Uint8Array | undefined> {
  if (Number(res.headers.get('Content-Length') ?? 0) > limit) {
    await res.body?.cancel()
    return undefined
  }
  if (!res.body) return new Uint8Array()
  const reader = (res.body as ReadableStream<Uint8Array>).getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.length
    if (size > limit) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    bytes.set(c, at)
    at += c.length
  }
  return bytes
}

function allowed(url: string, allowHosts: Set<string> | undefined): boolean {
  if (!allowHosts?.size) return false
  const u = new URL(url)
  const port = u.port || (u.protocol === 'https:' ? '443' : '80')
  return allowHosts.has(`${u.hostname.toLowerCase()}:${port}`)
}

/** Why the service may not fetch `url` now: undefined when it may; throws when DNS fails. */
async function refusal(url: string, options: PublicFetch, signal: AbortSignal) {
  return allowed(url, options.allowHosts) ? undefined : refuseHost(url, signal)
}

/** Fetches `url` from a public host, following redirects to public hosts; or says why not. */
export async function fetchPublic(url: string, options: PublicFetch): Promise<Fetched> {
  const { timeoutMs, maxHops, limit, headers } = options
  const signal = AbortSignal.timeout(timeoutMs)
  let current = url
  for (let hop = 0; hop <= maxHops; hop++) {
    const where = hop ? `redirected to ${current.slice(0, 200)}, which ` : ''
    try {
      const refused = await refusal(current, options, signal)
      if (refused) return failed(`${where}is not fetched: ${refused}`)
    } catch (error) {
      return failed(`${where}could not be looked up: ${String(error).slice(0, 120)}`, true)
    }
    let res: Response
    try {
      res = await fetch(current, { redirect: 'manual', signal, headers })
    } catch (error) {
      const timedOut = signal.aborted
      return failed(
        timedOut ? `no answer within ${timeoutMs / 1000} s` : String(error).slice(0, 160),
        true,
      )
    }
    const location = res.headers.get('Location')
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel()
      if (!URL.canParse(location, current)) return failed(`${where}redirects to a malformed URL`)
      current = new URL(location, current).href
      continue
    }
    if (res.status !== 200) {
      await res.body?.cancel()
      return failed(`${where}answered ${res.status}`, res.status >= 500 || res.status === 429)
    }
    let bytes: Uint8Array | undefined
    try {
      bytes = await readCapped(res, limit)
    } catch (error) {
      return failed(`${where}broke off: ${String(error).slice(0, 120)}`, true)
    }
    if (!bytes) return failed(`is larger than ${limit} bytes`)
    return { ok: true, bytes, url: current }
  }
  return failed(`redirects more than ${maxHops} times`)
}
