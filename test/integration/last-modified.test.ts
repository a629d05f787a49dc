/**
 * Last-Modified is when what a response shows last changed, as the coordinator recorded it:
 * the same on every render of the same content, later after any change to what it shows,
 * and enough alone (`If-Modified-Since`, no ETag) for a 304.
 */
import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { setTestClock } from '../support/clock'
import { client, parseXml, publish, settleDesk, SITE, workerFetch } from '../helpers'

afterEach(() => reset())

const RESOURCES = [
  '/',
  '/tags/news',
  '/articles/a',
  '/feed.xml',
  '/atom.xml',
  '/feed.json',
  '/tags/news/atom.xml',
  '/feeds',
  '/sitemap.xml',
  '/zh-Hans/feed.json',
  '/style.css',
]

const get = (path: string, headers: Record<string, string> = {}) =>
  workerFetch(new Request(SITE + path, { headers }))
const lastModified = async (path: string) => (await get(path)).headers.get('Last-Modified')!
const later = (ms: number) => setTestClock(Date.now() + ms)

async function seeded() {
  const c = client()
  await publish(c, {
    id: 'a',
    title: 'A',
    content_text: 'x',
    tags: ['news'],
    published: '2024-01-02T00:00:00Z',
  })
  await publish(c, {
    id: 'b',
    title: 'B',
    content_text: 'x',
    tags: ['news'],
    published: '2024-01-01T00:00:00Z',
  })
  return c
}

describe('Last-Modified', () => {
  it('is the same on every render of the same content, and If-Modified-Since alone gets 304', async () => {
    await seeded()
    const first = Object.fromEntries(
      await Promise.all(RESOURCES.map(async (p) => [p, await lastModified(p)] as const)),
    )
    later(3_600_000)
    for (const path of RESOURCES) {
      const res = await get(path)
      expect(res.status, path).toBe(200)
      const at = res.headers.get('Last-Modified')!
      expect(at, path).toBe(first[path])
      expect(Date.parse(at), path).toBeLessThanOrEqual(Date.now())
      const revalidated = await get(path, { 'If-Modified-Since': at })
      expect(revalidated.status, path).toBe(304)
      expect(revalidated.headers.get('Last-Modified'), path).toBe(at)
    }
  })

  it('moves on with every change to what a response shows, removals included', async () => {
    const c = await seeded()
    const before = Object.fromEntries(
      await Promise.all(
        ['/', '/feed.xml', '/tags/news', '/articles/a'].map(
          async (p) => [p, await lastModified(p)] as const,
        ),
      ),
    )
    // An edit of A: its page and every listing showing it.
    later(60_000)
    expect((await c.put('a', { title: 'A2', content_text: 'x', tags: ['news'] })).status).toBe(200)
    await settleDesk()
    for (const path of ['/', '/feed.xml', '/tags/news', '/articles/a']) {
      const at = await lastModified(path)
      expect(Date.parse(at), path).toBeGreaterThan(Date.parse(before[path]!))
      // The reader's copy from before is stale: the full answer, not 304.
      expect((await get(path, { 'If-Modified-Since': before[path]! })).status, path).toBe(200)
    }
    // B leaves the news listing: nothing left on the page changed, yet the page did.
    const withB = await lastModified('/tags/news')
    later(60_000)
    expect((await c.put('b', { title: 'B', content_text: 'x', tags: ['other'] })).status).toBe(200)
    await settleDesk()
    expect(Date.parse(await lastModified('/tags/news'))).toBeGreaterThan(Date.parse(withB))
    // A backdated article lands in the site listing: its own dates are old, the listing's new.
    const site = await lastModified('/feed.xml')
    later(60_000)
    await publish(c, {
      id: 'old',
      title: 'Old',
      content_text: 'x',
      published: '2020-01-01T00:00:00Z',
      updated: '2020-01-01T00:00:00Z',
    })
    expect(Date.parse(await lastModified('/feed.xml'))).toBeGreaterThan(Date.parse(site))
  })

  it('gives an empty feed the same date in its document as in its header, never 1970', async () => {
    const res = await get('/feed.xml')
    const header = Date.parse(res.headers.get('Last-Modified')!)
    const channel = parseXml(await res.text()).rss.channel
    expect(Date.parse(channel.lastBuildDate)).toBe(header)
    expect(header).toBeGreaterThan(Date.parse('2000-01-01T00:00:00Z'))
    const atom = await get('/atom.xml')
    expect(Date.parse(parseXml(await atom.text()).feed.updated)).toBe(
      Date.parse(atom.headers.get('Last-Modified')!),
    )
  })
})
