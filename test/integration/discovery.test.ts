import { env } from 'cloudflare:workers'
import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { sitemap, sitemapPart } from '../../src/routes/discovery'
import { changedFeeds } from '../../src/desk/pings'
import { listingTag } from '../../src/edge/tags'
import type { Article } from '../../src/articles/model'
import { client, parseXml, publish, SITE, workerFetch } from '../helpers'

afterEach(() => reset())

/** The test site as the sitemaps see it: Chinese (zh-Hant), so pages have script versions. */
const MAP_SITE = { base: SITE, language: 'zh-Hant', chinese: true }

/** Where the sitemaps at `url` list, without the site. */
const locsOf = (doc: any) => [doc.urlset.url ?? []].flat().map((u: any) => u.loc.replace(SITE, ''))

describe('sitemap and robots', () => {
  it('index the article sitemaps and the news sitemap; each article in every version, with lastmod', async () => {
    const c = client()
    await publish(c, {
      id: 'a',
      title: 'Council budget',
      content_text: 'The council approved the budget after a long debate on Monday night.',
      published: '2024-01-01T00:00:00+08:00',
    })
    await publish(c, {
      id: 'b',
      title: '經開區舉辦論壇',
      content_text: '經開區昨日舉辦創新論壇，逾百家企業參與。',
      published: '2024-02-01T00:00:00+08:00',
      updated: '2024-03-01T00:00:00+08:00',
    })
    const res = await c.get('/sitemap.xml')
    expect(res.headers.get('Content-Type')).toBe('application/xml; charset=utf-8')
    const index = parseXml(await res.text())
    expect(index.sitemapindex.sitemap.map((s: any) => s.loc)).toEqual([
      `${SITE}/sitemaps/1.xml`,
      `${SITE}/sitemaps/news.xml`,
    ])
    const doc = parseXml(await (await c.get('/sitemaps/1.xml')).text())
    expect(doc.urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    // The home page in each script; b (Traditional) as itself and its Simplified version; a
    // (English) once.
    expect(locsOf(doc)).toEqual([
      '/',
      '/zh-Hans/',
      '/zh-Hant/',
      '/articles/b',
      '/zh-Hans/articles/b',
      '/articles/a',
    ])
    const b = doc.urlset.url.filter((u: any) => u.loc.endsWith('/articles/b'))
    for (const entry of b) {
      expect(entry.lastmod).toBe('2024-03-01T00:00:00+08:00')
      expect(
        [entry['xhtml:link']]
          .flat()
          .map((l: any) => [l['@hreflang'], l['@href'].replace(SITE, '')]),
      ).toEqual([
        ['x-default', '/articles/b'],
        ['zh-Hans', '/zh-Hans/articles/b'],
        ['zh-Hant', '/articles/b'],
      ])
    }
    const a = doc.urlset.url.find((u: any) => u.loc.endsWith('/articles/a'))
    expect(a['xhtml:link']).toBeUndefined()
    expect(
      (await c.get('/sitemap.xml', { 'If-None-Match': res.headers.get('ETag')! })).status,
    ).toBe(304)
    const robots = (await (await c.get('/robots.txt')).text()).split('\n')
    expect(robots).toContain(`Sitemap: ${SITE}/sitemap.xml`)
    expect(robots).toContain(`Sitemap: ${SITE}/sitemaps/news.xml`)
    expect(robots).toContain('Disallow: /api/')
  })

  it('splits the articles into numbered sitemaps past the per-file limit', async () => {
    const c = client()
    for (let i = 1; i <= 5; i++) {
      await publish(c, {
        id: `s${i}`,
        title: `Story ${i}`,
        content_text: 'The council approved the budget after a long debate on Monday night.',
        published: `2024-01-0${i}T00:00:00Z`,
      })
    }
    // Two per file here (tens of thousands in the service): five articles need three.
    const index = parseXml((await sitemap(env.ARTICLES, MAP_SITE, 2)).xml)
    expect(index.sitemapindex.sitemap.map((s: any) => s.loc)).toEqual([
      `${SITE}/sitemaps/1.xml`,
      `${SITE}/sitemaps/2.xml`,
      `${SITE}/sitemaps/3.xml`,
      `${SITE}/sitemaps/news.xml`,
    ])
    const locs = async (part: number) =>
      locsOf(parseXml((await sitemapPart(env.ARTICLES, MAP_SITE, part, 2))!.xml))
    expect(await locs(1)).toEqual(['/', '/zh-Hans/', '/zh-Hant/', '/articles/s5', '/articles/s4'])
    expect(await locs(2)).toEqual(['/articles/s3', '/articles/s2'])
    expect(await locs(3)).toEqual(['/articles/s1'])
    // A part past the last is not there, nor is one written with a leading zero.
    expect(await sitemapPart(env.ARTICLES, MAP_SITE, 4, 2)).toBeUndefined()
    expect((await c.get('/sitemaps/2.xml')).status).toBe(404)
    expect((await c.get('/sitemaps/01.xml')).status).toBe(404)
    expect((await c.get('/sitemaps/1.xml')).status).toBe(200)
  })
})

describe('WebSub discovery', () => {
  const hubs = 'https://hub.example/, https://other-hub.example/websub'
  const get = (path: string) =>
    workerFetch(new Request(`https://websub.test${path}`), { ...env, WEBSUB_HUBS: hubs })

  it('advertises each hub and exactly one self link, in headers and documents', async () => {
    await publish(client(), { title: 'Rust', content_text: 'x', tags: ['rust'] })
    for (const [path, self] of [
      ['/feed.xml', `${SITE}/feed.xml`],
      ['/tags/rust/atom.xml', `${SITE}/tags/rust/atom.xml`],
    ]) {
      const res = await get(path!)
      const links = res.headers.get('Link')!.split(', ')
      expect(links).toEqual([
        '<https://hub.example/>; rel="hub"',
        '<https://other-hub.example/websub>; rel="hub"',
        `<${self}>; rel="self"`,
      ])
      const body = await res.text()
      const doc = parseXml(body)
      const xmlLinks = path!.endsWith('atom.xml') ? doc.feed.link : doc.rss.channel['atom:link']
      expect(xmlLinks.filter((l: any) => l['@rel'] === 'hub').map((l: any) => l['@href'])).toEqual([
        'https://hub.example/',
        'https://other-hub.example/websub',
      ])
      expect(xmlLinks.filter((l: any) => l['@rel'] === 'self')).toHaveLength(1)
    }
    const json = await (await get('/feed.json')).json<any>()
    expect(json.hubs).toEqual([
      { type: 'WebSub', url: 'https://hub.example/' },
      { type: 'WebSub', url: 'https://other-hub.example/websub' },
    ])
  })

  it('names as self only a feed the coordinator pings: other spellings of a tag are sent to it', async () => {
    const stored = await publish(client(), {
      title: '經開區新聞',
      content_text: '經開區昨日舉辦論壇。',
      tags: ['News', '經開區'],
      language: 'zh-Hant',
    })
    const article = await (await client().api(`/api/articles/${stored.id}`)).json<Article>()
    const topics = new Set(changedFeeds(SITE, 'zh-Hant', [article]).map((t) => t.topic))
    const enc = encodeURIComponent
    // Another case, a mix of scripts, another Unicode form: 301 to the live spelling.
    for (const [asked, live] of [
      ['/tags/NEWS/atom.xml?limit=5', '/tags/News/atom.xml?limit=5'],
      ['/tags/news/feed.json', '/tags/News/feed.json'],
      [`/tags/${enc('經開区')}/feed.xml`, `/tags/${enc('經開區')}/feed.xml`],
      [`/tags/${enc('經開區'.normalize('NFD'))}x/feed.xml`, undefined],
      ['/zh-Hans/tags/NEWS/atom.xml', '/zh-Hans/tags/News/atom.xml'],
      ['/tags/NEWS', '/tags/News'],
    ] as const) {
      const res = await get(asked)
      if (live === undefined) {
        expect(res.status, asked).toBe(404)
        continue
      }
      expect(res.status, asked).toBe(301)
      expect(res.headers.get('Location'), asked).toBe(live)
      // Cached, and purged by a write to the listing (which may make the spelling live).
      expect(res.headers.get('Cache-Control'), asked).toMatch(/^public/)
      const tag = decodeURIComponent(/\/tags\/([^/?]+)/.exec(live)![1]!)
      expect(res.headers.get('Cache-Tag')!.split(','), asked).toContain(
        listingTag({ kind: 'tag', name: tag }),
      )
    }
    // Every spelling an article is listed under is served, and each names a pinged self.
    const served = ['', '/zh-Hans', '/zh-Hant'].flatMap((prefix) =>
      [undefined, 'News', '經開區', '经开区'].flatMap((tag) =>
        ['feed.xml', 'atom.xml', 'feed.json'].map(
          (file) => `${prefix}${tag === undefined ? '' : `/tags/${enc(tag)}`}/${file}`,
        ),
      ),
    )
    for (const path of served) {
      const res = await get(path)
      expect(res.status, path).toBe(200)
      const self = /<([^>]+)>; rel="self"/.exec(res.headers.get('Link') ?? '')?.[1]
      expect(topics.has(self!), `${path} names ${self}`).toBe(true)
    }
  })

  it('names no hub on a page no hub hears of: a limit, a later page, a script on a site not in Chinese', async () => {
    const c = client()
    for (const n of [1, 2, 3])
      await publish(c, { title: `Story ${n}`, content_text: 'x', language: 'en' })
    const hubsOf = async (path: string, bindings: Partial<Env> = {}) => {
      const res = await workerFetch(new Request(`https://websub.test${path}`), {
        ...env,
        WEBSUB_HUBS: hubs,
        ...bindings,
      })
      expect(res.status, path).toBe(200)
      return { link: res.headers.get('Link'), body: await res.text() }
    }
    const limited = await hubsOf('/feed.json?limit=2')
    expect(limited.link).toBeNull()
    expect(JSON.parse(limited.body)).not.toHaveProperty('hubs')
    const next = new URL(JSON.parse(limited.body).next_url as string)
    expect((await hubsOf(next.pathname + next.search)).link).toBeNull()
    const page2 = await hubsOf('/atom.xml?limit=2')
    expect(page2.body).not.toContain('rel="hub"')
    const english = { SITE_LANGUAGE: 'en' }
    expect((await hubsOf('/zh-Hans/feed.xml', english)).link).toBeNull()
    expect((await hubsOf('/feed.xml', english)).link).toContain('rel="hub"')
    expect((await hubsOf('/zh-Hans/feed.xml')).link).toContain('rel="hub"')
  })

  it('says nothing of hubs when none are configured', async () => {
    const res = await client().get('/feed.xml')
    expect(res.headers.get('Link')).toBeNull()
    const links = [parseXml(await res.text()).rss.channel['atom:link']].flat()
    expect(links.map((l: any) => l['@rel'])).toEqual(['self'])
    expect(await (await client().get('/feed.json')).json()).not.toHaveProperty('hubs')
  })

  it('refuses a bad hub URL, naming the variable, in the answer and the log', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const res = await workerFetch(new Request('https://websub.test/feed.xml'), {
      ...env,
      WEBSUB_HUBS: 'ftp://nope',
    })
    expect(res.status).toBe(500)
    expect((await res.json<any>()).detail).toContain('WEBSUB_HUBS')
    expect(String(log.mock.calls[0]?.[0])).toContain('WEBSUB_HUBS')
    log.mockRestore()
  })
})
