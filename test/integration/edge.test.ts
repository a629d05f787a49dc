/**
 * The caching contract: what each response tells Workers Cache and readers, and that a
 * page behind the cache (the model in test/support) is never older than its last write.
 */
import { env } from 'cloudflare:workers'
import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { isValidTag } from '../../src/edge/tags'
import { onPurgeLine, type PurgeLine } from '../support/purge-log'
import { edge } from '../support/edge'
import { client, parseXml, publish, settleDesk, SITE, workerFetch } from '../helpers'
import { setTestClock } from '../support/clock'

afterEach(async () => {
  await reset()
})

async function seeded() {
  const c = client()
  await publish(c, {
    id: 'a',
    title: '經開區新聞',
    content_text: '本報訊 經開區舉辦論壇。',
    tags: ['經開區', 'news'],
    published: '2024-01-01T00:00:00Z',
  })
  await publish(c, {
    id: 'b',
    title: 'B',
    content_text: 'y',
    tags: ['news'],
    published: '2024-01-02T00:00:00Z',
  })
  await publish(c, {
    id: 'gone',
    title: 'Gone',
    content_text: 'z',
    published: '2024-01-03T00:00:00Z',
  })
  expect((await c.del('gone')).status).toBe(204)
  await settleDesk()
  return c
}

/** Every public route and status, with the tags each must carry. */
const PUBLIC: [path: string, status: number, tags: string[]][] = [
  ['/', 200, ['all', 'a:a', 'a:b']],
  ['/?limit=1', 200, ['all', 'a:b']],
  ['/tags/news', 200, ['t:news', 'a:a', 'a:b']],
  [`/tags/${encodeURIComponent('经开区')}`, 200, [`t:${encodeURIComponent('经开区')}`, 'a:a']],
  ['/articles/a', 200, ['a:a']],
  ['/articles/nope', 404, ['a:nope']],
  ['/tags/never-used', 404, ['t:never-used']],
  ['/tags/never-used/feed.xml', 404, ['t:never-used']],
  ['/articles/gone', 410, ['a:gone']],
  ['/articles/b/older', 302, ['a:b', 'all']],
  ['/feed.xml', 200, ['all', 'a:a', 'a:b']],
  ['/atom.xml', 200, ['all', 'a:a', 'a:b']],
  ['/feed.json', 200, ['all', 'a:a', 'a:b']],
  ['/tags/news/feed.xml', 200, ['t:news', 'a:a', 'a:b']],
  ['/tags/news/atom.xml?limit=1', 200, ['t:news', 'a:b']],
  [
    `/tags/${encodeURIComponent('經開區')}/feed.json`,
    200,
    [`t:${encodeURIComponent('经开区')}`, 'a:a'],
  ],
  ['/zh-Hans/', 200, ['all', 'a:a', 'a:b']],
  ['/zh-Hant/feed.xml', 200, ['all', 'a:a', 'a:b']],
  ['/zh-Hans/articles/a', 200, ['a:a']],
  ['/feeds', 200, ['feeds']],
  ['/zh-Hant/feeds', 200, ['feeds']],
  ['/sitemap.xml', 200, ['sitemap']],
  ['/robots.txt', 200, ['static']],
  ['/style.css', 200, ['static']],
  ['/no/such/page', 404, []],
]

