import { env } from 'cloudflare:workers'
import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { client, publish, serverTiming } from '../helpers'

afterEach(() => reset())

const PUBLIC = [
  '/',
  '/articles/a',
  '/tags/news',
  '/feed.xml',
  '/atom.xml',
  '/feed.json',
  '/tags/news/feed.xml',
  '/tags/news/atom.xml',
  '/tags/news/feed.json',
  '/feed.json?limit=1',
]

async function seeded() {
  const c = client()
  await publish(c, {
    id: 'a',
    title: 'A',
    content_text: 'x',
    tags: ['news'],
    published: '2024-01-01T00:00:00Z',
  })
  await publish(c, {
    id: 'b',
    title: 'B',
    content_text: 'y',
    tags: ['news'],
    published: '2024-01-02T00:00:00Z',
  })
  return c
}

describe('conditional GET', () => {
  for (const path of PUBLIC) {
    it(`${path}: strong ETag, Last-Modified, 304 on a match, HEAD without a body`, async () => {
      const c = await seeded()
      const first = await c.get(path)
      expect(first.status).toBe(200)
      const etag = first.headers.get('ETag')!
      const lastModified = first.headers.get('Last-Modified')!
      expect(etag).toMatch(/^"[\w-]+"$/)
      expect(Date.parse(lastModified)).toBeGreaterThan(0)
      expect(first.headers.get('Cache-Control')).toBe('public, max-age=300')

      const byTag = await c.get(path, { 'If-None-Match': etag })
      expect(byTag.status).toBe(304)
      expect(await byTag.text()).toBe('')
      expect(byTag.headers.get('ETag')).toBe(etag)
      expect(byTag.headers.get('Cache-Control')).toBe('public, max-age=300')

      const byDate = await c.get(path, { 'If-Modified-Since': lastModified })
      expect(byDate.status).toBe(304)

      // If-None-Match wins over If-Modified-Since when both are sent.
      const both = await c.get(path, {
        'If-None-Match': '"other"',
        'If-Modified-Since': lastModified,
      })
      expect(both.status).toBe(200)

      const head = await c.fetch(path, { method: 'HEAD' })
      expect(head.status).toBe(200)
      expect(head.headers.get('ETag')).toBe(etag)
      expect(await head.text()).toBe('')
    })
  }

  it('changes ETag and Last-Modified when an article is deleted', async () => {
    const c = await seeded()
    const before = await c.get('/feed.xml')
    await new Promise((r) => setTimeout(r, 1100))
    expect((await c.del('a')).status).toBe(204)
    const after = await c.get('/feed.xml', { 'If-None-Match': before.headers.get('ETag')! })
    expect(after.status).toBe(200)
    expect(after.headers.get('ETag')).not.toBe(before.headers.get('ETag'))
    expect(Date.parse(after.headers.get('Last-Modified')!)).toBeGreaterThan(
      Date.parse(before.headers.get('Last-Modified')!),
    )
  })
})

describe('edge cache', () => {
  it('reads one list and the page articles on a miss, and no article on a hit', async () => {
    const c = await seeded()
    const miss = await c.get('/feed.xml')
    const missReads = serverTiming(miss)
    expect(missReads.cache).toBe('miss')
    expect(Number(missReads['kv-lists'])).toBe(1)
    expect(Number(missReads['kv-keys'])).toBeLessThanOrEqual(3) // two articles, perhaps the version
    expect(Number(missReads['kv-keys'])).toBeGreaterThanOrEqual(2)
    const hit = await c.get('/feed.xml')
    const hitReads = serverTiming(hit)
    expect(hitReads.cache).toBe('hit')
    expect(Number(hitReads['kv-lists'])).toBe(0)
    expect(Number(hitReads['kv-keys'])).toBeLessThanOrEqual(1)
    expect(await hit.text()).toBe(await miss.text())
  })

  it('shows a publish on the very next request', async () => {
    const c = await seeded()
    await c.get('/feed.json')
    await publish(c, { id: 'c', title: 'C', content_text: 'z', published: '2024-01-03T00:00:00Z' })
    const items = (await (await c.get('/feed.json')).json<any>()).items
    expect(items.map((i: any) => i.title)).toEqual(['C', 'B', 'A'])
  })

  it('serves the last good copy, marked stale, when a render fails', async () => {
    const c = await seeded()
    const good = await (await c.get('/feed.xml')).text()
    await publish(c, { id: 'broken', title: 'Broken', content_text: 'x' })
    await env.ARTICLES.put('article:broken', '{ this is not JSON') // a corrupt value: reading it throws
    const res = await c.get('/feed.xml')
    expect(res.status).toBe(200)
    expect(res.headers.get('X-Edgefeed-Stale')).toBe('1')
    expect(await res.text()).toBe(good)
  })

  it('never caches the API', async () => {
    const c = await seeded()
    for (const res of [
      await c.api('/api/articles'),
      await c.api('/api/articles/a'),
      await c.api('/api/articles/zzz'),
    ]) {
      expect(res.headers.get('Cache-Control')).toBe('no-store')
    }
  })
})
