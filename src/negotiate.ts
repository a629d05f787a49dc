/**
 * Telling a person's browser from a feed reader on a feed URL. Browsers announce a top-level
 * navigation with `Sec-Fetch-Dest: document` and `Sec-Fetch-Mode: navigate` and rank
 * `text/html` first; feed readers send neither header, so they always get the feed, even
 * when they send `Accept: text/html, *\/*`.
 */

/** What responses chosen by this test vary on. */
export const NAVIGATION_VARY = 'Sec-Fetch-Dest, Sec-Fetch-Mode, Accept'

function htmlRanksFirst(accept: string | null): boolean {
  if (!accept) return false
  let best: { type: string; q: number } | undefined
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.trim().toLowerCase().split(';')
    const q = Number(
      params
        .map((p) => p.trim())
        .find((p) => p.startsWith('q='))
        ?.slice(2) ?? 1,
    )
    if (!best || q > best.q) best = { type: type.trim(), q }
  }
  return best?.type === 'text/html' || best?.type === 'application/xhtml+xml'
}

/** True for a browser opening the URL as a page. */
export function isBrowserNavigation(headers: Headers): boolean {
  return (
    headers.get('Sec-Fetch-Dest') === 'document' &&
    headers.get('Sec-Fetch-Mode') === 'navigate' &&
    htmlRanksFirst(headers.get('Accept'))
  )
}

const FEED_PATH = /\/(feed\.xml|atom\.xml|feed\.json)$/

/** The edge cache's name for the representation a request gets. */
export function representation(path: string, headers: Headers): string {
  return FEED_PATH.test(path) && isBrowserNavigation(headers) ? 'preview' : 'default'
}
