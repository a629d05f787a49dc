import { env } from 'cloudflare:workers'
import { reset } from 'cloudflare:test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hostileArticles } from '../corpus'
import { client, parseXml, readFeeds, SITE } from '../helpers'

const corpus = hostileArticles()
const c = client()
const text = (node: any): string => (typeof node === 'string' ? node : node['#text'])
const stored = new Map<string, any>()

beforeAll(async () => {
  for (const { article } of corpus) {
    const res = await c.post(article)
    expect(res.status, `${article.id}: ${res.status}`).toBe(201)
    stored.set(article.id, await res.json())
  }
})
afterAll(() => reset())

describe('the hostile corpus', () => {
  it('is stored cleaned: NFC, without what XML forbids, otherwise exact', () => {
    for (const { article, expect: want } of corpus) {
      const got = stored.get(article.id)
      expect(got.title, article.id).toBe(want?.title ?? article.title.normalize('NFC').trim())
      if (want?.tags) expect(got.tags, article.id).toEqual(want.tags)
      for (const value of [got.title, got.content_html, got.summary, ...got.tags]) {
        expect(value).not.toMatch(
          /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
        )
      }
    }
  })

  it('gives well-formed site feeds whose titles read back exactly', async () => {
    const feeds = await readFeeds(c, '', '?limit=100')
    const byUrl = (url: string) => stored.get(url.replace(`${SITE}/articles/`, ''))
    for (const item of feeds.rss) expect(text(item.title)).toBe(byUrl(item.link[0]).title)
    for (const entry of feeds.atom) expect(text(entry.title)).toBe(byUrl(entry.id).title)
    for (const item of feeds.json) expect(item.title).toBe(byUrl(item.id).title)
    expect(feeds.json).toHaveLength(corpus.length)
  })

  it('pages through every article exactly once, ties included', async () => {
    const seen: string[] = []
    let next: string | undefined = '/feed.xml?limit=4'
    for (let pages = 0; next && pages < 20; pages++) {
      const doc = parseXml(await (await c.get(next)).text())
      seen.push(...(doc.rss.channel.item ?? []).map((i: any) => i.link[0]))
      const link = doc.rss.channel['atom:link'].find((l: any) => l['@rel'] === 'next')
      next = link ? link['@href'].replace(SITE, '') : undefined
    }
    expect(seen).toHaveLength(corpus.length)
    expect(new Set(seen).size).toBe(corpus.length)
  })

  it('gives a valid feed for every tag, in every format', async () => {
    const tags = new Set([...stored.values()].flatMap((a) => a.tags as string[]))
    expect(tags.size).toBeGreaterThan(10)
    for (const tag of tags) {
      const feeds = await readFeeds(c, `/tags/${encodeURIComponent(tag)}`)
      const want = [...stored.values()].filter((a) => a.tags.includes(tag)).map((a) => a.title)
      expect(
        feeds.rss.map((i) => text(i.title)),
        tag,
      ).toEqual(want.length ? expect.arrayContaining(want) : [])
      expect(feeds.atom).toHaveLength(want.length)
      expect(feeds.json).toHaveLength(want.length)
    }
  })

  it('renders every article page with the content escaped or sanitised', async () => {
    for (const id of stored.keys()) {
      const res = await c.get(`/articles/${id}`)
      expect(res.status, id).toBe(200)
      const scripts = (await res.text()).match(/<script[^>]*>/gi) ?? []
      // Only the page's own: the copy-button script and the JSON-LD data block.
      expect(scripts).toEqual([
        '<script src="/app.js" defer="">',
        '<script type="application/ld+json">',
      ])
    }
  })

  it('leaves out an item that fails to render, serving the rest', async () => {
    const broken = { ...stored.get('emoji'), published: 'not a date' }
    await env.ARTICLES.put('article:emoji', JSON.stringify(broken))
    await c.put('name-only', {
      title: 'Bump the version',
      content_text: 'x',
      published: '2024-06-01T09:13:00+08:00',
    })
    const feeds = await readFeeds(c, '', '?limit=100')
    expect(feeds.rss).toHaveLength(corpus.length - 1)
    expect(feeds.atom).toHaveLength(corpus.length - 1)
  })
})
