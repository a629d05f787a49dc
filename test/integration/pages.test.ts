import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { client, dom, parseXml, publish, SITE } from '../helpers'

afterEach(() => reset())

const forum = {
  id: 'forum',
  title: '經開區舉辦「創新論壇」',
  content_html: '<p>本報訊　經開區昨日舉辦論壇，軟體業者出席。</p>',
  summary: '經開區舉辦論壇。',
  published: '2022-04-08T02:30:00Z',
  tags: ['經開區', 'Tech'],
  authors: [{ name: '王小明', url: 'https://example.org/wang' }],
  source: { name: '中央社', url: 'https://cna.example/a?b=1' },
  image: 'https://img.example.org/a.jpg',
}

describe('the article page', () => {
  it('carries everything a reader, a search engine and a link preview need', async () => {
    const c = client()
    await publish(c, forum)
    const res = await c.get('/articles/forum')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Security-Policy')).toContain("script-src 'self'")
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'")
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin')
    const page = dom(await res.text())
    expect(page.one('html')!.attribs.lang).toBe('zh-Hant')
    expect(page.one('h1')!.text).toBe(forum.title)
    expect(page.one('link', { rel: 'canonical' })!.attribs.href).toBe(`${SITE}/articles/forum`)
    expect(
      page.all('link', { rel: 'alternate' }).map((l) => l.attribs.type ?? l.attribs.hreflang),
    ).toEqual([
      'x-default',
      'zh-Hans',
      'zh-Hant',
      'application/rss+xml',
      'application/atom+xml',
      'application/feed+json',
    ])
    expect(page.one('meta', { property: 'og:type' })!.attribs.content).toBe('article')
    expect(page.one('meta', { property: 'og:image' })!.attribs.content).toBe(forum.image)
    expect(page.one('meta', { property: 'og:description' })!.attribs.content).toBe(forum.summary)
    expect(page.one('meta', { name: 'twitter:card' })!.attribs.content).toBe('summary_large_image')
    const ld = JSON.parse(page.one('script', { type: 'application/ld+json' })!.text)
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: forum.title,
      datePublished: forum.published,
      image: [forum.image],
      author: [{ '@type': 'Person', name: '王小明', url: 'https://example.org/wang' }],
      publisher: { '@type': 'Organization', name: 'edgefeed' },
    })
    // The date in the site's zone (Asia/Taipei), written as Chinese readers write it.
    expect(page.one('time')!.text).toMatch(/^2022年4月8日.*10:30$/)
    expect(page.one('time')!.attribs.datetime).toBe(forum.published)
    expect(page.all('a', { rel: 'tag' }).map((a) => a.attribs.href)).toEqual([
      '/tags/%E7%B6%93%E9%96%8B%E5%8D%80',
      '/tags/Tech',
    ])
    expect(
      page.all('a').some((a) => a.attribs.href === forum.source.url && a.text === '中央社'),
    ).toBe(true)
    expect(page.one('img', { src: forum.image })).toBeDefined()
    expect(page.one('a', { rel: 'prev' })!.attribs.href).toBe('/articles/forum/newer')
  })

  it('answers an unknown article with a 404 page in the site style', async () => {
    const res = await client().get('/articles/nope')
    expect(res.status).toBe(404)
    expect(res.headers.get('Content-Type')).toContain('text/html')
    const page = dom(await res.text())
    expect(page.one('h1')!.text).toBe('找不到這個頁面')
    expect(page.one('link', { rel: 'stylesheet' })!.attribs.href).toBe('/style.css')
  })

  it('leads to the newer and older article', async () => {
    const c = client()
    for (const [id, day] of [
      ['a', '01'],
      ['b', '02'],
      ['c', '03'],
    ]) {
      await publish(c, { id, title: id, content_text: 'x', published: `2024-01-${day}T00:00:00Z` })
    }
    const go = async (path: string) =>
      (await c.fetch(path, { redirect: 'manual' })).headers.get('Location')
    expect(await go('/articles/b/older')).toBe('/articles/a')
    expect(await go('/articles/b/newer')).toBe('/articles/c')
    expect(await go('/articles/c/newer')).toBe('/')
    expect(await go('/articles/a/older')).toBe('/')
  })
})

describe('lists', () => {
  it('page the home page and offer the feeds', async () => {
    const c = client()
    await publish(c, forum)
    await publish(c, {
      id: 'later',
      title: 'Later',
      content_text: 'x',
      published: '2023-01-01T00:00:00Z',
    })
    const page = dom(await (await c.get('/?limit=1')).text())
    expect(page.all('ul').find((u) => u.attribs.class === 'articles')!.text).toContain('Later')
    const next = page.one('a', { rel: 'next' })!.attribs.href!
    expect(next).toMatch(/^\/\?limit=1&cursor=/)
    expect(dom(await (await c.get(next)).text()).one('h2')!.text).toBe(forum.title)
    expect(page.all('button', { class: 'copy' }).map((b) => b.attribs['data-copy'])).toEqual([
      `${SITE}/feed.xml`,
      `${SITE}/atom.xml`,
      `${SITE}/feed.json`,
    ])
  })

  it("give a tag page that tag's feeds for autodiscovery", async () => {
    const c = client()
    await publish(c, forum)
    const page = dom(await (await c.get('/tags/%E7%B6%93%E9%96%8B%E5%8D%80')).text())
    expect(page.one('h1')!.text).toBe('經開區')
    expect(page.one('link', { type: 'application/atom+xml' })!.attribs.href).toBe(
      `${SITE}/tags/%E7%B6%93%E9%96%8B%E5%8D%80/atom.xml`,
    )
  })

  it('list every feed on /feeds', async () => {
    const c = client()
    await publish(c, forum)
    const page = dom(await (await c.get('/feeds')).text())
    const urls = page.all('button', { class: 'copy' }).map((b) => b.attribs['data-copy'])
    expect(urls).toContain(`${SITE}/feed.xml`)
    expect(urls).toContain(`${SITE}/tags/Tech/feed.json`)
    expect(urls).toContain(`${SITE}/tags/%E7%B6%93%E9%96%8B%E5%8D%80/atom.xml`)
    expect(urls).toContain(`${SITE}/tags/%E7%BB%8F%E5%BC%80%E5%8C%BA/atom.xml`) // 经开区
    expect(urls).toContain(`${SITE}/zh-Hans/feed.xml`)
  })
})

