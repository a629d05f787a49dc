/**
 * Fetching an image from another host to copy it: public hosts only (address.ts), every
 * redirect checked the same way before it is followed, a time limit on the whole and a size
 * limit on the body. No `Referer` is sent: the copy is made so that readers need none.
 */
import { refuseHost } from './address'
import { bytesInWords, KIND_LIMITS } from './limits'

/** How long fetching one image may take, redirects and DNS included. */
export const FETCH_TIMEOUT_MS = 10_000
/** Redirects followed, each to a host checked like the first. */
export const MAX_HOPS = 3

export type Fetched =
  | { ok: true; bytes: Uint8Array; url: string }
  | {
      ok: false
      reason: string
      /** Worth trying again later (a timeout, a 5xx). */ transient: boolean
    }

const failed = (reason: string, transient = false): Fetched => ({ ok: false, reason, transient })

/**
 * The body, read up to `limit` bytes; undefined when there is more (said by Content-Length, or
 * found on the way). Every fetch of another host's content reads through this.
 */
export async function readCapped(res: Response, limit: number): Promise<Uint8Array | undefined> {
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

/** Fetches the image at `url`, or says why not. */
export async function fetchImage(
  url: string,
  { timeoutMs = FETCH_TIMEOUT_MS, userAgent = 'edgefeed' } = {},
): Promise<Fetched> {
  const signal = AbortSignal.timeout(timeoutMs)
  const limit = KIND_LIMITS.image
  let current = url
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    const where = hop ? `redirected to ${current.slice(0, 200)}, which ` : ''
    try {
      const refused = await refuseHost(current, signal)
      if (refused) return failed(`${where}is not fetched: ${refused}`)
    } catch (error) {
      return failed(`${where}could not be looked up: ${String(error).slice(0, 120)}`, true)
    }
    let res: Response
    try {
      res = await fetch(current, {
        redirect: 'manual',
        signal,
        headers: { 'User-Agent': userAgent, Accept: 'image/*' },
      })
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
    if (Number(res.headers.get('Content-Length') ?? 0) > limit) {
      await res.body?.cancel()
      return failed(`is larger than ${bytesInWords(limit)}`)
    }
    let bytes: Uint8Array | undefined
    try {
      bytes = await readCapped(res, limit)
    } catch (error) {
      return failed(`${where}broke off: ${String(error).slice(0, 120)}`, true)
    }
    if (!bytes) return failed(`is larger than ${bytesInWords(limit)}`)
    return { ok: true, bytes, url: current }
  }
  return failed(`redirects more than ${MAX_HOPS} times`)
}
