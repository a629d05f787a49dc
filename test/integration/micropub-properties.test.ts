/**
 * What Micropub is sent is stored or refused, never dropped: photos with their alt text,
 * nested objects and other properties an article is not made of (kept, returned by
 * q=source, never shown), and the same text posted twice. Refusals name the property and
 * store nothing.
 */
import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, client, kvSnapshot, settleDesk, SITE, storeSnapshot } from '../helpers'
import { dom } from '../support/parse'

afterEach(() => reset())

const send = (type: string, body: string | FormData, headers: Record<string, string> = {}) =>
  client(null).fetch('/micropub', {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${ADMIN_TOKEN}`,
      ...(type ? { 'Content-Type': type } : {}),
      ...headers,
    },
    body,
  })
const form = (body: string, headers?: Record<string, string>) =>
  send('application/x-www-form-urlencoded', body, headers)
const json = (body: unknown, headers?: Record<string, string>) =>
  send('application/json', JSON.stringify(body), headers)
const entry = (properties: Record<string, unknown>) => ({ type: ['h-entry'], properties })

async function created(res: Response): Promise<string> {
  expect(res.status, await res.clone().text()).toBe(201)
  return res.headers.get('Location')!
}

async function source(url: string) {
  const res = await client().fetch(`/micropub?q=source&url=${encodeURIComponent(url)}`, {
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
  })
  expect(res.status).toBe(200)
  return (await res.json<any>()).properties
}

const apiArticle = async (url: string) =>
  (await client().api(`/api/articles/${url.split('/').pop()}`)).json<any>()

const page = async (url: string) => {
  await settleDesk()
  const res = await client(null).get(new URL(url).pathname)
  expect(res.status).toBe(200)
  return res.text()
}

/** Expects a Micropub 400 naming `named`, with nothing stored. */
async function refused(named: string, send: () => Promise<Response>) {
  const before = await storeSnapshot()
  const res = await send()
  expect(res.status).toBe(400)
  const body = await res.json<any>()
  expect(body.error).toBe('invalid_request')
  expect(body.error_description).toContain(named)
  expect(await storeSnapshot()).toEqual(before)
}

const CHECKIN = {
  type: ['h-card'],
  properties: {
    name: ['Los Gorditos'],
    url: ['https://foursquare.com/v/502c4bbde4b06e61e06d1ebf'],
    latitude: [45.524330801154],
    longitude: [-122.68068808051],
    'street-address': ['922 NW Davis St'],
  },
}

describe('photos', () => {
  it('keeps each photo with its alt text, the first as the lead image', async () => {
    const url = await created(
      await json(
        entry({
          content: ['Two photos'],
          photo: [
            { value: 'https://photos.example/sunset.jpg', alt: 'Photo of a sunset' },
            'https://photos.example/city.jpg',
          ],
        }),
      ),
    )
    expect((await source(url)).photo).toEqual([
      { value: 'https://photos.example/sunset.jpg', alt: 'Photo of a sunset' },
      'https://photos.example/city.jpg',
    ])
    const stored = await apiArticle(url)
    expect(stored.photos).toEqual([
      { url: 'https://photos.example/sunset.jpg', alt: 'Photo of a sunset' },
      { url: 'https://photos.example/city.jpg', alt: '' },
    ])
    expect(stored.image).toBe('https://photos.example/sunset.jpg')
    const images = dom(await page(url)).all('img')
    expect(images.map((img) => [img.attribs.src, img.attribs.alt])).toEqual([
      // The lead is the first photo, shown once.
      ['https://photos.example/sunset.jpg', 'Photo of a sunset'],
      ['https://photos.example/city.jpg', ''],
    ])
  })

  it('takes a form-encoded photo and photo[] as URLs', async () => {
    const url = await created(
      await form(
        'h=entry&content=x&photo[]=https://a.example/1.jpg&photo[]=https://a.example/2.jpg',
      ),
    )
    expect((await source(url)).photo).toEqual([
      'https://a.example/1.jpg',
      'https://a.example/2.jpg',
    ])
  })

  it('replaces, adds and deletes photos with updates, the lead image following them', async () => {
    const url = await created(
      await json(entry({ content: ['x'], photo: ['https://a.example/1.jpg'] })),
    )
    const update = (body: Record<string, unknown>) => json({ action: 'update', url, ...body })
    expect(
      (await update({ replace: { photo: [{ value: 'https://a.example/2.jpg', alt: 'Two' }] } }))
        .status,
    ).toBe(204)
    expect((await update({ add: { photo: ['https://a.example/3.jpg'] } })).status).toBe(204)
    let stored = await apiArticle(url)
    expect(stored.photos.map((p: any) => p.url)).toEqual([
      'https://a.example/2.jpg',
      'https://a.example/3.jpg',
    ])
    expect(stored.image).toBe('https://a.example/2.jpg')
    expect((await update({ delete: ['photo'] })).status).toBe(204)
    stored = await apiArticle(url)
    expect(stored.photos).toBeUndefined()
    expect(stored.image).toBeUndefined()
  })

  it('refuses a photo it can not keep as sent, naming it, storing nothing', async () => {
    await created(await form('h=entry&content=already+here'))
    await refused('/photo/0/url: must be an absolute http(s) URL', () =>
      json(entry({ content: ['x'], photo: ['/relative.jpg'] })),
    )
    await refused('photo[1]', () =>
      json(
        entry({
          content: ['x'],
          photo: ['https://a.example/1.jpg', { value: 'https://a.example/2.jpg', width: 3 }],
        }),
      ),
    )
    await refused('/photo: must have at most 20 items', () =>
      json(
        entry({
          content: ['x'],
          photo: Array.from({ length: 21 }, (_, i) => `https://a.example/${i}.jpg`),
        }),
      ),
    )
    const upload = new FormData()
    upload.set('h', 'entry')
    upload.set('content', 'x')
    // Files are stored as photo, video or audio (test/integration/media-micropub.test.ts).
    upload.set(
      'featured',
      new File([new Uint8Array([0xff, 0xd8, 0xff])], 'a.jpg', { type: 'image/jpeg' }),
    )
    await refused('not as "featured"', () => send('', upload))
  })
})

