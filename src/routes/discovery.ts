/** `/sitemap.xml` (a sitemap index beyond 50,000 articles) and `/robots.txt`. */
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../env'
import { el, open, XML_DECLARATION } from '../feeds/xml'
import { noQuery } from '../edge/canonical'
import { tagResponse } from '../edge/headers'
import { SITEMAP, STATIC } from '../edge/tags'
import type { IndexEntry } from '../store/articles'
import { countIndex, scanIndex } from '../store/listings'
import { articlePath } from '../urls'

/** The sitemaps protocol allows 50,000 URLs per file. */
export const SITEMAP_URLS = 50_000
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'

export const discovery = new Hono<AppEnv>()

function xml(c: Context<AppEnv>, body: string[]) {
  tagResponse(c, SITEMAP)
  return c.body([XML_DECLARATION, ...body].join('\n'), 200, {
    'Content-Type': 'application/xml; charset=utf-8',
  })
}

function urlset(base: string, part: number, entries: IndexEntry[]): string[] {
  return [
    open('urlset', { xmlns: NS }),
    ...(part === 1 ? [`<url>${el('loc', `${base}/`)}</url>`] : []),
    ...entries.map(
      (e) => `<url>${el('loc', base + articlePath(e.id))}${el('lastmod', e.updated)}</url>`,
    ),
    '</urlset>',
  ]
}

/**
 * `/sitemap.xml`: every article, or, past `perFile` of them, an index of numbered sitemaps.
 * One walk over the index decides which and, for a small site, fills the sitemap too.
 */
export async function sitemap(kv: KVNamespace, base: string, perFile = SITEMAP_URLS) {
  const first = await scanIndex(kv, 0, perFile)
  if (!first.more) return urlset(base, 1, first.entries)
  const parts = Math.ceil((await countIndex(kv)) / perFile)
  return [
    open('sitemapindex', { xmlns: NS }),
    ...Array.from(
      { length: parts },
      (_, i) => `<sitemap>${el('loc', `${base}/sitemaps/${i + 1}.xml`)}</sitemap>`,
    ),
    '</sitemapindex>',
  ]
}

/** `/sitemaps/{part}.xml`: the part-th `perFile` articles (the first also lists the home page). */
export async function sitemapPart(
  kv: KVNamespace,
  base: string,
  part: number,
  perFile = SITEMAP_URLS,
) {
  const { entries } = await scanIndex(kv, (part - 1) * perFile, perFile)
  return urlset(base, part, entries)
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
