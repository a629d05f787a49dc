/** Micropub, with the examples of the W3C Recommendation (https://www.w3.org/TR/micropub/). */
import { reset } from 'cloudflare:test'
import { Parser } from 'htmlparser2'
import { afterEach, describe, expect, it } from 'vitest'
import {
  ADMIN_TOKEN,
  client,
  kvSnapshot,
  publish,
  settleDesk,
  SITE,
  storeSnapshot,
} from '../helpers'

afterEach(() => reset())

const c = () => client(null)
const send = (type: string, body: string, token: string | null) =>
  c().fetch('/micropub', {
    method: 'POST',
    headers: { 'Content-Type': type, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body,
  })
const form = (body: string, token: string | null = ADMIN_TOKEN) =>
  send('application/x-www-form-urlencoded', body, token)
const json = (body: unknown, token: string | null = ADMIN_TOKEN) =>
  send('application/json', JSON.stringify(body), token)
const source = async (url: string) =>
  (
    await c().fetch(`/micropub?q=source&url=${encodeURIComponent(url)}`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    })
  ).json<any>()

describe('creating', () => {
  it('creates a note from form fields (spec 3.3.1) and answers 201 with its Location', async () => {
    const res = await form(
      'h=entry&content=Micropub+test+of+creating+a+basic+h-entry&category[]=foo&category[]=bar',
    )
    expect(res.status).toBe(201)
    const url = res.headers.get('Location')!
    expect(url).toMatch(
      new RegExp(`^${SITE}/articles/micropub-test-of-creating-a-basic-h-entry-[0-9a-f]{6}$`),
    )
    const entry = await source(url)
    expect(entry.type).toEqual(['h-entry'])
    expect(entry.properties.content).toEqual(['Micropub test of creating a basic h-entry'])
    expect(entry.properties.category).toEqual(['foo', 'bar'])
    expect(entry.properties.name).toEqual(['Micropub test of creating a basic h-entry'])
  })

  it('accepts the token as an access_token form field', async () => {
    const res = await form(`h=entry&content=hello&access_token=${ADMIN_TOKEN}`, null)
    expect(res.status).toBe(201)
  })

  it('creates from JSON (spec 3.3.2), with a photo', async () => {
    const res = await json({
      type: ['h-entry'],
      properties: {
        content: ['hello world'],
        category: ['foo', 'bar'],
        photo: ['https://photos.example.com/592829482876343254.jpg'],
      },
    })
    expect(res.status).toBe(201)
    const entry = await source(res.headers.get('Location')!)
    expect(entry.properties.photo).toEqual(['https://photos.example.com/592829482876343254.jpg'])
  })

  it('creates from JSON with HTML content, sanitised', async () => {
    const res = await json({
      type: ['h-entry'],
      properties: {
        name: ['Bold'],
        content: [
          { html: '<p>This post has <b>bold</b> and <i>italic</i> text.<script>x()</script></p>' },
        ],
        published: ['2024-02-03T04:05:06+08:00'],
      },
    })
    const entry = await source(res.headers.get('Location')!)
    expect(entry.properties.content).toEqual([
      { html: '<p>This post has <b>bold</b> and <i>italic</i> text.</p>' },
    ])
    expect(entry.properties.published).toEqual(['2024-02-03T04:05:06+08:00'])
  })

  it('names an HTML note from its text, entities decoded and tags left out', async () => {
    const res = await json({
      type: ['h-entry'],
      properties: { content: [{ html: '<p>Fish &amp; chips <b>tonight</b></p>' }] },
    })
    expect(res.status).toBe(201)
    const entry = await source(res.headers.get('Location')!)
    expect(entry.properties.name).toEqual(['Fish & chips tonight'])
  })

  it('answers the spec error format, storing nothing', async () => {
    const before = await kvSnapshot()
    const none = await form('h=entry&content=x', null)
    expect(none.status).toBe(401)
    expect(await none.json()).toMatchObject({ error: 'unauthorized' })
    const wrong = await form('h=entry&content=x', 'ef_not-a-real-token')
    expect(wrong.status).toBe(403)
    expect(await wrong.json()).toMatchObject({ error: 'forbidden' })
    const bad = await json({
      type: ['h-entry'],
      properties: { content: ['x'], photo: ['javascript:alert(1)'] },
    })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({
      error: 'invalid_request',
      error_description: expect.stringContaining('/photo/0/url: must be an absolute http(s) URL'),
    })
    expect(await kvSnapshot()).toEqual(before)
  })
})

