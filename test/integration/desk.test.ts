/**
 * The write coordinator: every write decided against its own record, in order, whatever
 * location the requests reach; ownership that survives deletion; retries that are safe;
 * scheduled articles that never show early.
 */
import { reset, runInDurableObject } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { liveEntries } from '../../src/store/layout'
import {
  ADMIN_TOKEN,
  client,
  desk,
  kvSnapshot,
  publish,
  readFeeds,
  settleDesk,
  sitemapIds,
  storeSnapshot,
} from '../helpers'
import { issuePublisher, micropubAction, revokePublisher } from '../support/writers'
import { setTestClock } from '../support/clock'

afterEach(async () => {
  await reset()
})

const body = (extra: Record<string, unknown> = {}) => ({
  title: '經開區舉辦論壇',
  content_text: '本報訊 經開區昨日舉辦論壇。',
  published: '2024-05-01T08:00:00+08:00',
  tags: ['經開區'],
  ...extra,
})

/** What KV holds for one id: its article and every index, tombstone and deletion key. */
async function keysOf(id: string): Promise<string[]> {
  return Object.keys(await kvSnapshot())
    .filter((k) => k === `article:${id}` || k === `tombstone:${id}` || k.endsWith(`:${id}`))
    .sort()
}

describe('one decision per id', () => {
  it('answers 409 to the second of two POSTs of one id sent at once', async () => {
    const c = client()
    const statuses = (
      await Promise.all([
        c.post(body({ id: 'same' })),
        c.post(body({ id: 'same', title: 'Other' })),
      ])
    ).map((r) => r.status)
    expect(statuses.sort()).toEqual([201, 409])
  })

  it('ends a racing PUT and DELETE as one or the other, never both', async () => {
    const c = client()
    for (let trial = 0; trial < 10; trial++) {
      const id = `race-${trial}`
      await publish(c, body({ id }))
      const [put, del] = await Promise.all([c.put(id, body({ title: `v${trial}` })), c.del(id)])
      await settleDesk()
      const keys = await keysOf(id)
      const live = keys.includes(`article:${id}`)
      const dead = keys.includes(`tombstone:${id}`)
      expect(live !== dead, `${id}: ${keys.join(' ')}`).toBe(true)
      const api = await c.api(`/api/articles/${id}`)
      expect(api.status).toBe(live ? 200 : 410)
      // Whichever came last decided: a PUT after the DELETE recreates the article (201).
      expect([put.status, del.status]).toEqual(live ? [201, 204] : [200, 204])
    }
  })

  it('keeps exactly the index keys of the last of 20 PUTs of one id at once', async () => {
    const c = client()
    const dates = ['2024-01-01T00:00:00Z', '2024-06-01T00:00:00Z', '2025-01-01T00:00:00+08:00']
    const tags = [['經開區'], ['news'], ['經開區', 'news'], []]
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        c.put('moving', body({ title: `第${i}版`, published: dates[i % 3], tags: tags[i % 4] })),
      ),
    )
    expect(responses.map((r) => r.status).sort()).toEqual([200, ...Array(18).fill(200), 201].sort())
    await settleDesk()
    const stored = await (await c.api('/api/articles/moving')).json<any>()
    const expected = liveEntries(stored, 0)
      .map((p) => p.key)
      .sort()
    expect(await keysOf('moving')).toEqual(expected)
    const feeds = await readFeeds(c)
    expect(feeds.json.map((i: any) => i.title)).toEqual([stored.title])
    expect(await sitemapIds(c)).toEqual(['moving'])
    const older = await c.get('/articles/moving/older')
    expect(older.headers.get('Location')).toBe('/')
    const one = await (await c.get('/feed.json?limit=1')).json<any>()
    expect(one.items).toHaveLength(1)
    expect(one.next_url).toBeUndefined()
  })

  it('refuses an undelete of a live article, and restores a deleted one', async () => {
    const c = client()
    await publish(c, body({ id: 'a1' }))
    const live = await micropubAction(ADMIN_TOKEN, 'undelete', 'a1')
    expect(live.status).toBe(400)
    expect((await live.json<any>()).error_description).toContain('not deleted')
    expect((await c.del('a1')).status).toBe(204)
    expect((await micropubAction(ADMIN_TOKEN, 'undelete', 'a1')).status).toBe(204)
    await settleDesk()
    expect((await c.get('/articles/a1')).status).toBe(200)
    expect(await keysOf('a1')).not.toContain('tombstone:a1')
  })
})

