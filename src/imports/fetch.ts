/**
 * Fetching another site's feed pages: public hosts only (src/media/address.ts, checked before
 * each request and each redirect), unless the host and port are listed in IMPORT_ALLOW_HOSTS;
 * a time limit, a size limit on the body, and an honest User-Agent naming the service.
 */
import { refuseHost } from '../media/address'
import { readCapped } from '../media/fetch-image'

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

function allowed(url: string, allowHosts: Set<string>): boolean {
  const u = new URL(url)
  const port = u.port || (u.protocol === 'https:' ? '443' : '80')
  return allowHosts.has(`${u.hostname.toLowerCase()}:${port}`)
}

/** The body as text, up to `limit` bytes; a larger body is refused. */
async function readText(res: Response, limit: number, url: string): Promise<string> {
  const bytes = await readCapped(res, limit)
  if (!bytes) throw new FetchFailed(`${url} is larger than ${limit} bytes`, false)
  return new TextDecoder().decode(bytes)
}

/** Fetches a feed page; throws FetchFailed saying why not. */
export async function fetchPage(
  url: string,
  { allowHosts, agent }: { allowHosts: Set<string>; agent: string },
  { timeoutMs = FETCH_TIMEOUT_MS, limit = PAGE_MAX_BYTES } = {},
): Promise<{ url: string; text: string }> {
  const signal = AbortSignal.timeout(timeoutMs)
  let current = url
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    const where = hop
      ? `${url} redirected to ${current.slice(0, 200)}, which`
      : current.slice(0, 200)
    if (!allowed(current, allowHosts)) {
      let refused: string | undefined
      try {
        refused = await refuseHost(current, signal)
      } catch (error) {
        throw new FetchFailed(
          `${where} could not be looked up: ${String(error).slice(0, 120)}`,
          true,
        )
      }
      if (refused) throw new FetchFailed(`${where} is not fetched: ${refused}`, false)
    }
    let res: Response
    try {
      res = await fetch(current, {
        redirect: 'manual',
        signal,
        headers: {
          'User-Agent': agent,
          Accept:
            'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5',
        },
      })
    } catch (error) {
      throw new FetchFailed(
        signal.aborted
          ? `${where} gave no answer within ${timeoutMs / 1000} s`
          : `${where}: ${String(error).slice(0, 160)}`,
        true,
      )
    }
    const location = res.headers.get('Location')
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel()
      if (!URL.canParse(location, current))
        throw new FetchFailed(`${where} redirects to a malformed URL`, false)
      current = new URL(location, current).href
      continue
    }
    if (res.status !== 200) {
      await res.body?.cancel()
      throw new FetchFailed(
        `${where} answered ${res.status}`,
        res.status >= 500 || res.status === 429,
      )
    }
    return { url: current, text: await readText(res, limit, current) }
  }
  throw new FetchFailed(`${url} redirects more than ${MAX_HOPS} times`, false)
}
