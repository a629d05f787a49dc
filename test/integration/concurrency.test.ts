import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { client, kvSnapshot, readFeeds } from '../helpers'

afterEach(() => reset())

describe('concurrency', () => {
  it('keeps all of 200 parallel publishes, in the API and the feeds', async () => {
    const c = client()
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        c.post({
          title: `並行發布 ${i}`,
          content_text: `第${i}篇`,
          published: '2024-05-01T08:00:00+08:00',
        }),
      ),
    )
    expect(responses.map((r) => r.status)).toEqual(Array(200).fill(201))
    const ids = new Set<string>()
    let cursor: string | undefined
    do {
      const page = await (
        await c.api(
          `/api/articles?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        )
      ).json<any>()
      for (const item of page.items) ids.add(item.id)
      cursor = page.next_cursor
    } while (cursor)
    expect(ids.size).toBe(200)
    const seen = new Set<string>()
    let next: string | undefined = '/feed.json?limit=100'
    while (next) {
      const feed: any = await (await c.get(next)).json()
      for (const item of feed.items) seen.add(item.id)
      next = feed.next_url?.replace('https://news.example.org', '')
    }
    expect(seen.size).toBe(200)
  })

  it('leaves exactly one article and one index entry after concurrent PUTs to one id', async () => {
    const c = client()
    const body = {
      title: '同一篇',
      content_text: 'x',
      published: '2024-05-01T08:00:00+08:00',
      tags: ['a'],
    }
    const statuses = (await Promise.all(Array.from({ length: 10 }, () => c.put('same', body)))).map(
      (r) => r.status,
    )
    expect(statuses.every((s) => s === 200 || s === 201)).toBe(true)
    const keys = Object.keys(await kvSnapshot())
    expect(keys.filter((k) => k.startsWith('article:'))).toEqual(['article:same'])
    expect(keys.filter((k) => k.startsWith('index:all:'))).toHaveLength(1)
    expect(keys.filter((k) => k.startsWith('index:tag:'))).toHaveLength(1)
    const feeds = await readFeeds(c)
    expect(feeds.json.map((i: any) => i.title)).toEqual(['同一篇'])
  })

  it('shows one entry even when racing replaces leave a stale index key', async () => {
    const c = client()
    await c.put('moving', { title: 'v1', content_text: 'x', published: '2024-01-01T00:00:00Z' })
    await Promise.all([
      c.put('moving', { title: 'v2', content_text: 'x', published: '2024-02-01T00:00:00Z' }),
      c.put('moving', { title: 'v3', content_text: 'x', published: '2024-03-01T00:00:00Z' }),
    ])
    const feeds = await readFeeds(c)
    expect(feeds.json).toHaveLength(1)
    expect(feeds.rss).toHaveLength(1)
    const list = await (await c.api('/api/articles')).json<any>()
    expect(list.items).toHaveLength(1)
  })
})
