/**
 * Each author's page and feeds: found by the slug of the name (any case, either script),
 * paged like a tag's, linked from every byline, purged by the writes that change them, and
 * listed with every other feed in /feeds and /feeds.opml.
 */
import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { authorSlug } from '../../src/articles/listings'
import { client, dom, parseXml, publish, readFeeds, settleDesk, SITE } from '../helpers'
import { onPurgeLine } from '../support/purge-log'

afterEach(() => reset())

const story = (id: string, authors: string[], extra: Record<string, unknown> = {}) => ({
  id,
  title: `經開區新聞 ${id}`,
  content_text: '經開區昨日舉辦創新論壇，逾百家企業參與。',
  authors: authors.map((name) => ({ name })),
  ...extra,
})

describe('author slugs', () => {
  it('are the name in lower case with hyphens, Han names as written, never empty', () => {
    expect(authorSlug('Jane Doe')).toBe('jane-doe')
    expect(authorSlug("  Zoë  O'Brien ")).toBe('zoë-o-brien')
    expect(authorSlug('王小明')).toBe('王小明')
    expect(authorSlug('王 小明')).toBe('王-小明')
    expect(authorSlug('—')).toMatch(/^author-[0-9a-f]{8}$/)
    expect(authorSlug('—')).toBe(authorSlug('—'))
  })
})

describe("an author's page and feeds", () => {
  it('list their articles newest first, by any spelling, in every format and script', async () => {
    const c = client()
    await publish(c, story('one', ['王曉明'], { published: '2024-01-01T00:00:00+08:00' }))
    await publish(
      c,
      story('two', ['王曉明', 'Jane Doe'], { published: '2024-01-02T00:00:00+08:00' }),
    )
    await publish(c, story('three', ['Jane Doe'], { published: '2024-01-03T00:00:00+08:00' }))
    const feeds = await readFeeds(c, `/authors/${encodeURIComponent('王曉明')}`)
    expect(feeds.json.map((i: any) => i.id.replace(SITE, ''))).toEqual([
      '/articles/two',
      '/articles/one',
    ])
    expect(feeds.jsonDoc.title).toMatch(/: 王曉明$/)
    // Another spelling of a name (script, case) is sent to the one hubs hear of.
    for (const [asked, live] of [
      ['王晓明', '王曉明'],
      ['JANE-DOE', 'jane-doe'],
    ]) {
      const res = await c.get(`/authors/${encodeURIComponent(asked!)}/atom.xml?limit=5`)
      expect(res.status, asked).toBe(301)
      expect(res.headers.get('Location'), asked).toBe(
        `/authors/${encodeURIComponent(live!)}/atom.xml?limit=5`,
      )
    }
    const jane = await readFeeds(c, '/authors/jane-doe')
    expect(jane.atom.map((e: any) => e.title['#text'] ?? e.title)).toEqual([
      '經開區新聞 three',
      '經開區新聞 two',
    ])
    const simplified = await readFeeds(c, '/zh-Hans/authors/jane-doe')
    expect(simplified.json[0].title).toBe('经开区新闻 three')
    // The page: headed with the name as written, advertising its own feeds.
    const page = dom(await (await c.get('/authors/jane-doe')).text())
    expect(page.one('h1')!.text).toBe('Jane Doe')
    const feedLinks = page
      .all('link')
      .filter((l) => l.attribs.rel === 'alternate' && l.attribs.type)
    expect(feedLinks.map((l) => (l.attribs.href ?? '').replace(SITE, ''))).toEqual([
      '/authors/jane-doe/feed.xml',
      '/authors/jane-doe/atom.xml',
      '/authors/jane-doe/feed.json',
    ])
    // Paged like a tag's, with a next link that leads on.
    const first = await (await c.get('/authors/jane-doe/feed.json?limit=1')).json<any>()
    const next = await (await c.get(first.next_url.replace(SITE, ''))).json<any>()
    expect(next.items.map((i: any) => i.id.replace(SITE, ''))).toEqual(['/articles/two'])
    // Nobody of that name: 404, kept a minute.
    expect((await c.get('/authors/nobody')).status).toBe(404)
  })

  it('are linked from every byline', async () => {
    const c = client()
    await publish(c, story('linked', ['王小明', 'Jane Doe']))
    for (const path of ['/articles/linked', '/', '/zh-Hans/articles/linked']) {
      const prefix = path.startsWith('/zh-Hans') ? '/zh-Hans' : ''
      const bylines = dom(await (await c.get(path)).text())
        .all('a')
        .filter((a) => (a.attribs.class ?? '').includes('p-author'))
        .map((a) => [a.text, a.attribs.href])
      expect(bylines, path).toEqual([
        ['王小明', `${prefix}/authors/${encodeURIComponent('王小明')}`],
        ['Jane Doe', `${prefix}/authors/jane-doe`],
      ])
    }
  })

  it('are purged by the writes that change them, and only those', async () => {
    const c = client()
    const purged: string[][] = []
    const stop = onPurgeLine((line) => purged.push(line.purge.tags ?? []))
    try {
      await publish(c, story('p', ['Jane Doe']))
      expect(purged.flat()).toContain('u:jane-doe')
      purged.length = 0
      expect((await c.put('p', story('p', ['Jane Doe'], { title: '改' }))).status).toBe(200)
      await settleDesk()
      expect(purged.flat()).not.toContain('u:jane-doe') // an edit in place: a:p alone
      purged.length = 0
      expect((await c.put('p', story('p', ['王小明']))).status).toBe(200)
      await settleDesk()
      expect(purged.flat()).toEqual(
        expect.arrayContaining(['u:jane-doe', `u:${encodeURIComponent('王小明')}`]),
      )
    } finally {
      stop()
    }
  })
})

