/** `/sitemap.xml` (a sitemap index beyond 50,000 articles) and `/robots.txt`. */
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../env'
import { noQuery } from '../edge/canonical'
import { changedAt, tagResponse } from '../edge/headers'
import { SITEMAP, STATIC } from '../edge/tags'
import { renderSitemapIndex, renderUrlset, SITEMAP_URLS, type SitemapEntry } from '../feeds/sitemap'
import { getChanged, type IndexEntry } from '../store/articles'
import { countIndex, scanIndex } from '../store/listings'
import { articlePath } from '../urls'

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

const newest = (articles: IndexEntry[]) => Math.max(0, ...articles.map((e) => e.changedMs))

/** The part-th sitemap's entries: its articles (the first also lists the home page). */
function entries(base: string, part: number, articles: IndexEntry[]): SitemapEntry[] {
  return [
    ...(part === 1 ? [{ loc: `${base}/` }] : []),
    ...articles.map((e) => ({ loc: base + articlePath(e.id), lastmod: e.updated })),
  ]
}

/**
 * `/sitemap.xml`: every article, or, past `perFile` of them, an index of numbered sitemaps.
 * One walk over the index decides which and, for a small site, fills the sitemap too.
 */
export async function sitemap(
  kv: KVNamespace,
  base: string,
  perFile = SITEMAP_URLS,
): Promise<Sitemap> {
  const first = await scanIndex(kv, 0, perFile)
  const changedMs = newest(first.entries)
  if (!first.more) return { xml: renderUrlset(entries(base, 1, first.entries)), changedMs }
  const parts = Math.ceil((await countIndex(kv)) / perFile)
  const locs = Array.from({ length: parts }, (_, i) => `${base}/sitemaps/${i + 1}.xml`)
  return { xml: renderSitemapIndex(locs), changedMs }
}

/** `/sitemaps/{part}.xml`: the part-th `perFile` articles. */
export async function sitemapPart(
  kv: KVNamespace,
  base: string,
  part: number,
  perFile = SITEMAP_URLS,
): Promise<Sitemap> {
  const { entries: articles } = await scanIndex(kv, (part - 1) * perFile, perFile)
  return { xml: renderUrlset(entries(base, part, articles)), changedMs: newest(articles) }
}

discovery.get('/sitemap.xml', noQuery, async (c) =>
  xml(c, await sitemap(c.env.ARTICLES, c.var.baseUrl)),
)

discovery.get('/sitemaps/:part{[0-9]{1,6}}.xml', noQuery, async (c) => {
  const part = Number(c.req.param('part'))
  return part >= 1 ? xml(c, await sitemapPart(c.env.ARTICLES, c.var.baseUrl, part)) : c.notFound()
})

discovery.get('/robots.txt', noQuery, (c) => {
  tagResponse(c, STATIC)
  return c.text(
    [
      'User-agent: *',
      'Allow: /',
      'Disallow: /api/',
      `Sitemap: ${c.var.baseUrl}/sitemap.xml`,
      '',
    ].join('\n'),
  )
})
