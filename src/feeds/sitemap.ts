/**
 * Sitemaps as pure serializers, for search engines: the site's pages (sitemaps.org 0.9, with
 * each page's script versions as `xhtml:link` alternates), an index of sitemaps, and Google
 * News's sitemap of the last two days' articles.
 */
import { scriptOf } from '../articles/script'
import { el, empty, open, XML_DECLARATION } from './xml'

/** The sitemaps protocol allows 50,000 URLs per file. */
export const SITEMAP_URLS = 50_000
/** Google News takes at most 1,000 articles per news sitemap. */
export const NEWS_SITEMAP_URLS = 1_000
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const XHTML = 'http://www.w3.org/1999/xhtml'
const NEWS = 'http://www.google.com/schemas/sitemap-news/0.9'

/** One page a sitemap lists: its URL, when it last changed (RFC 3339), its versions. */
export interface SitemapEntry {
  loc: string
  lastmod?: string
  /** Every version of the page, itself included (`hreflang`, absolute URL). */
  alternates?: { hreflang: string; href: string }[]
}

/** One article a news sitemap lists (Google News's tags). */
export interface NewsEntry {
  loc: string
  /** The publication's name, as Google News knows it. */
  publication: string
  /** ISO 639 as Google News wants it: `en`, `zh-cn` (Simplified), `zh-tw` (Traditional). */
  language: string
  /** W3C datetime with its offset. */
  published: string
  title: string
}

function document(lines: string[]): string {
  return [XML_DECLARATION, ...lines].join('\n')
}

function url(entry: SitemapEntry): string {
  const alternates = (entry.alternates ?? []).map((a) =>
    empty('xhtml:link', { rel: 'alternate', hreflang: a.hreflang, href: a.href }),
  )
  const lastmod = entry.lastmod === undefined ? '' : el('lastmod', entry.lastmod)
  return `<url>${el('loc', entry.loc)}${lastmod}${alternates.join('')}</url>`
}

/** A sitemap of `entries`. */
export function renderUrlset(entries: SitemapEntry[]): string {
  const withAlternates = entries.some((e) => e.alternates?.length)
  return document([
    open('urlset', { xmlns: NS, 'xmlns:xhtml': withAlternates ? XHTML : undefined }),
    ...entries.map(url),
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

/** A Google News sitemap of `entries` (at most NEWS_SITEMAP_URLS). */
export function renderNewsUrlset(entries: NewsEntry[]): string {
  return document([
    open('urlset', { xmlns: NS, 'xmlns:news': NEWS }),
    ...entries.map(
      (e) =>
        `<url>${el('loc', e.loc)}<news:news><news:publication>${el('news:name', e.publication)}${el(
          'news:language',
          e.language,
        )}</news:publication>${el('news:publication_date', e.published)}${el(
          'news:title',
          e.title,
        )}</news:news></url>`,
    ),
    '</urlset>',
  ])
}

/**
 * A language as Google News takes it: an ISO 639 code, but `zh-cn` for Simplified Chinese and
 * `zh-tw` for Traditional (its only exceptions). Chinese of no stated script, and a language
 * not determined (`und`), are taken as the site's.
 */
export function newsLanguage(language: string, siteLanguage: string): string {
  const primary = language.toLowerCase().split('-')[0]!
  if (primary === 'und' && language !== siteLanguage) {
    return newsLanguage(siteLanguage, siteLanguage)
  }
  const own = scriptOf(language)
  const script = own === 'zh' ? (scriptOf(siteLanguage) ?? own) : own
  if (script === 'zh-Hant') return 'zh-tw'
  if (script !== undefined) return 'zh-cn'
  return primary
}
