/**
 * After a write the desk shows what it set in motion: the write answer's `delivery` (the cache
 * tags purged and when, the feeds hubs hear of, when readers see it, a scheduled release), and
 * how far it has gone, from the coordinator's own queues.
 */
import { reset, runInDurableObject } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { client, desk, settleDesk, SITE, storeSnapshot } from '../helpers'
import { setTestClock } from '../support/clock'
import { deskFetch, enrol, publisherWithLink } from '../support/desk-client'

afterEach(() => reset())

const article = {
  title: '經開區舉辦創新論壇',
  content_markdown: '逾百家企業參與。',
  tags: ['經濟'],
}
const HUB = 'http://hub.test/websub'

async function signedIn(name: string) {
  const { linkToken } = await publisherWithLink(name)
  return enrol(linkToken)
}

/** Sets the coordinator's WEBSUB_HUBS, as a deploy's vars would. */
async function useHubs(WEBSUB_HUBS: string) {
  await runInDurableObject(desk(), (instance) => {
    const object = instance as unknown as { env: Env }
    object.env = { ...object.env, WEBSUB_HUBS }
  })
}

/** KV_PROPAGATION_SECONDS is 90: the second pass is due at the end of a 30 s slot after that. */
const secondPassAfter = (ms: number) => Math.ceil((ms + 90_000) / 30_000) * 30_000

async function progress(session: { cookie: string; csrf: string }, delivery: any) {
  const res = await deskFetch(
    '/desk/api/delivery',
    {
      method: 'POST',
      body: {
        tags: delivery.purge.tags,
        feeds: delivery.websub?.feeds ?? [],
        second: delivery.purge.second,
      },
    },
    session,
  )
  expect(res.status).toBe(200)
  return res.json<any>()
}