describe('every feed in one list', () => {
  it('/feeds and /feeds.opml list the site, each tag and each author, in each script and format', async () => {
    const c = client()
    await publish(c, story('x', ['王小明'], { tags: ['經開區'] }))
    await settleDesk()
    const page = dom(await (await c.get('/feeds')).text())
    expect(page.all('a').map((a) => a.attribs.href)).toEqual(
      expect.arrayContaining(['/feeds.opml', `/authors/${encodeURIComponent('王小明')}`]),
    )
    const res = await c.get('/feeds.opml')
    expect(res.headers.get('Content-Type')).toBe('text/x-opml; charset=utf-8')
    const opml = parseXml(await res.text()).opml
    expect(opml['@version']).toBe('2.0')
    const groups = [opml.body.outline].flat()
    expect(groups.map((g: any) => g['@text'])).toEqual(['全站', '依標籤', '依作者'])
    const urls = (group: any) =>
      [group.outline]
        .flat()
        .flatMap((listing: any) => [listing.outline].flat())
        .map((o: any) => o['@xmlUrl'].replace(SITE, ''))
    expect(urls(groups[0])).toHaveLength(9) // 3 formats × original and 2 scripts
    expect(urls(groups[0])).toEqual(expect.arrayContaining(['/feed.xml', '/zh-Hans/atom.xml']))
    expect(urls(groups[1])).toEqual(
      expect.arrayContaining([`/tags/${encodeURIComponent('經開區')}/feed.json`]),
    )
    expect(urls(groups[2])).toEqual(
      expect.arrayContaining([
        `/authors/${encodeURIComponent('王小明')}/feed.xml`,
        `/zh-Hant/authors/${encodeURIComponent('王小明')}/atom.xml`,
      ]),
    )
    for (const o of groups
      .flatMap((g: any) => [g.outline].flat())
      .flatMap((l: any) => [l.outline].flat())) {
      expect(o['@type']).toBe('rss')
      expect(o['@htmlUrl']).toMatch(/^https:\/\//)
    }
  })
})