describe('Traditional and Simplified', () => {
  it('serve the article converted, tagged and linked to the original', async () => {
    const c = client()
    await publish(c, forum)
    const page = dom(await (await c.get('/zh-Hans/articles/forum')).text())
    expect(page.one('html')!.attribs.lang).toBe('zh-Hans')
    expect(page.one('h1')!.text).toBe('经开区举办「创新论坛」')
    expect(page.one('div', { class: 'content e-content' })!.text).toBe(
      '本报讯　经开区昨日举办论坛，软件业者出席。',
    )
    // Each script's version is its own page for search engines, and names the other.
    expect(page.one('link', { rel: 'canonical' })!.attribs.href).toBe(
      `${SITE}/zh-Hans/articles/forum`,
    )
    const versions = page.all('link', { rel: 'alternate', hreflang: 'zh-Hant' })
    expect(versions.map((l) => l.attribs.href)).toEqual([`${SITE}/articles/forum`])
    expect(page.all('a', { rel: 'tag' }).map((a) => a.text)).toEqual(['经开区', 'Tech'])
  })

  it('serve converted feeds whose ids stay the canonical ones', async () => {
    const c = client()
    await publish(c, forum)
    const rss = parseXml(await (await c.get('/zh-Hans/feed.xml')).text()).rss.channel
    expect(rss.language).toBe('zh-Hans')
    expect(rss.item[0].title).toBe('经开区举办「创新论坛」')
    expect(rss.item[0].guid['#text']).toBe(`${SITE}/articles/forum`)
    expect(rss.item[0].link).toEqual([`${SITE}/zh-Hans/articles/forum`])
    const atom = parseXml(await (await c.get('/atom.xml')).text()).feed
    // The entry's one alternate is the article; its variants are linked from the page.
    expect(atom.entry[0].link.filter((l: any) => l['@rel'] === 'alternate')).toEqual([
      { '@rel': 'alternate', '@type': 'text/html', '@href': `${SITE}/articles/forum` },
    ])
    expect(atom.link.find((l: any) => l['@hreflang'] === 'zh-Hans')['@href']).toBe(
      `${SITE}/zh-Hans/atom.xml`,
    )
    const json = await (await c.get('/zh-Hant/feed.json')).json<any>()
    expect(json.language).toBe('zh-Hant')
    expect(json.items[0].title).toBe(forum.title)
  })

  it('find a tag by either script', async () => {
    const c = client()
    await publish(c, forum)
    const simplified = await (
      await c.get('/tags/%E7%BB%8F%E5%BC%80%E5%8C%BA/feed.json')
    ).json<any>()
    expect(simplified.items.map((i: any) => i.id)).toEqual([`${SITE}/articles/forum`])
  })

  it('convert a Simplified article to Taiwan phrasing', async () => {
    const c = client()
    await publish(c, { id: 'soft', title: '软件与网络', content_text: '鼠标和内存。' })
    const json = await (await c.get('/zh-Hant/feed.json')).json<any>()
    expect(json.items[0].title).toBe('軟體與網路')
    expect(json.items[0].content_html).toBe('<p>滑鼠和記憶體。</p>')
  })
})

describe('a browser opening a feed URL', () => {
  const browser = {
    'Sec-Fetch-Dest': 'document',
    'Sec-Fetch-Mode': 'navigate',
    Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  }

  it('gets a page explaining the feed, with the latest items', async () => {
    const c = client()
    await publish(c, forum)
    const res = await c.get('/feed.xml', browser)
    expect(res.headers.get('Content-Type')).toContain('text/html')
    expect(res.headers.get('Vary')).toBe('Sec-Fetch-Dest, Sec-Fetch-Mode')
    const page = dom(await res.text())
    expect(page.one('h1')!.text).toBe('這是一個訂閱源')
    expect(page.one('button', { class: 'copy' })!.attribs['data-copy']).toBe(`${SITE}/feed.xml`)
    expect(page.one('h2')!.text).toBe(forum.title)
  })

  it('while every feed reader keeps getting the exact feed', async () => {
    const c = client()
    await publish(c, forum)
    await c.get('/feed.xml', browser) // a cached preview must not leak to readers
    const readers: Record<string, string>[] = [
      {},
      { Accept: '*/*' },
      { Accept: 'text/html, */*' },
      { Accept: 'application/rss+xml, application/xml;q=0.9, text/html;q=0.5' },
      { 'Sec-Fetch-Dest': 'empty', 'Sec-Fetch-Mode': 'cors', Accept: 'text/html' },
    ]
    const feed = await (await c.get('/feed.xml')).text()
    for (const headers of readers) {
      const res = await c.get('/feed.xml', headers)
      expect(res.headers.get('Content-Type'), JSON.stringify(headers)).toBe(
        'application/rss+xml; charset=utf-8',
      )
      expect(res.headers.get('Vary')).toBe('Sec-Fetch-Dest, Sec-Fetch-Mode')
      expect(await res.text()).toBe(feed)
    }
    expect(parseXml(feed).rss.channel.item).toHaveLength(1)
  })
})
