/**
 * Fetching an image from another host to copy it, through the service's one public fetcher
 * (src/outbound/fetch-public.ts): public hosts only, redirects checked, a time and a size
 * limit. No `Referer` is sent: the copy is made so that readers need none.
 */
import { fetchPublic, type Fetched } from '../outbound/fetch-public'
import { KIND_LIMITS } from './limits'

/** How long fetching one image may take, redirects and DNS included. */
export const FETCH_TIMEOUT_MS = 10_000
/** Redirects followed, each to a host checked like the first. */
export const MAX_HOPS = 3

/** Fetches the image at `url`, or says why not. */
export function fetchImage(
  url: string,
  { timeoutMs = FETCH_TIMEOUT_MS, userAgent = 'edgefeed' } = {},
): Promise<Fetched> {
  return fetchPublic(url, {
    timeoutMs,
    maxHops: MAX_HOPS,
    limit: KIND_LIMITS.image,
    headers: { 'User-Agent': userAgent, Accept: 'image/*' },
  })
}
