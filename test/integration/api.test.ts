import { env } from 'cloudflare:workers'
import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { client, kvSnapshot, publish, settleDesk, storeSnapshot, workerFetch } from '../helpers'

afterEach(() => reset())

const article = {
  title: '經開區舉辦「創新論壇」，逾百家企業參與',
  content_text: '　　本報訊　經開區昨日舉辦論壇。\n　　與會者討論發展。',
  published: '2022-04-08T10:30:00+08:00',
  tags: ['經開區'],
}

describe('publishing', () => {
  it('creates with 201, Location and the stored article', async () => {
    const c = client()
    const res = await c.post({ ...article, id: 'forum' })
    expect(res.status).toBe(201)
    expect(res.headers.get('Location')).toBe('/api/articles/forum')
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const { delivery, ...stored } = await res.json<any>()
    expect(delivery.purge.tags).toEqual(expect.arrayContaining(['a:forum', 'all']))
    expect(stored).toMatchObject({
      id: 'forum',
      title: article.title,
      published: article.published,
    })
    expect(stored.content_html).toBe('<p>本報訊　經開區昨日舉辦論壇。</p>\n<p>與會者討論發展。</p>')
    const again = await c.api('/api/articles/forum')
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual(stored)
  })

  it('answers 409 for an id that exists and keeps the first article', async () => {
    const c = client()
    await publish(c, { ...article, id: 'forum' })
    const before = await kvSnapshot()
    const res = await c.post({ ...article, id: 'forum', title: 'Other' })
    expect(res.status).toBe(409)
    expect(res.headers.get('Content-Type')).toContain('application/problem+json')
    expect(await kvSnapshot()).toEqual(before)
  })

  it('derives a date-based id with a short hash for a Chinese title', async () => {
    const stored = await publish(client(), article)
    expect(stored.id).toMatch(/^2022-04-08-[0-9a-f]{6}$/)
  })

  it('derives a slug from a Latin title', async () => {
    const stored = await publish(client(), { title: 'Crème brûlée: 5 ways!', content_text: 'x' })
    expect(stored.id).toMatch(/^creme-brulee-5-ways-[0-9a-f]{6}$/)
  })

  it('PUT creates with 201, then replaces with 200, idempotently', async () => {
    const c = client()
    const first = await c.put('forum', article)
    expect(first.status).toBe(201)
    const second = await c.put('forum', { ...article, title: '新標題' })
    expect(second.status).toBe(200)
    const third = await c.put('forum', { ...article, title: '新標題' })
    expect(third.status).toBe(200)
    const stored = await (await c.api('/api/articles/forum')).json<any>()
    expect(stored.title).toBe('新標題')
    const list = await (await c.api('/api/articles')).json<any>()
    expect(list.items.map((i: any) => i.id)).toEqual(['forum'])
  })

  it('moves index keys when the date or tags change', async () => {
    const c = client()
    await c.put('forum', article)
    await c.put('forum', { ...article, published: '2023-01-01T00:00:00Z', tags: ['新'] })
    const keys = Object.keys(await kvSnapshot()).filter((k) => k.startsWith('index:'))
    expect(keys).toHaveLength(2)
    expect(keys.every((k) => k.endsWith(':forum'))).toBe(true)
    expect(keys.some((k) => k.startsWith('index:tag:新:'))).toBe(true)
  })

  it('deletes with 204, leaving a tombstone that answers 410; deleting again is 404', async () => {
    const c = client()
    await publish(c, { ...article, id: 'forum' })
    expect((await c.del('forum')).status).toBe(204)
    const gone = await c.api('/api/articles/forum')
    expect(gone.status).toBe(410)
    expect((await gone.json<any>()).deleted_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
    expect((await c.del('forum')).status).toBe(404)
    const keys = Object.keys(await kvSnapshot())
    expect(keys.filter((k) => k.startsWith('article:') || k.startsWith('index:'))).toEqual([])
    expect(keys).toContain('tombstone:forum')
    expect(keys.filter((k) => k.startsWith('deleted:'))).toHaveLength(2) // the site's, and 經開區 (with 经开区, one listing)
  })

  for (const method of ['PUT', 'POST'] as const) {
    it(`publishing a deleted id again (${method}) removes its tombstone`, async () => {
      const c = client()
      await publish(c, { ...article, id: 'forum' })
      await c.del('forum')
      expect((await c.api('/api/articles/forum')).status).toBe(410)
      const res =
        method === 'PUT' ? await c.put('forum', article) : await c.post({ ...article, id: 'forum' })
      expect(res.status).toBe(201)
      const keys = Object.keys(await kvSnapshot())
      expect(keys.filter((k) => k.startsWith('tombstone:') || k.startsWith('deleted:'))).toEqual([])
      expect((await c.api('/api/articles/forum')).status).toBe(200)
    })
  }

  it('answers 404 as problem+json for an unknown article', async () => {
    const res = await client().api('/api/articles/nope')
    expect(res.status).toBe(404)
    expect(res.headers.get('Content-Type')).toContain('application/problem+json')
    expect(await res.json()).toMatchObject({ status: 404, title: 'Not Found' })
  })
})

describe('listing', () => {
  it('pages newest first and visits every article exactly once', async () => {
    const c = client()
    const ids: string[] = []
    for (let i = 0; i < 7; i++) {
      // Three share one timestamp: the id breaks the tie, so paging stays stable.
      const published = i < 3 ? '2024-01-01T00:00:00Z' : `2024-01-0${i}T00:00:00Z`
      ids.push(
        (await publish(c, { id: `a${i}`, title: `A ${i}`, content_text: 'x', published })).id,
      )
    }
    const seen: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const res = await c.api(
        `/api/articles?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      )
      expect(res.status).toBe(200)
      const body = await res.json<any>()
      seen.push(...body.items.map((i: any) => i.id))
      cursor = body.next_cursor
      pages++
    } while (cursor && pages < 10)
    expect(seen).toEqual(['a6', 'a5', 'a4', 'a3', 'a0', 'a1', 'a2'])
    expect(new Set(seen).size).toBe(ids.length)
  })

  it('rejects a limit out of range', async () => {
    const res = await client().api('/api/articles?limit=0')
    expect(res.status).toBe(400)
    expect((await res.json<any>()).errors[0].pointer).toBe('/limit')
  })
})

describe('concurrency', () => {
  it('keeps both of two publishes made at the same instant', async () => {
    const c = client()
    const same = { content_text: 'x', published: '2024-05-01T08:00:00+08:00' }
    const [a, b] = await Promise.all([
      c.post({ ...same, title: 'First' }),
      c.post({ ...same, title: 'Second' }),
    ])
    expect([a.status, b.status]).toEqual([201, 201])
    const list = await (await c.api('/api/articles')).json<any>()
    expect(list.items.map((i: any) => i.title).sort()).toEqual(['First', 'Second'])
  })
})

describe('authentication', () => {
  it('answers 401 with a Bearer challenge without a token', async () => {
    const before = await kvSnapshot()
    const res = await client(null).post(article)
    expect(res.status).toBe(401)
    expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer realm="edgefeed"/)
    expect(await kvSnapshot()).toEqual(before)
  })

  it('answers 401 for a wrong token or another scheme, storing nothing', async () => {
    const before = await kvSnapshot()
    const wrong = await client('not-the-token').post(article)
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('WWW-Authenticate')).toContain('error="invalid_token"')
    const basic = await client().post(article, { Authorization: 'Basic YWRtaW46YWRtaW4=' })
    expect(basic.status).toBe(401)
    expect(await kvSnapshot()).toEqual(before)
  })

  it('fails closed with 503 when ADMIN_TOKEN is not configured', async () => {
    const request = new Request('https://x.test/api/articles', {
      method: 'POST',
      headers: { Authorization: 'Bearer anything', 'Content-Type': 'application/json' },
      body: JSON.stringify(article),
    })
    const res = await workerFetch(request, { ...env, ADMIN_TOKEN: '' })
    expect(res.status).toBe(503)
    expect((await res.json<any>()).detail).toContain('ADMIN_TOKEN')
    expect(await kvSnapshot()).toEqual({})
  })
})

describe('bad input', () => {
  const cases: [string, unknown, string][] = [
    ['malformed JSON', '{"title": "x",', ''],
    ['a missing title', { content_text: 'x' }, '/title'],
    ['an empty title', { title: '  ', content_text: 'x' }, '/title'],
    ['no content', { title: 'x' }, '/content_html'],
    ['empty content', { title: 'x', content_html: ' ' }, '/content_html'],
    ['two contents', { title: 'x', content_html: '<p>a</p>', content_text: 'a' }, '/content_text'],
    [
      'an unparseable date',
      { title: 'x', content_text: 'x', published: '8 April 2022' },
      '/published',
    ],
    [
      'an impossible date',
      { title: 'x', content_text: 'x', published: '2022-02-30T00:00:00Z' },
      '/published',
    ],
    ['a number as title', { title: 42, content_text: 'x' }, '/title'],
    ['a string as tags', { title: 'x', content_text: 'x', tags: 'news' }, '/tags'],
    [
      'an author without name',
      { title: 'x', content_text: 'x', authors: [{ url: 'https://a.example' }] },
      '/authors/0/name',
    ],
    ['an unknown field', { title: 'x', content_text: 'x', colour: 'red' }, '/colour'],
    ['an id that is not a slug', { id: 'Hello World', title: 'x', content_text: 'x' }, '/id'],
    [
      'a javascript: image',
      { title: 'x', content_text: 'x', image: 'javascript:alert(1)' },
      '/image',
    ],
    ['a bad language', { title: 'x', content_text: 'x', language: 'not a tag!' }, '/language'],
    ['a title over 300 characters', { title: '長'.repeat(301), content_text: 'x' }, '/title'],
    [
      'over 20 tags',
      { title: 'x', content_text: 'x', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
      '/tags',
    ],
    [
      'a tag over 64 characters',
      { title: 'x', content_text: 'x', tags: ['t'.repeat(65)] },
      '/tags/0',
    ],
    ['an id over 128 bytes', { id: 'a'.repeat(129), title: 'x', content_text: 'x' }, '/id'],
    ['an ftp url', { title: 'x', content_text: 'x', url: 'ftp://example.org/a' }, '/url'],
    ['a relative base_url', { title: 'x', content_text: 'x', base_url: '/news/' }, '/base_url'],
    [
      'a data: image',
      { title: 'x', content_text: 'x', image: 'data:image/png;base64,AAAA' },
      '/image',
    ],
    [
      'a relative source url',
      { title: 'x', content_text: 'x', source: { name: 's', url: '/story' } },
      '/source/url',
    ],
    [
      'an unknown author field',
      { title: 'x', content_text: 'x', authors: [{ name: 'a', twitter: '@a' }] },
      '/authors/0/twitter',
    ],
  ]
  for (const [name, body, pointer] of cases) {
    it(`answers 400 naming the field for ${name}, storing nothing`, async () => {
      const c = client()
      await publish(c, { id: 'existing', title: 'Existing', content_text: 'x' })
      const before = await kvSnapshot()
      const res = await c.post(body)
      expect(res.status).toBe(400)
      expect(res.headers.get('Content-Type')).toContain('application/problem+json')
      const problem = await res.json<any>()
      expect(problem.status).toBe(400)
      expect(problem.errors.map((e: any) => e.pointer)).toContain(pointer)
      expect(await kvSnapshot()).toEqual(before)
    })
  }

  it("says what is wrong in the words of the other messages, not in zod's", async () => {
    const said = async (body: unknown) =>
      (await (await client().post(body)).json<any>()).errors.map(
        (e: any) => `${e.pointer} ${e.detail}`,
      )
    expect(await said({ content_text: 'x' })).toContain('/title is required')
    expect(await said({ title: 42, content_text: 'x' })).toContain('/title must be of type string')
    const tags = Array.from({ length: 21 }, (_, i) => `t${i}`)
    expect(await said({ title: 'x', content_text: 'x', tags })).toContain(
      '/tags must have at most 20 items',
    )
  })

  it('answers 415 for a body that is not JSON', async () => {
    const before = await kvSnapshot()
    const res = await client().post('title', {
      'Content-Type': 'application/x-www-form-urlencoded',
    })
    expect(res.status).toBe(415)
    expect(await kvSnapshot()).toEqual(before)
  })

  it('answers 413 for a body over 1 MiB', async () => {
    const res = await client().post({ title: 'big', content_text: 'x'.repeat(1024 * 1024 + 1) })
    expect(res.status).toBe(413)
    expect(await kvSnapshot()).toEqual({})
  })
})

describe('idempotent replace', () => {
  it('changes nothing, not even updated, when the same article is sent again', async () => {
    const c = client()
    await c.put('same', article)
    const first = await (await c.api('/api/articles/same')).json<any>()
    await settleDesk()
    const before = await storeSnapshot()
    const again = await c.put('same', article)
    expect(again.status).toBe(200)
    const { delivery, ...answer } = await again.json<any>()
    expect(answer).toEqual(first)
    // Nothing changed, so nothing is purged or announced.
    expect(delivery).toMatchObject({ purge: null, websub: null })
    await settleDesk()
    expect(await storeSnapshot()).toEqual(before)
    const changed = await (await c.put('same', { ...article, title: '改了' })).json<any>()
    expect(changed.updated).not.toBe(first.updated)
  })
})
