/**
 * What search engines and feed readers discover the site by: `/sitemap.xml` (an index of the
 * article sitemaps and the news sitemap), the sitemaps themselves, `/feeds.opml` and
 * `/robots.txt`.
 */
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../env'
import { noQuery } from '../edge/canonical'
import { changedAt, keepAtMost, tagResponse } from '../edge/headers'
import { FEEDS, SITEMAP, STATIC } from '../edge/tags'
import { renderOpml } from '../feeds/opml'
import {
  NEWS_SITEMAP_URLS,
  newsLanguage,
  renderNewsUrlset,
  renderSitemapIndex,
  renderUrlset,
  SITEMAP_URLS,
  type SitemapEntry,
} from '../feeds/sitemap'
import { getCards, getChanged, type IndexEntry } from '../store/articles'
import { countIndex, listNames, scanIndex, scanSince } from '../store/listings'
import { toHttpDate } from '../time'
import { articlePath, scriptVersions, writtenIn, type Written } from '../urls'
import { siteModel } from '../views/models/site'
import { opmlGroups } from '../views/models/opml'

export const discovery = new Hono<AppEnv>()

/** A sitemap as the route answers it: tagged, and dated by its articles and its last change. */
async function xml(c: Context<AppEnv>, map: Sitemap) {
  tagResponse(c, SITEMAP)
  changedAt(c, map.changedMs, await getChanged(c.env.ARTICLES, SITEMAP))
  return c.body(map.xml, 200, { 'Content-Type': 'application/xml; charset=utf-8' })
}

/** A sitemap or an index of them, and when its newest article changed. */
export interface Sitemap {
  xml: string
  changedMs: number
}

/** The site as the sitemaps need it. */
export interface SitemapSite {
  base: string
  /** SITE_LANGUAGE: the language of articles that name none; Chinese sites have versions. */
  language: string
  chinese: boolean
}

const newest = (articles: IndexEntry[]) => Math.max(0, ...articles.map((e) => e.changedMs))

/**
 * Each version of a page as its own entry, every one naming all of them (Google's rule for
 * `xhtml:link`); a page without versions is one entry.
 */
function versioned(site: SitemapSite, path: string, written: Written, lastmod?: string) {
  const versions = site.chinese ? scriptVersions(path, written) : []
  const alternates = versions.map((v) => ({ hreflang: v.hreflang, href: site.base + v.path }))
  const paths = versions.length ? [...new Set(versions.map((v) => v.path))] : [path]
  return paths.map((p): SitemapEntry => ({
    loc: site.base + p,
    ...(lastmod ? { lastmod } : {}),
    ...(alternates.length ? { alternates } : {}),
  }))
}

/** The part-th sitemap's entries: its articles (the first also lists the home page). */
function entries(site: SitemapSite, part: number, articles: IndexEntry[]): SitemapEntry[] {
  return [
    ...(part === 1 ? versioned(site, '/', 'listing') : []),
    ...articles.flatMap((e) =>
      versioned(site, articlePath(e.id), writtenIn(e.language ?? site.language), e.updated),
    ),
  ]
}

/** Articles per sitemap: up to three URLs each on a Chinese site (one per version). */
function articlesPerFile(site: SitemapSite): number {
  return site.chinese ? Math.floor(SITEMAP_URLS / 3) - 1 : SITEMAP_URLS - 1
}

/** `/sitemap.xml`: the index of the article sitemaps (`perFile` articles each) and the news. */
export async function sitemap(
  kv: KVNamespace,
  site: SitemapSite,
  perFile = articlesPerFile(site),
): Promise<Sitemap> {
  const first = await scanIndex(kv, 0, perFile)
  const parts = first.more ? Math.ceil((await countIndex(kv)) / perFile) : 1
  const locs = Array.from({ length: parts }, (_, i) => `${site.base}/sitemaps/${i + 1}.xml`)
  return {
    xml: renderSitemapIndex([...locs, `${site.base}/sitemaps/news.xml`]),
    changedMs: newest(first.entries),
  }
}

/**
 * `/sitemaps/{part}.xml`: the part-th `perFile` articles, each in every version; undefined
 * for a part past the last (the first always exists, as the index names it).
 */
export async function sitemapPart(
  kv: KVNamespace,
  site: SitemapSite,
  part: number,
  perFile = articlesPerFile(site),
): Promise<Sitemap | undefined> {
  const { entries: articles } = await scanIndex(kv, (part - 1) * perFile, perFile)
  if (part > 1 && articles.length === 0) return undefined
  return { xml: renderUrlset(entries(site, part, articles)), changedMs: newest(articles) }
}

