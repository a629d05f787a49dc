/**
 * The Google News sitemap, checked against the rules of Google's documentation for news
 * sitemaps: its namespace; per article `loc` and `news:news` with `news:publication`
 * (`news:name`, `news:language`: ISO 639, but `zh-cn` and `zh-tw` for Chinese),
 * `news:publication_date` (W3C datetime) and `news:title`; only the articles of the last two
 * days; at most 1,000 per file, past which the file is an index of several.
 */
import { env } from 'cloudflare:workers'
import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { newsSitemap } from '../../src/routes/discovery'
import { TEST_EPOCH } from '../support/clock'
import { client, parseXml, publish, SITE } from '../helpers'
import { onPurgeLine } from '../support/purge-log'

afterEach(() => reset())

const HOUR = 3_600_000
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9'
/** W3C datetime, as the news sitemap takes it: a date, or a date and time with its offset. */
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/
/** The languages Google News takes: ISO 639-1 or -2 codes, and its two Chinese exceptions. */
const NEWS_LANGUAGE = /^([a-z]{2,3}|zh-cn|zh-tw)$/

const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '')

/** The news sitemap's articles, each checked against the schema's rules. */
function readNews(text: string) {
  const doc = parseXml(text)
  expect(doc.urlset['@xmlns:news']).toBe(NEWS_NS)
  return [doc.urlset.url ?? []].flat().map((u: any) => {
    const news = u['news:news']
    expect(Object.keys(news).sort()).toEqual([
      'news:publication',
      'news:publication_date',
      'news:title',
    ])
    expect(news['news:publication']['news:name']).toBe('edgefeed')
    expect(news['news:publication']['news:language']).toMatch(NEWS_LANGUAGE)
    expect(news['news:publication_date']).toMatch(W3C_DATETIME)
    expect(news['news:title'].length).toBeGreaterThan(0)
    return {
      loc: u.loc.replace(SITE, ''),
      language: news['news:publication']['news:language'],
      title: news['news:title'],
    }
  })
}

describe('the news sitemap', () => {
  it('holds exactly the articles of the last 48 hours, each with its language as Google wants it', async () => {
    const now = TEST_EPOCH // the hour begins: the window is exactly the last 48 hours
    const c = client()
    const at = (hoursAgo: number) => iso(now - hoursAgo * HOUR)
    await publish(c, {
      id: 'fresh',
      title: '經開區舉辦論壇',
      content_text: '經開區昨日舉辦創新論壇，逾百家企業參與。',
      published: at(1),
    })
    await publish(c, {
      id: 'simplified',
      title: '经开区举办论坛',
      content_text: '经开区昨日举办创新论坛，逾百家企业参与。',
      published: at(20),
    })
    await publish(c, {
      id: 'english',
      title: 'Council budget',
      content_text: 'The council approved the budget after a long debate on Monday night.',
      published: at(47.9),
    })
    await publish(c, {
      id: 'stale',
      title: '舊聞',
      content_text: '這是兩天多以前的新聞稿，已經過了新聞的時效。',
      published: at(48.1),
    })
    const res = await c.get('/sitemaps/news.xml')
    expect(res.status).toBe(200)
    const articles = readNews(await res.text())
    expect(articles).toEqual([
      { loc: '/articles/fresh', language: 'zh-tw', title: '經開區舉辦論壇' },
      { loc: '/articles/simplified', language: 'zh-cn', title: '经开区举办论坛' },
      { loc: '/articles/english', language: 'en', title: 'Council budget' },
    ])
    // Kept until the window moves, at the next hour; purged by a write before then.
    const left = Math.floor((TEST_EPOCH + HOUR - Date.now()) / 1000)
    expect(left).toBeGreaterThan(3000)
    expect(res.headers.get('Cloudflare-CDN-Cache-Control')).toBe(`public, max-age=${left}`)
    expect(res.headers.get('Cache-Tag')).toBe('sitemap')
    const index = parseXml(await (await c.get('/sitemap.xml')).text())
    expect(index.sitemapindex.sitemap.map((s: any) => s.loc)).toContain(`${SITE}/sitemaps/news.xml`)
  })

  it('is purged by a publish, and becomes an index of parts past the per-file limit', async () => {
    const c = client()
    const purged: string[] = []
    const stop = onPurgeLine((line) => purged.push(...(line.purge.tags ?? [])))
    try {
      for (let i = 1; i <= 5; i++) {
        await publish(c, {
          id: `n${i}`,
          title: `新聞 ${i}`,
          content_text: '經開區昨日舉辦創新論壇。',
          published: iso(TEST_EPOCH - i * HOUR),
        })
      }
    } finally {
      stop()
    }
    expect(purged).toContain('sitemap')
    const site = { base: SITE, language: 'zh-Hant', chinese: true, title: 'edgefeed' }
    // Two per file here (1,000 in the service): five need three.
    const index = parseXml((await newsSitemap(env.ARTICLES, site, TEST_EPOCH, 0, 2))!.xml)
    expect(index.sitemapindex.sitemap.map((s: any) => s.loc.replace(SITE, ''))).toEqual([
      '/sitemaps/news-1.xml',
      '/sitemaps/news-2.xml',
      '/sitemaps/news-3.xml',
    ])
    const part = async (n: number) =>
      readNews((await newsSitemap(env.ARTICLES, site, TEST_EPOCH, n, 2))!.xml).map((a) => a.loc)
    expect([...(await part(1)), ...(await part(2)), ...(await part(3))]).toEqual(
      [1, 2, 3, 4, 5].map((i) => `/articles/n${i}`),
    )
    // The index names three: a fourth is not there.
    expect(await newsSitemap(env.ARTICLES, site, TEST_EPOCH, 4, 2)).toBeUndefined()
  })
})
