import { env } from 'cloudflare:workers'
import { createExecutionContext, reset, waitOnExecutionContext } from 'cloudflare:test'
import { afterEach, describe, expect, it, vi } from 'vitest'
import worker from '../../src/index'
import { client, publish, serverTiming } from '../helpers'
import { readMemo, rememberVersion } from '../../src/version-memo'
import { isNewer, newVersion, readVersion, writeVersion } from '../../src/store/version'

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

describe('content version', () => {
  /** The real namespace, recording (and, when told, refusing) writes of the version key. */
  function versionWrites(refuse = 0) {
    const writes: { value: string; at: number }[] = []
    const kv = new Proxy(env.ARTICLES, {
      get(target, prop) {
        if (prop !== 'put') return Reflect.get(target, prop, target).bind(target)
        return async (key: string, value: string) => {
          if (key === 'meta:version') {
            writes.push({ value, at: Date.now() })
            if (refuse-- > 0) throw new Error('KV PUT failed: 429 Too Many Requests')
          }
          return target.put(key, value)
        }
      },
    })
    return { kv, writes }
  }

  it('writes a burst of versions at once, then the newest a second later', async () => {
    const { kv, writes } = versionWrites()
    const first = newVersion()
    const burst = [first, newVersion(first.changed + 1), newVersion(first.changed + 2)]
    const writers: Promise<void>[] = []
    for (const version of burst) writeVersion(kv, version, (p) => writers.push(p))
    // One writer for the whole burst, in the first change's waitUntil: it writes the first
    // version at once, then the newest that arrived meanwhile, skipping the middle one.
    expect(writers).toHaveLength(1)
    await Promise.all(writers)
    expect(writes.map((w) => w.value)).toEqual([burst[0]!.value, burst[2]!.value])
    expect(writes[1]!.at - writes[0]!.at).toBeGreaterThanOrEqual(1000)
    expect(await env.ARTICLES.get('meta:version')).toBe(burst[2]!.value)
  })

  it('writes at once again when the last burst is written', async () => {
    const { kv, writes } = versionWrites()
    for (const version of [newVersion(), newVersion(Date.now() + 1)]) {
      const writers: Promise<void>[] = []
      writeVersion(kv, version, (p) => writers.push(p))
      expect(writers).toHaveLength(1) // the previous writer is done: a new one starts
      await Promise.all(writers)
      expect(await env.ARTICLES.get('meta:version')).toBe(version.value)
    }
    expect(writes[1]!.at - writes[0]!.at).toBeLessThan(1000)
  })

  it('hands the writing over to a newer request when the writer has run 10 s', async () => {
    // The first writer's put never returns, as when its request's waitUntil was cut off.
    let release = () => {}
    const hung = new Proxy(env.ARTICLES, {
      get(target, prop) {
        if (prop !== 'put') return Reflect.get(target, prop, target).bind(target)
        return () => new Promise<void>((resolve) => (release = resolve))
      },
    })
    // Versions from the real clock, so that no later test meets one from the future.
    const first = newVersion()
    const [second, third] = [newVersion(first.changed + 1), newVersion(first.changed + 2)]
    const stuck: Promise<void>[] = []
    writeVersion(hung, first, (p) => stuck.push(p))
    expect(stuck).toHaveLength(1)
    const { kv, writes } = versionWrites()
    const handedOver: Promise<void>[] = []
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(Date.now() + 5_000)
      writeVersion(kv, second, (p) => handedOver.push(p))
      expect(handedOver).toHaveLength(0) // 5 s: the running writer will write it
      vi.setSystemTime(Date.now() + 6_000)
      writeVersion(kv, third, (p) => handedOver.push(p))
      expect(handedOver).toHaveLength(1) // 11 s: a new writer, in this request
      await Promise.all(handedOver)
      expect(writes.map((w) => w.value)).toEqual([third.value])
    } finally {
      vi.useRealTimers()
    }
    release()
    await Promise.all(stuck) // the old writer, released, ends and leaves the newest in place
    expect(await env.ARTICLES.get('meta:version')).toBe(third.value)
  })

  it('retries a write that KV refuses (429), with the newest version by then', async () => {
    const { kv, writes } = versionWrites(1)
    const refused = newVersion()
    const writers: Promise<void>[] = []
    writeVersion(kv, refused, (p) => writers.push(p))
    const newer = newVersion(refused.changed + 1)
    await new Promise((resolve) => setTimeout(resolve, 50))
    writeVersion(kv, newer, (p) => writers.push(p)) // the running writer takes it
    expect(writers).toHaveLength(1)
    await Promise.all(writers)
    expect(writes.map((w) => w.value)).toEqual([refused.value, newer.value])
    expect(writes[1]!.at - writes[0]!.at).toBeGreaterThanOrEqual(1000)
    expect(await env.ARTICLES.get('meta:version')).toBe(newer.value)
  })

  it('has KV hold the newest version of a burst of publishes once they are done', async () => {
    const c = client()
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => c.post({ title: `T${i}`, content_text: 'x' })),
    )
    expect(statuses.map((r) => r.status)).toEqual(Array(20).fill(201))
    const stored = await readVersion(env.ARTICLES)
    const known = (await readMemo(c.origin))!
    // The edge memo holds one of the burst's versions; KV the newest of them all.
    expect(stored.changed).toBeGreaterThan(0)
    expect(isNewer(known, stored)).toBe(false)
    expect((await (await c.get('/feed.json')).json<any>()).items).toHaveLength(20)
  })

  it('never goes back to an older version when KV is behind this location', async () => {
    const c = await seeded()
    const first = await c.get('/feed.xml')
    const known = (await readMemo(c.origin))!
    // The memo is due to be compared with KV, which holds an older version.
    await rememberVersion(c.origin, { ...known, checked: Date.now() - 60_000 })
    await env.ARTICLES.put('meta:version', `${known.changed - 5000}-older`)
    const again = await c.get('/feed.xml')
    expect(serverTiming(again).cache).toBe('hit')
    expect(again.headers.get('Last-Modified')).toBe(first.headers.get('Last-Modified'))
    const checked = (await readMemo(c.origin))!
    expect(checked.value).toBe(known.value)
    expect(checked.checked).toBeGreaterThan(Date.now() - 60_000)
  })

  it('keeps a newer memo put by another isolate while its own refresh read KV', async () => {
    const c = await seeded()
    await c.get('/feed.xml')
    const known = (await readMemo(c.origin))!
    await rememberVersion(c.origin, { ...known, checked: Date.now() - 60_000 })
    // While this request reads meta:version, a publish in another isolate puts its version.
    const other = newVersion(known.changed + 1000)
    const racing = new Proxy(env.ARTICLES, {
      get(target, prop) {
        const real = Reflect.get(target, prop, target).bind(target)
        if (prop !== 'get') return real
        return async (key: unknown, options: unknown) => {
          if (key === 'meta:version') {
            await rememberVersion(c.origin, { ...other, checked: Date.now() })
          }
          return real(key, options)
        }
      },
    })
    const ctx = createExecutionContext()
    const res = await worker.fetch(
      new Request(`${c.origin}/feed.xml`),
      { ...env, ARTICLES: racing },
      ctx,
    )
    expect(res.status).toBe(200)
    await waitOnExecutionContext(ctx) // the memo refresh runs after the answer
    const after = (await readMemo(c.origin))!
    expect(after.value).toBe(other.value)
    // The location's next request sees the other isolate's change.
    const next = await c.get('/feed.xml')
    expect(Date.parse(next.headers.get('Last-Modified')!)).toBe(
      Math.floor(other.changed / 1000) * 1000,
    )
  })

  it('takes a newer version from KV (a change made elsewhere) once its memo is due', async () => {
    const c = await seeded()
    const first = await c.get('/feed.xml')
    const known = (await readMemo(c.origin))!
    await rememberVersion(c.origin, { ...known, checked: Date.now() - 60_000 })
    const elsewhere = known.changed + 5000
    await env.ARTICLES.put('meta:version', `${elsewhere}-newer`)
    const again = await c.get('/feed.xml')
    expect(serverTiming(again).cache).toBe('miss')
    expect(Date.parse(again.headers.get('Last-Modified')!)).toBe(
      Math.floor(elsewhere / 1000) * 1000,
    )
    expect(Date.parse(again.headers.get('Last-Modified')!)).toBeGreaterThan(
      Date.parse(first.headers.get('Last-Modified')!),
    )
  })
})
