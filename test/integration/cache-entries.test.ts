/**
 * Anonymous requests can not make cache entries of their own: every response a made-up URL
 * gets is refused (400, not stored), short-lived (a 404 kept a minute) or small. Workers
 * Cache keys on the path and the query, so each distinct URL that rendered and was stored
 * for a day would be an entry anyone could mint.
 */
import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { client, dom, publish, SITE, workerFetch } from '../helpers'

afterEach(() => reset())

const get = (path: string) => workerFetch(new Request(SITE + path))

async function seeded() {
  const c = client()
  for (let i = 1; i <= 3; i++) {
    await publish(c, {
      id: `p${i}`,
      title: `P${i}`,
      content_text: 'x',
      tags: ['news'],
      published: `2024-01-0${i}T00:00:00Z`,
    })
  }
  await publish(c, { id: 'q', title: 'Q', content_text: 'x', tags: ['sport'] })
}

/** The `cursor` of a page's link to the next page. */
async function nextCursor(path: string): Promise<string> {
  const json = await (await get(path)).json<any>()
  return new URL(json.next_url).searchParams.get('cursor')!
}

describe('cursors', () => {
  it('are answered only as given out, for the listing and page size they belong to', async () => {
    await seeded()
    const cursor = await nextCursor('/tags/news/feed.json?limit=2')
    const next = await get(`/tags/news/feed.json?limit=2&cursor=${encodeURIComponent(cursor)}`)
    expect(next.status).toBe(200)
    expect((await next.json<any>()).items.map((i: any) => i.title)).toEqual(['P1'])
    const refused = [
      '/feed.json?cursor=garbage',
      '/?cursor=AAAAAAAAAAAAAAAA',
      `/tags/sport/feed.json?limit=2&cursor=${encodeURIComponent(cursor)}`, // another listing
      `/tags/news/feed.json?limit=3&cursor=${encodeURIComponent(cursor)}`, // another size
      `/tags/news/feed.json?limit=2&cursor=${encodeURIComponent(`${cursor.slice(0, -1)}A`)}`,
      `/tags/news/atom.xml?limit=2&cursor=${encodeURIComponent(`x${cursor}`)}`,
    ]
    for (const path of refused) {
      const res = await get(path)
      expect(res.status, path).toBe(400)
      expect(res.headers.get('Cache-Control'), path).toBe('no-store')
      expect((await res.json<any>()).errors, path).toEqual([
        { pointer: '/cursor', detail: 'not a valid cursor' },
      ])
    }
  })
})

describe('made-up tags', () => {
  it('get a 404 kept for a minute, which the first article with the tag purges', async () => {
    await seeded()
    for (const path of ['/tags/zzz', '/tags/zzz/feed.xml', '/zh-Hans/tags/zzz/atom.xml']) {
      const res = await get(path)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('Cloudflare-CDN-Cache-Control'), path).toBe('public, max-age=60')
      expect(res.headers.get('Cache-Tag'), path).toBe('t:zzz')
    }
    await publish(client(), { title: 'Z', content_text: 'x', tags: ['ZZZ'] })
    // Now a listing, under the spelling its article gives it (where hubs hear of it).
    const moved = await get('/tags/zzz/feed.xml')
    expect(moved.status).toBe(301)
    expect(moved.headers.get('Location')).toBe('/tags/ZZZ/feed.xml')
    expect((await get('/tags/ZZZ/feed.xml')).status).toBe(200)
  })
})

describe('404 pages', () => {
  it('never write the path back: a long path makes a page no longer than a short one', async () => {
    const long = `/${'x'.repeat(20_000)}`
    const short = await (await get('/nope')).text()
    for (const path of [
      long,
      `/zh-Hans${long}`,
      `/articles/${'y'.repeat(120)}`,
      `/tags/${'z'.repeat(300)}`,
    ]) {
      const res = await get(path)
      expect(res.status, path.slice(0, 30)).toBe(404)
      const html = await res.text()
      expect(html.length, path.slice(0, 30)).toBeLessThan(short.length + 200)
      expect(html).not.toContain('xxxxxxxxxx')
      // Still a page to find one's way from: home in each script.
      expect(
        dom(html)
          .all('a')
          .map((a) => a.attribs.href),
      ).toContain('/')
    }
  })
})