describe('properties an article is not made of', () => {
  it('keeps a nested h-card (a check-in) as sent: q=source and the API return it, readers never see it', async () => {
    const url = await created(
      await json(
        entry({
          published: ['2017-05-31T12:03:36-07:00'],
          content: ['Lunch meeting'],
          checkin: [CHECKIN],
        }),
      ),
    )
    expect((await source(url)).checkin).toEqual([CHECKIN])
    expect((await apiArticle(url)).extra_properties).toEqual({ checkin: [CHECKIN] })
    const html = await page(url)
    expect(html).toContain('Lunch meeting')
    expect(html).not.toContain('Los Gorditos')
    expect(JSON.stringify(await kvSnapshot())).not.toContain('Los Gorditos')
    const feed = await (await client(null).get('/feed.json')).text()
    expect(feed).toContain('Lunch meeting')
    expect(feed).not.toContain('Los Gorditos')
  })

  it('keeps form-encoded ones, and changes them with updates', async () => {
    const url = await created(
      await form(
        'h=entry&content=Nice&in-reply-to=https://other.example/post&syndication[]=https://s.example/1&post-status=published&mp-syndicate-to[]=',
      ),
    )
    expect(await source(url)).toMatchObject({
      'in-reply-to': ['https://other.example/post'],
      syndication: ['https://s.example/1'],
    })
    const update = (body: Record<string, unknown>) =>
      json({ action: 'update', url, ...body }).then((r) => r.status)
    expect(await update({ add: { syndication: ['https://s.example/2'] } })).toBe(204)
    expect(await update({ replace: { 'in-reply-to': ['https://third.example/'] } })).toBe(204)
    expect(await update({ delete: { syndication: ['https://s.example/1'] } })).toBe(204)
    const props = await source(url)
    expect(props['in-reply-to']).toEqual(['https://third.example/'])
    expect(props.syndication).toEqual(['https://s.example/2'])
    // post-status is the article's state (published), not a property kept beside it.
    expect(props['post-status']).toBeUndefined()
    expect(props.content).toEqual(['Nice'])
  })

  it('refuses what it can neither keep nor honour, naming it, storing nothing', async () => {
    await created(await form('h=entry&content=already+here'))
    const cases: [string, () => Promise<Response>][] = [
      [
        '"post-status" must be "published" or "draft"',
        () => form('h=entry&content=x&post-status=private'),
      ],
      [
        '"visibility" asks for a post that is not public',
        () => json(entry({ content: ['x'], visibility: ['private'] })),
      ],
      [
        '"mp-syndicate-to" names a syndication target',
        () => form('h=entry&content=x&mp-syndicate-to=https://social.example/'),
      ],
      [
        '"mp-destination" is a Micropub command',
        () => form('h=entry&content=x&mp-destination=https://other.example/'),
      ],
      ['"Colour" is not a property name', () => form('h=entry&content=x&Colour=red')],
      [
        '"access_token" is not a property name',
        () => json(entry({ content: ['x'], access_token: ['t'] })),
      ],
      [
        '"properties.category" must be a list',
        () => json(entry({ content: ['x'], category: 'one' })),
      ],
      ['"children" can not be kept', () => json({ ...entry({ content: ['x'] }), children: [] })],
      ['Only h-entry', () => json({ type: ['h-event'], properties: { name: ['x'] } })],
      [
        'must take at most 65536 bytes',
        () => json(entry({ content: ['x'], note: ['n'.repeat(70_000)] })),
      ],
    ]
    for (const [named, request] of cases) await refused(named, request)
  })
})