describe('updating, deleting, undeleting', () => {
  async function post() {
    const res = await json({
      type: ['h-entry'],
      properties: { name: ['Post'], content: ['hello world'], category: ['indieweb', 'foo'] },
    })
    return res.headers.get('Location')!
  }

  it('replaces, adds and deletes properties (spec 3.4)', async () => {
    const url = await post()
    expect(
      (await json({ action: 'update', url, replace: { content: ['hello moon'] } })).status,
    ).toBe(204)
    expect((await source(url)).properties.content).toEqual(['hello moon'])
    await json({ action: 'update', url, add: { category: ['micropub'] } })
    expect((await source(url)).properties.category).toEqual(['indieweb', 'foo', 'micropub'])
    await json({ action: 'update', url, delete: { category: ['indieweb'] } })
    expect((await source(url)).properties.category).toEqual(['foo', 'micropub'])
    await json({ action: 'update', url, delete: ['category'] })
    expect((await source(url)).properties.category).toBeUndefined()
  })

  it('deletes (410 afterwards) and undeletes (spec 3.5, 3.6)', async () => {
    const url = await post()
    const path = url.replace(SITE, '')
    expect((await form(`action=delete&url=${encodeURIComponent(url)}`)).status).toBe(204)
    expect((await c().get(path)).status).toBe(410)
    expect((await json({ action: 'undelete', url })).status).toBe(204)
    expect((await c().get(path)).status).toBe(200)
    expect((await source(url)).properties.content).toEqual(['hello world'])
  })

  it("refuses to touch another publisher's post", async () => {
    const issued = await (
      await client().json('POST', '/api/publishers', { name: 'other' })
    ).json<any>()
    const url = await post()
    const res = await json({ action: 'delete', url }, issued.token)
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ error: 'forbidden' })
  })
})

