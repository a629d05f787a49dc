/**
 * Fetching another site's feed pages, through the service's one public fetcher
 * (src/outbound/fetch-public.ts): public hosts only, checked before each request and each
 * redirect, unless the host and port are listed in IMPORT_ALLOW_HOSTS; a time limit, a size
 * limit on the body, and an honest User-Agent naming the service.
 */
import { fetchPublic } from '../outbound/fetch-public'

/** A feed page larger than this is refused: no sane archive page is. */
export const PAGE_MAX_BYTES = 8 * 1024 * 1024
export const FETCH_TIMEOUT_MS = 30_000
const MAX_HOPS = 5

/** An honest User-Agent: what is fetching, for which site, and why. */
export function userAgent(siteUrl: string): string {
  return `edgefeed-import/1.0 (+${siteUrl}; moving this feed's archive, one page at a time)`
}

/** Why a fetch failed. `transient` ones (5xx, 429, timeouts, broken connections) are retried. */
export class FetchFailed extends Error {
  override readonly name = 'FetchFailed'
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message)
  }
}

/** Fetches a feed page; throws FetchFailed saying why not. */
export async function fetchPage(
  url: string,
  { allowHosts, agent }: { allowHosts: Set<string>; agent: string },
  { timeoutMs = FETCH_TIMEOUT_MS, limit = PAGE_MAX_BYTES } = {},
): Promise<{ url: string; text: string }> {
  const fetched = await fetchPublic(url, {
    timeoutMs,
    maxHops: MAX_HOPS,
    limit,
    allowHosts,
    headers: {
      'User-Agent': agent,
      Accept:
        'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5',
    },
  })
  if (!fetched.ok)
    throw new FetchFailed(`${url.slice(0, 200)}: ${fetched.reason}`, fetched.transient)
  return { url: fetched.url, text: new TextDecoder().decode(fetched.bytes) }
}