describe('ownership', () => {
  it('keeps a deleted id for its owner while the tombstone lasts', async () => {
    const alice = await issuePublisher('alice')
    const bob = await issuePublisher('bob')
    await publish(client(alice.token), body({ id: 'a1', title: 'Alice' }))
    expect((await client(alice.token).del('a1')).status).toBe(204)
    const before = await storeSnapshot()
    for (const res of [
      await client(bob.token).put('a1', body({ title: 'Bob' })),
      await client(bob.token).post(body({ id: 'a1', title: 'Bob' })),
      await micropubAction(bob.token, 'undelete', 'a1'),
    ]) {
      expect(res.status).toBe(403)
    }
    expect(await storeSnapshot()).toEqual(before)
    expect((await micropubAction(alice.token, 'undelete', 'a1')).status).toBe(204)
    expect((await (await client().api('/api/articles/a1')).json<any>()).title).toBe('Alice')
  })

  it('gives a name issued again after a revocation none of the old publisher’s articles', async () => {
    const first = await issuePublisher('alice')
    await publish(client(first.token), body({ id: 'old' }))
    expect(await revokePublisher('alice')).toBe(204)
    expect((await client(first.token).put('old', body({ title: 'x' }))).status).toBe(401)
    const second = await issuePublisher('alice')
    expect(second.id).not.toBe(first.id)
    expect((await client(second.token).put('old', body({ title: 'Taken over' }))).status).toBe(403)
    expect((await client(second.token).del('old')).status).toBe(403)
  })
})

describe('retries', () => {
  it('replays the first answer to a request sent again with its Idempotency-Key', async () => {
    const c = client()
    const key = { 'Idempotency-Key': '"8e03978e-40d5-43e8-bc93-6894a57f9324"' }
    const first = await c.post(body(), key)
    expect(first.status).toBe(201)
    const stored = await first.text()
    const again = await c.post(body(), key)
    expect(again.status).toBe(201)
    expect(again.headers.get('Idempotent-Replayed')).toBe('true')
    expect(again.headers.get('Location')).toBe(first.headers.get('Location'))
    expect(await again.text()).toBe(stored)
    // The same key with another body is a mistake, and changes nothing.
    await settleDesk()
    const before = await storeSnapshot()
    const other = await c.post(body({ title: '別的' }), key)
    expect(other.status).toBe(422)
    expect(other.headers.get('Content-Type')).toContain('application/problem+json')
    expect(await storeSnapshot()).toEqual(before)
    const bad = await c.post(body(), { 'Idempotency-Key': '' })
    expect(bad.status).toBe(400)
  })

  it('recognises the same undated article posted again later that day (409)', async () => {
    setTestClock(Date.parse('2036-12-01T02:00:00Z'))
    const c = client()
    const undated = { title: '停水通知', content_text: '明日停水。' }
    const first = await c.post(undated)
    expect(first.status).toBe(201)
    setTestClock(Date.now() + 1300)
    expect((await c.post(undated)).status).toBe(409)
    setTestClock(Date.parse('2036-12-02T02:00:00Z'))
    expect((await c.post(undated)).status).toBe(201) // the next day it is news again
  })

  it('keeps the stored published on a replace that sends none', async () => {
    const c = client()
    await publish(c, body({ id: 'keep' }))
    const { published: _p, ...undated } = body({ title: '改了錯字' })
    const res = await c.put('keep', undated)
    expect(res.status).toBe(200)
    expect((await res.json<any>()).published).toBe('2024-05-01T08:00:00+08:00')
  })

  it('replaces only the revision named in If-Match', async () => {
    const c = client()
    await publish(c, body({ id: 'rev' }))
    const etag = (await c.api('/api/articles/rev')).headers.get('ETag')!
    expect(etag).toBe('"r1"')
    const put = (headers: Record<string, string>) =>
      c.fetch('/api/articles/rev', {
        method: 'PUT',
        headers: {
          Authorization: `Bearer ${ADMIN_TOKEN}`,
          'Content-Type': 'application/json',
          ...headers,
        },
        body: JSON.stringify(body({ title: 'new' })),
      })
    expect((await put({ 'If-Match': etag })).status).toBe(200)
    expect((await put({ 'If-Match': etag })).status).toBe(412)
  })
})

describe('small rules of the write path', () => {
  it('deletes only the revision If-Match names, and changes nothing otherwise', async () => {
    const c = client()
    await publish(c, body({ id: 'guarded' }))
    await c.put('guarded', body({ id: 'guarded', title: '改過' }))
    await settleDesk()
    const del = (etag: string) =>
      c.fetch('/api/articles/guarded', {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'If-Match': etag },
      })
    const before = await storeSnapshot()
    const stale = await del('"r1"')
    expect(stale.status).toBe(412)
    expect((await stale.json<any>()).detail).toContain('revision 1')
    expect((await del('not-an-etag')).status).toBe(412)
    expect(await storeSnapshot()).toEqual(before)
    expect((await del('"r2"')).status).toBe(204)
  })

  it('keeps a publisher its article when the admin writes it again over its tombstone', async () => {
    const { token } = await issuePublisher('city-desk')
    const mine = client(token)
    await publish(mine, body({ id: 'kept' }))
    expect((await client().del('kept')).status).toBe(204)
    expect((await client().post(body({ id: 'kept', title: '重發' }))).status).toBe(201)
    await settleDesk()
    const stored = await (await mine.api('/api/articles/kept')).json<any>()
    expect(stored.publisher).toBe('city-desk')
    expect((await mine.put('kept', body({ title: '再改' }))).status).toBe(200)
  })

  it("tells a publisher that asks for the status that it is the admin's, not about publishers", async () => {
    const { token } = await issuePublisher('nosy-desk')
    const res = await client(token).api('/api/status')
    expect(res.status).toBe(403)
    expect((await res.json<any>()).detail).toBe('Only the admin token may do this.')
  })

  it('replays the first answer to a retried create, even once the article is gone', async () => {
    // The Idempotency-Key draft: a retry gets the result of the request it repeats, marked
    // as a replay; what the article is now, the API's read says (docs/api.md).
    const c = client()
    const key = { 'Idempotency-Key': 'gone-later' }
    const first = await c.post(body({ id: 'later-gone' }), key)
    expect(first.status).toBe(201)
    await settleDesk()
    expect((await c.del('later-gone')).status).toBe(204)
    const again = await c.post(body({ id: 'later-gone' }), key)
    expect(again.status).toBe(201)
    expect(again.headers.get('Idempotent-Replayed')).toBe('true')
    expect((await c.api('/api/articles/later-gone')).status).toBe(410)
  })
})

