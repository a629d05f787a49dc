/**
 * Telling a person's browser from a feed reader on a feed URL. A browser opening a link
 * sends `Sec-Fetch-Dest: document` and `Sec-Fetch-Mode: navigate`; feed readers send
 * neither, so they always get the feed, whatever their `Accept` says.
 *
 * The decision reads these two headers and nothing else, and feed responses vary on exactly
 * them: each takes a handful of values, so the edge keeps a handful of copies per feed.
 * Varying on `Accept`, whose values differ between every browser version, would keep one
 * copy per browser and miss the cache for most requests.
 */

/** What responses chosen by this test vary on. */
export const NAVIGATION_VARY = 'Sec-Fetch-Dest, Sec-Fetch-Mode'

/** True for a browser opening the URL as a page. */
export function isBrowserNavigation(headers: Headers): boolean {
  return (
    headers.get('Sec-Fetch-Dest') === 'document' && headers.get('Sec-Fetch-Mode') === 'navigate'
  )
}