/** Google News takes articles of the last two days. */
const NEWS_WINDOW_MS = 48 * 3600 * 1000
/** The window moves by the hour, so a news sitemap is the same all hour long. */
const HOUR_MS = 3600 * 1000

/**
 * The news sitemap: every article published in the two days before this hour began (or since),
 * in one file, or, past NEWS_SITEMAP_URLS, `part` of several (`part` 0 is their index).
 */
export async function newsSitemap(
  kv: KVNamespace,
  site: SitemapSite & { title: string },
  now: number,
  part = 0,
  perFile = NEWS_SITEMAP_URLS,
): Promise<(Sitemap & { hourMs: number }) | undefined> {
  const hourMs = Math.floor(now / HOUR_MS) * HOUR_MS
  const recent = await scanSince(kv, hourMs - NEWS_WINDOW_MS)
  const parts = Math.ceil(recent.length / perFile)
  const changedMs = Math.max(hourMs, newest(recent))
  // One file is served as news.xml only; a part the index does not name is not there.
  if (part > 0 && part > parts) return undefined
  if (part === 0 && parts > 1) {
    const locs = Array.from({ length: parts }, (_, i) => `${site.base}/sitemaps/news-${i + 1}.xml`)
    return { xml: renderSitemapIndex(locs), changedMs, hourMs }
  }
  const shown = recent.slice(Math.max(0, part - 1) * perFile).slice(0, perFile)
  const cards = await getCards(
    kv,
    shown.map((e) => e.id),
  )
  const entries = shown.flatMap((e) => {
    const card = cards.get(e.id)
    if (!card) return []
    return [
      {
        loc: site.base + articlePath(e.id),
        publication: site.title,
        language: newsLanguage(card.language, site.language),
        published: card.published,
        title: card.title,
      },
    ]
  })
  return { xml: renderNewsUrlset(entries), changedMs, hourMs }
}

function sitemapSite(c: Context<AppEnv>): SitemapSite & { title: string } {
  const { config } = c.var
  return {
    base: c.var.baseUrl,
    language: config.language,
    chinese: siteModel(config, c.var.baseUrl).chinese,
    title: config.siteTitle,
  }
}

discovery.get('/sitemap.xml', noQuery, async (c) =>
  xml(c, await sitemap(c.env.ARTICLES, sitemapSite(c))),
)

// A parameter takes a whole path segment in Hono, so the number is read out of `{part}.xml`.
const partOf = (file: string) => Number(/\d+/.exec(file)![0])

// One address a part: no leading zeros.
discovery.get('/sitemaps/:file{[1-9][0-9]{0,5}\\.xml}', noQuery, async (c) => {
  const map = await sitemapPart(c.env.ARTICLES, sitemapSite(c), partOf(c.req.param('file')))
  return map ? xml(c, map) : c.notFound()
})

/** The news sitemap, or one part of it; kept only until the hour's window moves. */
async function news(c: Context<AppEnv>, part: number) {
  const map = await newsSitemap(c.env.ARTICLES, sitemapSite(c), Date.now(), part)
  if (!map) return c.notFound()
  keepAtMost(c, (map.hourMs + HOUR_MS - Date.now()) / 1000)
  return xml(c, map)
}

discovery.get('/sitemaps/news.xml', noQuery, (c) => news(c, 0))
discovery.get('/sitemaps/:file{news-[1-9][0-9]{0,3}\\.xml}', noQuery, (c) =>
  news(c, partOf(c.req.param('file'))),
)

/** Every feed the site offers, for a feed reader to import in one step. */
discovery.get('/feeds.opml', noQuery, async (c) => {
  tagResponse(c, FEEDS)
  const names = await listNames(c.env.ARTICLES, FEEDS)
  const site = siteModel(c.var.config, c.var.baseUrl)
  const changed = changedAt(c, names.changedMs)
  const body = renderOpml(
    `${site.title}: ${site.labels.feeds}`,
    toHttpDate(changed),
    opmlGroups(c.var.config, site, names),
  )
  return c.body(body, 200, { 'Content-Type': 'text/x-opml; charset=utf-8' })
})

discovery.get('/robots.txt', noQuery, (c) => {
  tagResponse(c, STATIC)
  return c.text(
    [
      'User-agent: *',
      'Allow: /',
      'Disallow: /api/',
      `Sitemap: ${c.var.baseUrl}/sitemap.xml`,
      `Sitemap: ${c.var.baseUrl}/sitemaps/news.xml`,
      '',
    ].join('\n'),
  )
})
