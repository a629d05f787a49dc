import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { client, settleDesk, SITE, storeSnapshot } from '../helpers'
import { deskFetch, enrol, publisherWithLink } from '../support/desk-client'

afterEach(() => reset())

async function signedIn(name: string) {
  const { linkToken, apiToken } = await publisherWithLink(name)
  return { ...(await enrol(linkToken)), apiToken }
}

const article = { title: '經開區舉辦創新論壇', content_markdown: '逾百家企業**參與**。' }

describe('writing from the desk', () => {
  it("writes as the signed-in publisher, through the API's own rules", async () => {
    const session = await signedIn('city-desk')
    const res = await deskFetch(
      '/desk/api/articles',
      { method: 'POST', body: { ...article, id: 'forum' } },
      session,
    )
    expect(res.status).toBe(201)
    const stored = await res.json<any>()
    expect(stored).toMatchObject({ id: 'forum', publisher: 'city-desk', revision: 1 })
    await settleDesk()
    // The publisher's API token sees the same article as its own.
    const viaToken = await client(session.apiToken).api('/api/articles/forum')
    expect(viaToken.headers.get('ETag')).toBe('"r1"')
    const read = await deskFetch('/desk/api/articles/forum', {}, session)
    expect(read.headers.get('ETag')).toBe('"r1"')
    expect(read.headers.get('Cache-Control')).toBe('no-store')
  })

  it('an edit from a stale tab gets 412 and changes nothing', async () => {
    const session = await signedIn('city-desk')
    await deskFetch(
      '/desk/api/articles',
      { method: 'POST', body: { ...article, id: 'forum' } },
      session,
    )
    const first = await deskFetch(
      '/desk/api/articles/forum',
      { method: 'PUT', body: { ...article, summary: 'tab A' }, headers: { 'If-Match': '"r1"' } },
      session,
    )
    expect(first.status).toBe(200)
    await settleDesk()
    const before = await storeSnapshot()
    const second = await deskFetch(
      '/desk/api/articles/forum',
      { method: 'PUT', body: { ...article, summary: 'tab B' }, headers: { 'If-Match': '"r1"' } },
      session,
    )
    expect(second.status).toBe(412)
    expect(await storeSnapshot()).toEqual(before)
  })

  it("another publisher's article is refused, and nothing is stored", async () => {
    const owner = await signedIn('city-desk')
    const other = await signedIn('sports-desk')
    await deskFetch(
      '/desk/api/articles',
      { method: 'POST', body: { ...article, id: 'forum' } },
      owner,
    )
    await settleDesk()
    const before = await storeSnapshot()
    const put = await deskFetch(
      '/desk/api/articles/forum',
      { method: 'PUT', body: { ...article, title: 'Taken over' } },
      other,
    )
    expect(put.status).toBe(403)
    const del = await deskFetch('/desk/api/articles/forum', { method: 'DELETE' }, other)
    expect(del.status).toBe(403)
    expect(await storeSnapshot()).toEqual(before)
  })

  it('deletes and puts back its own article; another publisher cannot put it back', async () => {
    const owner = await signedIn('city-desk')
    const other = await signedIn('sports-desk')
    await deskFetch(
      '/desk/api/articles',
      { method: 'POST', body: { ...article, id: 'forum' } },
      owner,
    )
    expect((await deskFetch('/desk/api/articles/forum', { method: 'DELETE' }, owner)).status).toBe(
      204,
    )
    await settleDesk()
    const before = await storeSnapshot()
    const theirs = await deskFetch('/desk/api/articles/forum/undelete', { method: 'POST' }, other)
    expect(theirs.status).toBe(403)
    const noToken = await deskFetch(
      '/desk/api/articles/forum/undelete',
      { method: 'POST' },
      { cookie: owner.cookie },
    )
    expect(noToken.status).toBe(403)
    expect(await storeSnapshot()).toEqual(before)
    const back = await deskFetch('/desk/api/articles/forum/undelete', { method: 'POST' }, owner)
    expect(back.status).toBe(200)
    expect(await back.json<any>()).toMatchObject({ id: 'forum', state: 'published' })
  })

  it('reads a pasted page and previews Markdown, storing nothing', async () => {
    const session = await signedIn('city-desk')
    const before = await storeSnapshot()
    const page = [
      '國務院常務會議部署穩就業措施',
      '發布時間：2022年04月08日　來源：新華社',
      '',
      '　　新華社北京4月7日電（記者張三、李四）國務院總理主持召開國務院常務會議，部署進一步做好穩就業工作。',
    ].join('\n')
    const imported = await deskFetch(
      '/desk/api/import',
      { method: 'POST', body: page, headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
      session,
    )
    expect(imported.status).toBe(200)
    const { article: read, report } = await imported.json<any>()
    expect(read).toMatchObject({
      title: '國務院常務會議部署穩就業措施',
      source: { name: '新華社' },
      authors: [{ name: '張三' }, { name: '李四' }],
    })
    expect(report.fields.map((f: any) => f.field)).toContain('published')

    expect(await storeSnapshot()).toEqual(before)
  })

  it('uploads a photo through the media call; without the CSRF token nothing is stored', async () => {
    const session = await signedIn('city-desk')
    const png = Uint8Array.from(
      atob(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      ),
      (ch) => ch.charCodeAt(0),
    )
    const before = await storeSnapshot()
    const refused = await client(null).fetch('/desk/api/media', {
      method: 'POST',
      headers: { Origin: SITE, Cookie: session.cookie, 'Content-Type': 'image/png' },
      body: png,
    })
    expect(refused.status).toBe(403)
    expect(await storeSnapshot()).toEqual(before)
    const res = await client(null).fetch('/desk/api/media', {
      method: 'POST',
      headers: {
        Origin: SITE,
        Cookie: session.cookie,
        'X-CSRF-Token': session.csrf,
        'Content-Type': 'image/png',
      },
      body: png,
    })
    expect(res.status).toBe(201)
    expect((await res.json<any>()).url).toMatch(/\/media\//)
  })

  it('a session reaches only the article and media calls of the API', async () => {
    const session = await signedIn('city-desk')
    for (const path of ['/desk/api/publishers', '/desk/api/status', '/desk/api/openapi.json']) {
      expect((await deskFetch(path, {}, session)).status, path).toBe(404)
    }
    // Without a session, the article calls are refused before anything is read.
    const res = await deskFetch('/desk/api/articles')
    expect(res.status).toBe(401)
  })
})