describe('the header contract', () => {
  it('gives every public route and status its policy, tags and validators', async () => {
    await seeded()
    for (const [path, status, tags] of PUBLIC) {
      const res = await workerFetch(new Request(SITE + path))
      expect(res.status, path).toBe(status)
      const edgePolicy = res.headers.get('Cloudflare-CDN-Cache-Control')!
      if (status === 404) {
        // Anyone may ask for any path: a 404 is kept a minute, not a day.
        expect(res.headers.get('Cache-Control'), path).toBe('public, max-age=60')
        expect(edgePolicy, path).toBe('public, max-age=60')
      } else {
        expect(res.headers.get('Cache-Control'), path).toBe('public, max-age=300')
        expect(edgePolicy, path).toMatch(
          /^public, max-age=\d+, stale-while-revalidate=\d+, stale-if-error=\d+$/,
        )
      }
      // Directives that would switch stale-while-revalidate and stale-if-error off.
      expect(edgePolicy + res.headers.get('Cache-Control')).not.toMatch(
        /s-maxage|must-revalidate|proxy-revalidate/,
      )
      const sent = (res.headers.get('Cache-Tag') ?? '').split(',').filter(Boolean)
      expect(sent.sort(), path).toEqual([...tags].sort())
      expect(sent.every(isValidTag), path).toBe(true)
      expect(res.headers.get('Set-Cookie'), path).toBeNull()
      if (status === 200) {
        expect(res.headers.get('ETag'), path).toMatch(/^"[\w-]+"$/)
        expect(Date.parse(res.headers.get('Last-Modified')!), path).toBeGreaterThan(0)
      } else {
        expect(res.headers.get('ETag'), path).toBeNull()
      }
    }
  })

  it('says no-store for the API, Micropub, refused requests and redirects of junk queries', async () => {
    const c = await seeded()
    const responses = [
      await c.api('/api/articles'),
      await c.api('/api/articles/a'),
      await c.post({ title: 'x' }),
      await c.fetch('/micropub?q=config', {
        headers: { Authorization: 'Bearer test-admin-token' },
      }),
      await c.fetch('/micropub', { method: 'POST' }),
      await c.get('/api/openapi.json'),
      await c.get('/feed.xml?limit=0'),
      await c.get('/feed.xml?utm_source=x'),
      await c.fetch('/feed.xml', { method: 'POST' }),
    ]
    for (const res of responses) {
      expect(res.headers.get('Cache-Control'), res.url).toBe('no-store')
      expect(res.headers.get('Cloudflare-CDN-Cache-Control')).toBeNull()
    }
  })

  it('gives both representations of a feed URL the same tags, varying on two headers only', async () => {
    await seeded()
    const browser = {
      'Sec-Fetch-Dest': 'document',
      'Sec-Fetch-Mode': 'navigate',
      Accept: 'text/html',
    }
    const feed = await workerFetch(new Request(`${SITE}/tags/news/feed.xml`))
    const page = await workerFetch(new Request(`${SITE}/tags/news/feed.xml`, { headers: browser }))
    expect(page.headers.get('Content-Type')).toContain('text/html')
    expect(feed.headers.get('Content-Type')).toContain('application/rss+xml')
    expect(page.headers.get('Cache-Tag')).toBe(feed.headers.get('Cache-Tag'))
    for (const res of [feed, page])
      expect(res.headers.get('Vary')).toBe('Sec-Fetch-Dest, Sec-Fetch-Mode')
    // The decision reads no other header: any Accept a navigation sends gets the page.
    const other = await workerFetch(
      new Request(`${SITE}/feed.xml`, { headers: { ...browser, Accept: 'application/rss+xml' } }),
    )
    expect(other.headers.get('Content-Type')).toContain('text/html')
    expect((await workerFetch(new Request(`${SITE}/articles/a`))).headers.get('Vary')).toBeNull()
  })
})