describe('scheduled articles', () => {
  it('stay out of every page, feed and the sitemap until their time, then are published', async () => {
    setTestClock(Date.parse('2036-12-01T10:00:00Z'))
    const c = client()
    await publish(c, body({ id: 'now' }))
    const res = await c.post(
      body({ id: 'later', title: '禁發', published: '2036-12-01T12:00:00Z' }),
    )
    expect(res.status).toBe(201)
    expect((await res.json<any>()).state).toBe('scheduled')
    await settleDesk()

    const hidden = async () => {
      expect((await c.get('/articles/later')).status).toBe(404)
      expect((await c.get('/zh-Hans/articles/later')).status).toBe(404)
      for (const path of ['/feed.json', '/tags/經開區/feed.json', '/zh-Hant/feed.json']) {
        expect((await (await c.get(path)).json<any>()).items.map((i: any) => i.id)).not.toContain(
          'https://news.example.org/articles/later',
        )
      }
      expect(await (await c.get('/sitemap.xml')).text()).not.toContain('later')
      expect(await (await c.get('/atom.xml')).text()).not.toContain('later')
      expect(await keysOf('later')).toEqual([])
    }
    await hidden()
    const listed = await (await c.api('/api/articles')).json<any>()
    expect(listed.items.map((i: any) => [i.id, i.state])).toEqual([
      ['later', 'scheduled'],
      ['now', 'published'],
    ])
    // Moved later, still hidden; then its time comes.
    expect(
      (await c.put('later', body({ title: '禁發', published: '2036-12-01T13:00:00Z' }))).status,
    ).toBe(200)
    setTestClock(Date.parse('2036-12-01T12:30:00Z'))
    await settleDesk()
    await hidden()
    setTestClock(Date.parse('2036-12-01T13:00:01Z'))
    await settleDesk()
    expect((await c.get('/articles/later')).status).toBe(200)
    const feed = await (await c.get('/feed.json')).json<any>()
    expect(feed.items[0].id).toBe('https://news.example.org/articles/later')
    expect((await (await c.api('/api/articles/later')).json<any>()).state).toBe('published')
  })

  it('set the alarm for their release, so that no request is needed', async () => {
    const release = Date.now() + 2 * 3600_000
    const res = await client().post(
      body({ id: 'timed', published: new Date(release).toISOString() }),
    )
    expect((await res.json<any>()).state).toBe('scheduled')
    // Nothing public changed: no purge is waiting, only the release.
    expect((await desk().status()).purges_waiting).toBe(0)
    const alarm = await runInDurableObject(desk(), (_, state) => state.storage.getAlarm())
    expect(alarm).toBe(Math.floor(release / 1000) * 1000)
  })

  it('can be cancelled without a trace, and refuses a date more than a year ahead', async () => {
    setTestClock(Date.parse('2036-12-01T10:00:00Z'))
    const c = client()
    await c.post(body({ id: 'embargo', published: '2036-12-24T00:00:00Z' }))
    expect((await c.del('embargo')).status).toBe(204)
    await settleDesk()
    expect((await c.api('/api/articles/embargo')).status).toBe(404)
    expect(await (await c.get('/atom.xml')).text()).not.toContain('embargo')
    expect(await keysOf('embargo')).toEqual([])
    const before = await storeSnapshot()
    const far = await c.post(body({ id: 'far', published: '2038-01-01T00:00:00Z' }))
    expect(far.status).toBe(400)
    expect((await far.json<any>()).errors[0].pointer).toBe('/published')
    expect(await storeSnapshot()).toEqual(before)
  })
})

describe('limits', () => {
  it('refuses an article over the stored-size budget before writing anything', async () => {
    const c = client()
    await publish(c, body({ id: 'existing' }))
    const before = await storeSnapshot()
    // 90,000 Han characters: 270 KB of text, twice that once converted to the other script.
    const res = await c.post(body({ id: 'huge', content_text: '長'.repeat(90_000) }))
    expect(res.status).toBe(413)
    expect((await res.json<any>()).detail).toMatch(/KiB/)
    expect(await storeSnapshot()).toEqual(before)
  })
})
