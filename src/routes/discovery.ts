/** `/sitemap.xml` (a sitemap index beyond 50,000 articles) and `/robots.txt`. */
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../env'
import { el, open, XML_DECLARATION } from '../feeds/xml'
import { scanIndex } from '../store/listings'
import { articlePath } from '../urls'

/** The sitemaps protocol allows 50,000 URLs per file. */
export const SITEMAP_URLS = 50_000
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'

export const discovery = new Hono<AppEnv>()

function xml(c: Context<AppEnv>, body: string[]) {
  return c.body([XML_DECLARATION, ...body].join('\n'), 200, {
    'Content-Type': 'application/xml; charset=utf-8',
  })
}

async function urlset(c: Context<AppEnv>, part: number) {
  const { entries } = await scanIndex(c.var.kv, (part - 1) * SITEMAP_URLS, SITEMAP_URLS)
  const base = c.var.baseUrl
  return xml(c, [
    open('urlset', { xmlns: NS }),
    ...(part === 1 ? [`<url>${el('loc', `${base}/`)}</url>`] : []),
    ...entries.map(
      (e) => `<url>${el('loc', base + articlePath(e.id))}${el('lastmod', e.updated)}</url>`,
    ),
    '</urlset>',
  ])
}

discovery.get('/sitemap.xml', async (c) => {
  const first = await scanIndex(c.var.kv, 0, SITEMAP_URLS)
  if (!first.more) return urlset(c, 1)
  // Over 50,000 articles: an index of numbered sitemaps.
  let parts = 1
  while ((await scanIndex(c.var.kv, parts * SITEMAP_URLS, SITEMAP_URLS)).more) parts++
  return xml(c, [
    open('sitemapindex', { xmlns: NS }),
    ...Array.from(
      { length: parts + 1 },
      (_, i) => `<sitemap>${el('loc', `${c.var.baseUrl}/sitemaps/${i + 1}.xml`)}</sitemap>`,
    ),
    '</sitemapindex>',
  ])
})

discovery.get('/sitemaps/:part{[0-9]+}.xml', (c) => {
  const part = Number(c.req.param('part'))
  return part >= 1 ? urlset(c, part) : c.notFound()
})

discovery.get('/robots.txt', (c) =>
  c.text(
    [
      'User-agent: *',
      'Allow: /',
      'Disallow: /api/',
      `Sitemap: ${c.var.baseUrl}/sitemap.xml`,
      '',
    ].join('\n'),
  ),
)