describe('queries', () => {
  it('answers q=config and q=source with selected properties', async () => {
    const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` }
    expect(await (await c().fetch('/micropub?q=config', { headers: auth })).json()).toMatchObject({
      'syndicate-to': [],
    })
    const res = await form('h=entry&name=Titled&content=Body')
    const url = res.headers.get('Location')!
    const selected = await (
      await c().fetch(`/micropub?q=source&properties[]=name&url=${encodeURIComponent(url)}`, {
        headers: auth,
      })
    ).json()
    expect(selected).toEqual({ properties: { name: ['Titled'] } })
  })

  it('is advertised on every page', async () => {
    const links: Record<string, string>[] = []
    new Parser({ onopentag: (name, attribs) => name === 'link' && links.push(attribs) }).end(
      await (await c().get('/')).text(),
    )
    expect(links.filter((l) => l.rel === 'micropub')).toEqual([
      { rel: 'micropub', href: `${SITE}/micropub` },
    ])
  })
})

describe('what Micropub may not do', () => {
  it('keeps everything an update does not name: authors, source, url, language, Markdown, summary', async () => {
    const stored = await publish(client(), {
      id: 'rich',
      title: 'Rich',
      content_markdown: 'Some **Markdown**.',
      summary: 'Written by hand.',
      authors: [{ name: 'Jane', url: 'https://jane.example' }],
      source: { name: 'Wire', url: 'https://wire.example/1' },
      url: 'https://elsewhere.example/rich',
      language: 'en',
      tags: ['news'],
      published: '2024-01-01',
    })
    const url = `${SITE}/articles/rich`
    expect((await json({ action: 'update', url, add: { category: ['more'] } })).status).toBe(204)
    const after = await (await client().api('/api/articles/rich')).json<any>()
    const { tags: _t, updated: _u, revision: _r, ...kept } = after
    const { tags: _t0, updated: _u0, revision: _r0, delivery: _w, ...before } = stored
    expect(kept).toEqual(before)
    expect(after.tags).toEqual(['news', 'more'])
    expect(after.published_precision).toBe('date')
    expect((await source(url)).properties.content).toEqual(['Some **Markdown**.'])
  })

  it('refuses updates of a shape it does not know, changing nothing', async () => {
    await publish(client(), { id: 'plain', title: 'Plain', content_text: 'x', tags: ['a'] })
    const url = `${SITE}/articles/plain`
    const before = await storeSnapshot()
    const bad = [
      { action: 'update', url, add: { category: 'one-string' } },
      JSON.parse('{"action":"update","url":"' + url + '","add":{"__proto__":["x"]}}'),
      { action: 'update', url, replace: { 'post-status': ['private'] } },
      { action: 'update', url, delete: ['post-status'] },
      { action: 'update', url, add: { 'mp-syndicate-to': ['https://social.example/'] } },
      { action: 'update', url, replace: { Colour: ['red'] } },
      { action: 'update', url, replace: ['content'] },
      { action: 'update', url, delete: ['name'] },
      { action: 'update', url: `${SITE}/articles/%E0%A4%A`, add: { category: ['x'] } },
      { action: 'update', url: `${SITE}/articles/Not:An:Id`, add: { category: ['x'] } },
    ]
    for (const update of bad) {
      const res = await json(update)
      expect(res.status, JSON.stringify(update)).toBe(400)
      expect((await res.json<any>()).error).toBe('invalid_request')
    }
    await settleDesk()
    expect(await storeSnapshot()).toEqual(before)
  })

  it('takes an mp-slug only when it is a valid id', async () => {
    const before = await storeSnapshot()
    for (const slug of ['x:b1', '../../etc', '<script>', 'Upper', 'z:a2', 'a'.repeat(600)]) {
      const res = await form(`h=entry&content=hello&mp-slug=${encodeURIComponent(slug)}`)
      expect(res.status, slug).toBe(400)
    }
    expect(await storeSnapshot()).toEqual(before)
    const ok = await form('h=entry&content=hello&mp-slug=my-post')
    expect(ok.headers.get('Location')).toBe(`${SITE}/articles/my-post`)
  })

  it('refuses a token in the URL, and a token sent twice, storing nothing', async () => {
    const before = await storeSnapshot()
    const inUrl = await c().fetch(`/micropub?q=config&access_token=${ADMIN_TOKEN}`)
    expect(inUrl.status).toBe(400)
    expect((await inUrl.json<any>()).error_description).toContain('Authorization header')
    const twice = await form(`h=entry&content=x&access_token=${ADMIN_TOKEN}`, ADMIN_TOKEN)
    // RFC 6750's way: the error in the challenge; no JSON body (micropub.rocks 805).
    expect(twice.status).toBe(400)
    expect(twice.headers.get('WWW-Authenticate')).toMatch(
      /^Bearer error="invalid_request", error_description=".*not both\."$/,
    )
    expect(await twice.text()).toBe('')
    expect(await storeSnapshot()).toEqual(before)
  })
})

describe('reading Micropub JSON as the API reads JSON', () => {
  it('refuses bytes that are not UTF-8 and nesting past the limit, storing nothing', async () => {
    const before = await storeSnapshot()
    const notUtf8 = new Uint8Array([
      ...new TextEncoder().encode('{"type":["h-entry"],"properties":{"content":["'),
      0xff,
      ...new TextEncoder().encode('"]}}'),
    ])
    const deep =
      '{"type":["h-entry"],"properties":{"content":[' + '['.repeat(40) + ']'.repeat(40) + ']}}'
    for (const body of [notUtf8, deep]) {
      const res = await c().fetch('/micropub', {
        method: 'POST',
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
        body,
      })
      expect(res.status).toBe(400)
      expect((await res.json<any>()).error).toBe('invalid_request')
    }
    expect(await storeSnapshot()).toEqual(before)
  })
})