describe('what a write set in motion', () => {
  it('a publish names the tags it purges, when, the hubs told, and when readers see it', async () => {
    await useHubs(HUB)
    const session = await signedIn('city-desk')
    const now = Date.now()
    const res = await deskFetch(
      '/desk/api/articles',
      { method: 'POST', body: { ...article, id: 'forum' } },
      session,
    )
    expect(res.status).toBe(201)
    const { delivery } = await res.json<any>()
    const second = secondPassAfter(now)
    expect(delivery.purge).toEqual({
      tags: expect.arrayContaining(['a:forum', 'all', 'sitemap', 't:%E7%BB%8F%E6%B5%8E']),
      first: new Date(now).toISOString(),
      second: new Date(second).toISOString(),
    })
    expect(delivery.websub).toMatchObject({ hubs: [HUB], after: new Date(second).toISOString() })
    expect(delivery.websub.feeds).toEqual(
      expect.arrayContaining([`${SITE}/feed.xml`, `${SITE}/zh-Hans/atom.xml`]),
    )
    // CACHE_MAX_AGE is 300: a reader who fetched just before the second pass keeps it 5 min.
    expect(delivery.readers).toEqual({
      max_age: 300,
      by: new Date(second + 300_000).toISOString(),
    })
    expect(delivery).not.toHaveProperty('release')

    expect(await progress(session, delivery)).toEqual({
      first_purge: 'waiting',
      second_purge: 'waiting',
      websub: 'waiting',
    })
    await settleDesk()
    expect(await progress(session, delivery)).toEqual({
      first_purge: 'sent',
      second_purge: 'waiting',
      websub: 'waiting',
    })
    setTestClock(second)
    await settleDesk()
    expect(await progress(session, delivery)).toEqual({
      first_purge: 'sent',
      second_purge: 'sent',
      websub: 'queued',
    })
    await useHubs('')
  })

  it("a write's first pass is sent though an earlier write's second pass of its tags waits", async () => {
    const session = await signedIn('city-desk')
    const post = { method: 'POST', body: { ...article, id: 'forum' } }
    expect((await deskFetch('/desk/api/articles', post, session)).status).toBe(201)
    await settleDesk()
    // Half a minute later, in the next slot: the publish's second pass is still ahead.
    setTestClock(Date.now() + 30_000)
    const edit = await deskFetch(
      '/desk/api/articles/forum',
      { method: 'PUT', body: { ...article, summary: '更正' } },
      session,
    )
    const { delivery } = await edit.json<any>()
    expect(delivery.purge.tags).toContain('a:forum')
    await settleDesk()
    expect(await progress(session, delivery)).toMatchObject({
      first_purge: 'sent',
      second_purge: 'waiting',
    })
  })

  it('a draft purges nothing, announces nothing, and readers never see it', async () => {
    const session = await signedIn('city-desk')
    const res = await deskFetch(
      '/desk/api/articles',
      { method: 'POST', body: { ...article, id: 'unfinished', state: 'draft' } },
      session,
    )
    expect(res.status).toBe(201)
    const { state, delivery } = await res.json<any>()
    expect(state).toBe('draft')
    expect(delivery).toEqual({ purge: null, websub: null, readers: null })
  })

  it('without hubs there is no ping to wait for', async () => {
    const { delivery } = await client()
      .json('POST', '/api/articles', article)
      .then((r) => r.json<any>())
    expect(delivery.websub).toBeNull()
    expect(delivery.purge.tags).toContain('all')
  })

  it('a scheduled article purges nothing yet and says when, in the site time zone', async () => {
    const session = await signedIn('city-desk')
    const res = await deskFetch(
      '/desk/api/articles',
      { method: 'POST', body: { ...article, id: 'later', published: '2036-01-05T09:00:00' } },
      session,
    )
    expect(res.status).toBe(201)
    const { state, delivery } = await res.json<any>()
    expect(state).toBe('scheduled')
    expect(delivery.purge).toBeNull()
    expect(delivery.websub).toBeNull()
    // SITE_TIMEZONE is Asia/Taipei: 09:00 there is 01:00 UTC.
    expect(delivery.release).toEqual({ at: '2036-01-05T09:00:00+08:00', time_zone: 'Asia/Taipei' })
    const release = Date.parse('2036-01-05T01:00:00Z')
    expect(delivery.readers.by).toBe(new Date(secondPassAfter(release) + 300_000).toISOString())
  })

  it('a delete answers 204, or its delivery to Prefer: return=representation', async () => {
    const session = await signedIn('city-desk')
    for (const id of ['one', 'two']) {
      await deskFetch('/desk/api/articles', { method: 'POST', body: { ...article, id } }, session)
    }
    const plain = await deskFetch('/desk/api/articles/one', { method: 'DELETE' }, session)
    expect(plain.status).toBe(204)
    expect(await plain.text()).toBe('')
    const told = await deskFetch(
      '/desk/api/articles/two',
      { method: 'DELETE', headers: { Prefer: 'return=representation' } },
      session,
    )
    expect(told.status).toBe(200)
    expect(told.headers.get('Preference-Applied')).toBe('return=representation')
    const body = await told.json<any>()
    expect(body).toMatchObject({ id: 'two', state: 'deleted' })
    expect(body.delivery.purge.tags).toEqual(expect.arrayContaining(['a:two', 'all']))
  })

  it('refuses a progress question that is not a delivery, naming the field, storing nothing', async () => {
    const session = await signedIn('city-desk')
    const before = await storeSnapshot()
    const res = await deskFetch(
      '/desk/api/delivery',
      { method: 'POST', body: { tags: 'all', second: 'soon' } },
      session,
    )
    expect(res.status).toBe(400)
    expect(res.headers.get('Content-Type')).toContain('application/problem+json')
    const problem = await res.json<any>()
    expect(problem.errors.map((e: any) => e.pointer).sort()).toEqual(['/second', '/tags'])
    const unsigned = await deskFetch('/desk/api/delivery', {
      method: 'POST',
      body: { tags: [], second: new Date().toISOString() },
    })
    expect(unsigned.status).toBe(401)
    expect(await storeSnapshot()).toEqual(before)
  })
})
