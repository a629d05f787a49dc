/**
 * Sitemaps (sitemaps.org 0.9) as pure serializers: the site's articles for search engines,
 * and an index of numbered sitemaps when they are more than one file may hold.
 */
import { el, open, XML_DECLARATION } from './xml'

/** The sitemaps protocol allows 50,000 URLs per file. */
export const SITEMAP_URLS = 50_000
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'

/** One page a sitemap lists: its URL, and when it last changed (RFC 3339). */
export interface SitemapEntry {
  loc: string
  lastmod?: string
}

function document(lines: string[]): string {
  return [XML_DECLARATION, ...lines].join('\n')
}

/** A sitemap of `entries`. */
export function renderUrlset(entries: SitemapEntry[]): string {
  return document([
    open('urlset', { xmlns: NS }),
    ...entries.map(
      (e) =>
        `<url>${el('loc', e.loc)}${e.lastmod === undefined ? '' : el('lastmod', e.lastmod)}</url>`,
    ),
    '</urlset>',
  ])
}

/** An index of the sitemaps at `locs`. */
export function renderSitemapIndex(locs: string[]): string {
  return document([
    open('sitemapindex', { xmlns: NS }),
    ...locs.map((loc) => `<sitemap>${el('loc', loc)}</sitemap>`),
    '</sitemapindex>',
  ])
}