describe('the same text twice', () => {
  it('is two posts on one day, each with its own id', async () => {
    const first = await created(await form('h=entry&content=Good+morning'))
    const second = await created(await form('h=entry&content=Good+morning'))
    expect(second).toBe(`${first}-2`)
    const third = await created(await form('h=entry&content=Good+morning'))
    expect(third).toBe(`${first}-3`)
    const listed = await (await client().api('/api/articles')).json<any>()
    expect(listed.items).toHaveLength(3)
  })

  it('is one post when a retry carries the same Idempotency-Key', async () => {
    const key = { 'Idempotency-Key': 'note-1' }
    const first = await form('h=entry&content=Good+morning', key)
    const url = await created(first)
    const retry = await form('h=entry&content=Good+morning', key)
    expect(await created(retry)).toBe(url)
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true')
    expect(first.headers.get('Idempotent-Replayed')).toBeNull()
    expect((await (await client().api('/api/articles')).json<any>()).items).toHaveLength(1)
    // The key with another request: refused in Micropub's words, nothing stored.
    await refused('Idempotency-Key', () => form('h=entry&content=Good+evening', key))
  })

  it('replays an update and a delete sent again with their key', async () => {
    const url = await created(await json(entry({ content: ['x'], category: ['a'] })))
    const key = { 'Idempotency-Key': 'add-b' }
    const add = () => json({ action: 'update', url, add: { category: ['b'] } }, key)
    expect((await add()).status).toBe(204)
    const again = await add()
    expect(again.status).toBe(204)
    expect(again.headers.get('Idempotent-Replayed')).toBe('true')
    expect((await source(url)).category).toEqual(['a', 'b'])
    const remove = () =>
      form(`action=delete&url=${encodeURIComponent(url)}`, { 'Idempotency-Key': 'rm' })
    expect((await remove()).status).toBe(204)
    expect((await remove()).headers.get('Idempotent-Replayed')).toBe('true')
  })

  it('keeps an mp-slug as given: taken, it is refused', async () => {
    await created(await form('h=entry&content=x&mp-slug=chosen'))
    await refused('"chosen" exists', () => form('h=entry&content=y&mp-slug=chosen'))
  })
})

describe('the JSON API', () => {
  it('stores photos and kept properties, and gives them back', async () => {
    const res = await client().put('with-photos', {
      title: 'Photos',
      content_text: 'x',
      image: 'https://a.example/lead.jpg',
      photos: [
        { url: 'https://a.example/1.jpg', alt: 'One', caption: 'The first', credit: 'Jane Doe' },
        { url: 'https://a.example/2.jpg', alt: '' },
      ],
      extra_properties: { checkin: [CHECKIN] },
    })
    expect(res.status).toBe(201)
    const stored = await res.json<any>()
    expect(stored.image).toBe('https://a.example/lead.jpg')
    expect(stored.photos[0]).toEqual({
      url: 'https://a.example/1.jpg',
      alt: 'One',
      caption: 'The first',
      credit: 'Jane Doe',
    })
    expect(stored.extra_properties).toEqual({ checkin: [CHECKIN] })
    const html = dom(await page(`${SITE}/articles/with-photos`))
    const lead = html.one('figure', { class: 'lead' })
    expect(lead).toBeDefined()
    expect(
      html.one('img', { class: 'u-photo', src: 'https://a.example/lead.jpg' })?.attribs.alt,
    ).toBe('')
    expect(html.all('figcaption').map((c) => c.text)).toContain('The first Jane Doe')
    expect(html.one('small')?.text).toBe('Jane Doe')
    // What GET gives back, sent again, changes nothing.
    const {
      id: _i,
      state: _s,
      revision: _r,
      publisher: _p,
      summary: _m,
      content_html: _h,
      published: _d,
      updated: _u,
      variants: _v,
      delivery: _w,
      ...input
    } = stored
    const again = await client().put('with-photos', input)
    expect(again.status).toBe(200)
    expect((await again.json<any>()).revision).toBe(1)
  })

  it('refuses a photo without alt text and kept properties it can not keep, naming them', async () => {
    await client().put('kept', { title: 'Kept', content_text: 'x' })
    const before = await storeSnapshot()
    const res = await client().post({
      title: 'Bad',
      content_text: 'x',
      photos: [{ url: 'https://a.example/1.jpg' }, { url: 'ftp://a.example/2.jpg', alt: 'x' }],
      extra_properties: { name: ['x'], 'mp-slug': ['y'], ok: [] },
    })
    expect(res.status).toBe(400)
    const pointers = (await res.json<any>()).errors.map((e: any) => `${e.pointer}: ${e.detail}`)
    expect(pointers).toEqual(
      expect.arrayContaining([
        '/photos/0/alt: is required',
        '/photos/1/url: must be an absolute http(s) URL',
        "/extra_properties/name: is one of the article's own properties",
        '/extra_properties/mp-slug: is a Micropub command edgefeed does not carry out',
        '/extra_properties/ok: must hold at least one value',
      ]),
    )
    expect(await storeSnapshot()).toEqual(before)
  })
})