describe('what the cache key leaves out', () => {
  it('renders the same bytes whatever Host a request names', async () => {
    await seeded()
    for (const path of [
      '/feed.xml',
      '/atom.xml',
      '/feed.json',
      '/',
      '/articles/a',
      '/robots.txt',
      '/sitemap.xml',
    ]) {
      const real = await (await workerFetch(new Request(SITE + path))).text()
      const forged = await (await workerFetch(new Request(`https://evil.example${path}`))).text()
      const spoofed = await (
        await workerFetch(
          new Request(SITE + path, { headers: { 'X-Forwarded-Host': 'evil.example' } }),
        )
      ).text()
      expect(forged, path).toBe(real)
      expect(spoofed, path).toBe(real)
      expect(real, path).not.toContain('evil.example')
    }
  })

  it('fails closed without SITE_URL, except on a loopback address', async () => {
    const bindings = { ...env, SITE_URL: '' }
    const remote = await workerFetch(new Request('https://news.example.org/feed.xml'), bindings)
    expect(remote.status).toBe(503)
    expect(remote.headers.get('Cache-Control')).toBe('no-store')
    expect((await remote.json<any>()).title).toContain('SITE_URL')
    const local = await workerFetch(new Request('http://127.0.0.1:8787/feed.xml'), bindings)
    expect(local.status).toBe(200)
    const channel = parseXml(await local.text()).rss.channel
    expect([channel.link].flat()).toEqual(['http://127.0.0.1:8787/'])
    const self = [channel['atom:link']].flat().find((l: any) => l['@rel'] === 'self')
    expect(self['@href']).toBe('http://127.0.0.1:8787/feed.xml')
  })

  it('sends a query a page does not use to the canonical URL, without rendering or storing it', async () => {
    await seeded()
    const lists: string[] = []
    const counted = new Proxy(env.ARTICLES, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown
        if (prop === 'list')
          return (...args: [KVNamespaceListOptions]) => (lists.push('list'), target.list(...args))
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    const redirects: [string, string][] = [
      ['/feed.xml?x=1', '/feed.xml'],
      ['/feed.xml?limit=20', '/feed.xml'],
      ['/feed.xml?cursor=&limit=5', '/feed.xml?limit=5'],
      ['/feed.xml?limit=05', '/feed.xml?limit=5'],
      ['/tags/news/atom.xml?utm_source=feedly&limit=3', '/tags/news/atom.xml?limit=3'],
      ['/articles/a?ref=twitter', '/articles/a'],
      ['/zh-Hans/feeds?x', '/zh-Hans/feeds'],
      ['/sitemap.xml?1', '/sitemap.xml'],
      ['/zh-Hans', '/zh-Hans/'],
    ]
    for (const [from, to] of redirects) {
      const res = await workerFetch(new Request(SITE + from), { ...env, ARTICLES: counted })
      expect(res.status, from).toBe(301)
      expect(res.headers.get('Location'), from).toBe(to)
    }
    expect(lists).toEqual([]) // nothing was rendered
    const e = edge()
    try {
      for (let i = 0; i < 20; i++) await e.get(`/feed.xml?x=${crypto.randomUUID()}`)
      expect(e.cache.stored().filter((s) => s.key.startsWith('/feed.xml'))).toEqual([])
    } finally {
      e.stop()
    }
  })
})

describe('conditional requests', () => {
  it('answers a matching If-None-Match or If-Modified-Since with 304, for a 200 only', async () => {
    const c = await seeded()
    const first = await c.get('/feed.xml')
    const etag = first.headers.get('ETag')!
    const lastModified = first.headers.get('Last-Modified')!
    const matching: Record<string, string>[] = [
      { 'If-None-Match': etag },
      { 'If-None-Match': `W/${etag}` },
      { 'If-None-Match': `"other", ${etag}` },
      { 'If-Modified-Since': lastModified },
    ]
    for (const headers of matching) {
      const res = await c.get('/feed.xml', headers)
      expect(res.status, JSON.stringify(headers)).toBe(304)
      expect(await res.text()).toBe('')
      expect(res.headers.get('ETag')).toBe(etag)
      expect(res.headers.get('Cache-Control')).toBe('public, max-age=300')
    }
    // If-None-Match wins over If-Modified-Since.
    expect(
      (await c.get('/feed.xml', { 'If-None-Match': '"x"', 'If-Modified-Since': lastModified }))
        .status,
    ).toBe(200)
    const later = new Date(Date.now() + 86_400_000).toUTCString()
    for (const path of [
      '/articles/nope',
      '/articles/gone',
      '/articles/b/older',
      '/feed.xml?limit=0',
    ]) {
      const res = await c.get(path, { 'If-Modified-Since': later, 'If-None-Match': '*' })
      expect(res.status, path).not.toBe(304)
    }
    const head = await c.fetch('/feed.xml', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('ETag')).toBe(etag)
    expect(await head.text()).toBe('')
  })

  it('dates a listing later once an article leaves it', async () => {
    setTestClock(Date.parse('2036-12-01T10:00:00Z'))
    const c = await seeded()
    const before = await c.get('/tags/news/feed.json')
    setTestClock(Date.parse('2036-12-01T10:05:00Z'))
    expect((await c.del('b')).status).toBe(204)
    await settleDesk()
    const after = await c.get('/tags/news/feed.json', {
      'If-Modified-Since': before.headers.get('Last-Modified')!,
    })
    expect(after.status).toBe(200)
    expect(Date.parse(after.headers.get('Last-Modified')!)).toBeGreaterThan(
      Date.parse(before.headers.get('Last-Modified')!),
    )
  })
})

describe('purges', () => {
  it('logs each purge it would send as one JSON line', async () => {
    const lines: PurgeLine[] = []
    const stop = onPurgeLine((line) => lines.push(line))
    try {
      await publish(client(), { id: 'fresh', title: 'Fresh', content_text: 'x', tags: ['經開區'] })
    } finally {
      stop()
    }
    const tags = lines.flatMap((l) => l.purge.tags ?? [])
    expect(tags).toEqual(
      expect.arrayContaining([
        'a:fresh',
        'all',
        'sitemap',
        'feeds',
        `t:${encodeURIComponent('经开区')}`,
      ]),
    )
  })

  it('serves a publish on the next request, and repairs a copy rendered from a stale KV read', async () => {
    setTestClock(Date.parse('2036-12-01T10:00:00Z'))
    const e = edge()
    try {
      const c = await seeded()
      const stale = await e.render('/feed.json')
      expect((await e.get('/feed.json')).status).toBe('MISS')
      expect((await e.get('/feed.json')).status).toBe('HIT')
      await publish(c, {
        id: 'c',
        title: 'C',
        content_text: 'z',
        published: '2024-01-04T00:00:00Z',
      })
      const next = await e.get('/feed.json')
      expect(next.status).toBe('MISS')
      expect((await next.response.json<any>()).items[0].title).toBe('C')
      // Another location renders from a KV copy that has not seen the write yet; the tiered
      // cache keeps that copy. The second purge, after KV's window, takes it away.
      await e.cache.poison('/feed.json', stale)
      expect((await (await e.get('/feed.json')).response.json<any>()).items[0].title).toBe('B')
      setTestClock(Date.now() + (90 + 31) * 1000)
      await settleDesk()
      const repaired = await e.get('/feed.json')
      expect(repaired.status).toBe('MISS')
      expect((await repaired.response.json<any>()).items[0].title).toBe('C')
      expect(e.cache.refused).toBe(0)
    } finally {
      e.stop()
    }
  })
})
