/** `/sitemap.xml` (a sitemap index beyond 50,000 articles) and `/robots.txt`. */
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../env'
import { noQuery } from '../edge/canonical'
import { tagResponse } from '../edge/headers'
import { SITEMAP, STATIC } from '../edge/tags'
import { renderSitemapIndex, renderUrlset, SITEMAP_URLS, type SitemapEntry } from '../feeds/sitemap'
import type { IndexEntry } from '../store/articles'
import { countIndex, scanIndex } from '../store/listings'
import { articlePath } from '../urls'

export const discovery = new Hono<AppEnv>()

function xml(c: Context<AppEnv>, body: string) {
  tagResponse(c, SITEMAP)
  return c.body(body, 200, { 'Content-Type': 'application/xml; charset=utf-8' })
}

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
export async function sitemap(kv: KVNamespace, base: string, perFile = SITEMAP_URLS) {
  const first = await scanIndex(kv, 0, perFile)
  if (!first.more) return renderUrlset(entries(base, 1, first.entries))
  const parts = Math.ceil((await countIndex(kv)) / perFile)
  return renderSitemapIndex(
    Array.from({ length: parts }, (_, i) => `${base}/sitemaps/${i + 1}.xml`),
  )
}

/** `/sitemaps/{part}.xml`: the part-th `perFile` articles. */
export async function sitemapPart(
  kv: KVNamespace,
  base: string,
  part: number,
  perFile = SITEMAP_URLS,
) {
  const { entries: articles } = await scanIndex(kv, (part - 1) * perFile, perFile)
  return renderUrlset(entries(base, part, articles))
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
