import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { client, dom, kvSnapshot, parseXml, publish, readFeeds, SITE } from '../helpers'

afterEach(() => reset())

const text = (node: any): string => (typeof node === 'string' ? node : node['#text'])

/** Traditional Chinese with full-width punctuation, quotes, and characters XML must escape. */
const chinese = {
  id: 'forum',
  title: '經開區舉辦「創新論壇」：逾百家企業參與！？ <科技> & "創新"',
  content_text:
    '　　本報訊　經開區昨日舉辦「創新論壇」，逾百家企業參與。\n　　與會者表示：「前景可期。」',
  summary: '經開區舉辦論壇，逾百家企業參與。',
  published: '2022-04-08T10:30:00+08:00',
  tags: ['經開區', '科技 創新'],
  authors: [{ name: '王小明' }],
}

describe('feeds', () => {
  it('serve each format with its media type', async () => {
    const c = client()
    const types = {
      '/feed.xml': 'application/rss+xml; charset=utf-8',
      '/atom.xml': 'application/atom+xml; charset=utf-8',
      '/feed.json': 'application/feed+json; charset=utf-8',
    }
    for (const [path, type] of Object.entries(types)) {
      const res = await c.get(path)
      expect(res.status).toBe(200)
      expect(res.headers.get('Content-Type')).toBe(type)
    }
  })

  it('carry a new article in all three formats and on its HTML page', async () => {
    const c = client()
    await publish(c, chinese)
    const feeds = await readFeeds(c)
    const url = `${SITE}/articles/forum`
    expect(feeds.rss).toHaveLength(1)
    expect(text(feeds.rss[0].title)).toBe(chinese.title)
    expect(feeds.rss[0].link).toEqual([url])
    expect(feeds.rss[0].pubDate).toBe('Fri, 08 Apr 2022 10:30:00 +0800')
    expect(text(feeds.rss[0].guid)).toBe(url)
    expect(feeds.rss[0].guid['@isPermaLink']).toBe('true')
    expect(feeds.rss[0].category).toEqual(chinese.tags)
    expect(feeds.rss[0]['dc:creator']).toEqual(['王小明'])
    expect(text(feeds.atom[0].title)).toBe(chinese.title)
    expect(feeds.atom[0].id).toBe(url)
    expect(feeds.atom[0].published).toBe(chinese.published)
    expect(feeds.atom[0].category.map((c: any) => c['@term'])).toEqual(chinese.tags)
    expect(feeds.json[0]).toMatchObject({
      id: url,
      url,
      title: chinese.title,
      date_published: chinese.published,
      tags: chinese.tags,
    })
    const page = await c.get('/articles/forum')
    expect(page.status).toBe(200)
    expect(page.headers.get('Content-Type')).toContain('text/html')
    const html = dom(await page.text())
    expect(html.one('html')!.attribs.lang).toBe('zh-Hant')
    expect(html.one('h1')!.text).toBe(chinese.title)
    expect(html.one('div', { class: 'content e-content' })!.text).toBe(
      '本報訊　經開區昨日舉辦「創新論壇」，逾百家企業參與。\n與會者表示：「前景可期。」',
    )
  })

  it('round-trip Traditional Chinese exactly through the API and every feed', async () => {
    const c = client()
    await publish(c, chinese)
    const stored = await (await c.api('/api/articles/forum')).json<any>()
    expect(stored.title).toBe(chinese.title)
    expect(stored.content_text).toBe(chinese.content_text)
    const feeds = await readFeeds(c)
    const paragraphs =
      '<p>本報訊　經開區昨日舉辦「創新論壇」，逾百家企業參與。</p>\n<p>與會者表示：「前景可期。」</p>'
    expect(feeds.rss[0]['content:encoded']).toBe(paragraphs)
    expect(feeds.rss[0].description).toBe(chinese.summary)
    expect(text(feeds.atom[0].content)).toBe(paragraphs)
    expect(text(feeds.atom[0].summary)).toBe(chinese.summary)
    expect(feeds.json[0].content_html).toBe(paragraphs)
    expect(feeds.json[0].summary).toBe(chinese.summary)
    expect(feeds.jsonDoc.language).toBe('zh-Hant')
    expect(feeds.atomDoc.feed['@xml:lang']).toBe('zh-Hant')
    expect(feeds.rssDoc.rss.channel.language).toBe('zh-Hant')
  })

  it('show a replaced article once, in its new version', async () => {
    const c = client()
    await publish(c, chinese)
    await readFeeds(c) // fills the edge cache, which the replace must make stale
    expect((await c.put('forum', { ...chinese, title: '更正：論壇延期' })).status).toBe(200)
    const feeds = await readFeeds(c)
    for (const items of [feeds.rss, feeds.atom, feeds.json]) {
      expect(items).toHaveLength(1)
      expect(text(items[0].title)).toBe('更正：論壇延期')
    }
    expect(feeds.atom[0].id).toBe(`${SITE}/articles/forum`)
    expect(dom(await (await c.get('/articles/forum')).text()).one('h1')!.text).toBe(
      '更正：論壇延期',
    )
  })

  it('drop a deleted article everywhere', async () => {
    const c = client()
    await publish(c, chinese)
    await publish(c, { id: 'other', title: 'Other', content_text: 'x', tags: ['經開區'] })
    await readFeeds(c)
    await readFeeds(c, '/tags/經開區')
    expect((await c.del('forum')).status).toBe(204)
    for (const prefix of ['', '/tags/%E7%B6%93%E9%96%8B%E5%8D%80']) {
      const feeds = await readFeeds(c, prefix)
      for (const items of [feeds.rss, feeds.atom, feeds.json]) {
        expect(items.map((i: any) => text(i.title))).toEqual(['Other'])
      }
    }
    expect((await c.get('/articles/forum')).status).toBe(410)
    // Atom tells readers the entry is gone (RFC 6721); RSS and JSON Feed just drop it.
    const atom = parseXml(await (await c.get('/atom.xml')).text()).feed
    expect(atom['at:deleted-entry']['@ref']).toBe(`${SITE}/articles/forum`)
    const home = dom(await (await c.get('/')).text())
    expect(home.all('h2').map((h) => h.text)).toEqual(['Other', '訂閱'])
  })

  it('list newest first, one page of PAGE_SIZE, with a next link that reaches every item once', async () => {
    const c = client()
    for (let i = 1; i <= 5; i++) {
      await publish(c, {
        id: `n${i}`,
        title: `N${i}`,
        content_text: 'x',
        published: `2024-03-0${i}T12:00:00+08:00`,
      })
    }
    const seen: string[] = []
    let next: string | undefined = '/atom.xml?limit=2'
    while (next) {
      const doc = parseXml(await (await c.get(next)).text())
      seen.push(...(doc.feed.entry ?? []).map((e: any) => e.id.split('/').pop()))
      const link = doc.feed.link.find((l: any) => l['@rel'] === 'next')
      next = link ? link['@href'].replace(SITE, '') : undefined
    }
    expect(seen).toEqual(['n5', 'n4', 'n3', 'n2', 'n1'])
    const json = await (await c.get('/feed.json?limit=2')).json<any>()
    expect(json.next_url).toMatch(/^https:\/\/news\.example\.org\/feed\.json\?limit=2&cursor=/)
  })

  it('serve per-tag feeds for a tag in any script and case', async () => {
    const c = client()
    await publish(c, chinese)
    await publish(c, { id: 'rust', title: 'Rust', content_text: 'x', tags: ['Rust'] })
    const tag = await readFeeds(c, '/tags/%E7%B6%93%E9%96%8B%E5%8D%80')
    expect(tag.json.map((i: any) => i.id)).toEqual([`${SITE}/articles/forum`])
    // Another case is sent to the spelling the feed is announced under (WebSub's topic).
    const moved = await c.get('/tags/rust/feed.json')
    expect(moved.status).toBe(301)
    expect(moved.headers.get('Location')).toBe('/tags/Rust/feed.json')
    const folded = await readFeeds(c, '/tags/Rust')
    expect(folded.rss.map((i: any) => i.link[0])).toEqual([`${SITE}/articles/rust`])
    expect(folded.jsonDoc.feed_url).toBe(`${SITE}/tags/Rust/feed.json`)
  })

  it('index a tag once however many scripts spell it, and find it by any spelling', async () => {
    const c = client()
    // 經開區 and 经开区 differ character by character: one listing. 軟體 converts to 软件, a
    // different word: two listings, both holding the article.
    await publish(c, { ...chinese, tags: ['經開區', '軟體'] })
    const tagKeys = Object.entries(await kvSnapshot()).filter(([k]) => k.startsWith('index:tag:'))
    expect(tagKeys.map(([k]) => k.split(':')[2]).sort()).toEqual(['经开区', '软件', '软体'])
    // The list of feeds names every spelling.
    expect(JSON.parse((await kvSnapshot())['meta:tags']!.value!)).toEqual([
      '經開區',
      '经开区',
      '软件',
      '軟體',
    ])
    // Every live spelling is a feed; another (a mix of scripts) is sent to the nearest one.
    for (const [asked, live] of [
      ['經開區', '經開區'],
      ['经开区', '经开区'],
      ['經开区', '经开区'],
      ['軟體', '軟體'],
      ['软件', '软件'],
      ['軟件', '软件'],
    ]) {
      const res = await c.get(`/tags/${encodeURIComponent(asked!)}/feed.xml`)
      if (asked !== live) {
        expect(res.status, asked).toBe(301)
        expect(res.headers.get('Location'), asked).toBe(
          `/tags/${encodeURIComponent(live!)}/feed.xml`,
        )
      }
      const feeds = await readFeeds(c, `/tags/${encodeURIComponent(live!)}`)
      expect(
        feeds.rss.map((i: any) => i.link[0]),
        asked,
      ).toEqual([`${SITE}/articles/forum`])
    }
    // 软体工: a tag no article has is not a feed.
    expect((await c.get('/tags/%E8%BD%AF%E4%BD%93%E5%B7%A5/feed.xml')).status).toBe(404)
    expect((await c.del('forum')).status).toBe(204)
    const left = Object.keys(await kvSnapshot())
    expect(left.filter((k) => k.startsWith('index:'))).toEqual([])
    expect(
      left
        .filter((k) => k.startsWith('deleted:tag:'))
        .map((k) => k.split(':')[2])
        .sort(),
    ).toEqual(['经开区', '软件', '软体'])
  })

  it('keep a walk through the pages exact while new articles arrive', async () => {
    const c = client()
    for (let i = 1; i <= 6; i++) {
      await publish(c, {
        id: `old${i}`,
        title: `Old ${i}`,
        content_text: 'x',
        published: `2024-03-0${i}T12:00:00+08:00`,
      })
    }
    const first = await (await c.get('/feed.json?limit=2')).json<any>()
    // Two articles arrive mid-walk: newer than everything, so they belong on page one.
    await publish(c, {
      id: 'new1',
      title: 'New 1',
      content_text: 'x',
      published: '2024-04-01T00:00:00Z',
    })
    await publish(c, {
      id: 'new2',
      title: 'New 2',
      content_text: 'x',
      published: '2024-04-01T00:00:00Z',
    })
    const seen = first.items.map((i: any) => i.id.split('/').pop())
    for (let next = first.next_url; next;) {
      const page: any = await (await c.get(next.replace(SITE, ''))).json()
      seen.push(...page.items.map((i: any) => i.id.split('/').pop()))
      next = page.next_url
    }
    expect(seen).toEqual(['old6', 'old5', 'old4', 'old3', 'old2', 'old1'])
  })

  it('let browser-based aggregators read them (CORS), unlike the API', async () => {
    const c = client()
    await publish(c, { title: 'Tagged', content_text: 'x', tags: ['x'] })
    for (const path of ['/feed.xml', '/atom.xml', '/feed.json', '/tags/x/feed.json']) {
      expect((await c.get(path)).headers.get('Access-Control-Allow-Origin'), path).toBe('*')
    }
    expect((await c.api('/api/articles')).headers.get('Access-Control-Allow-Origin')).toBeNull()
  })
})
