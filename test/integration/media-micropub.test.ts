/**
 * Micropub and media: the media endpoint (micropub.rocks 700-702) and photos sent with a
 * multipart create (300, 301), stored without their GPS; a refused create leaves nothing.
 */
import { env } from 'cloudflare:workers'
import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, client, publish, settleDesk, SITE, storeSnapshot } from '../helpers'
import { photo } from '../support/photos'
import { GIF, mp3, r2Snapshot } from '../support/media'

afterEach(() => reset())

const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` }
const post = (path: string, form: FormData, headers: Record<string, string> = auth) =>
  client(null).fetch(path, { method: 'POST', headers, body: form })
const withFile = (
  field: string,
  bytes: Uint8Array,
  name: string,
  type: string,
  form = new FormData(),
) => {
  form.append(field, new File([bytes], name, { type }))
  return form
}
const source = async (url: string) =>
  (
    await client(null).fetch(`/micropub?q=source&url=${encodeURIComponent(url)}`, { headers: auth })
  ).json<any>()

describe('the media endpoint', () => {
  it('is advertised by q=config', async () => {
    const res = await client(null).fetch('/micropub?q=config', { headers: auth })
    expect(await res.json()).toMatchObject({ 'media-endpoint': `${SITE}/micropub/media` })
  })

  it.each([
    ['700, a JPEG', photo('gps.jpg'), 'photo.jpg', 'image/jpeg'],
    ['701, a PNG', photo('gps.png'), 'photo.png', 'image/png'],
    ['702, a GIF', GIF, 'photo.gif', 'image/gif'],
  ])('stores %s and answers 201 with its URL', async (_, bytes, name, type) => {
    const res = await post('/micropub/media', withFile('file', bytes, name, type))
    expect(res.status).toBe(201)
    const url = res.headers.get('Location')!
    expect(url).toMatch(new RegExp(`^${SITE}/media/[0-9a-f]{64}$`))
    const served = await client(null).get(new URL(url).pathname)
    expect(served.headers.get('Content-Type')).toBe(type)
    expect(String.fromCharCode(...new Uint8Array(await served.arrayBuffer()))).not.toMatch(
      /GPSLatitude/,
    )
  })

  it('takes the token as access_token, and answers errors in its format, storing nothing', async () => {
    const form = withFile('file', photo('gps.jpg'), 'a.jpg', 'image/jpeg')
    form.append('access_token', ADMIN_TOKEN)
    expect((await post('/micropub/media', form, {})).status).toBe(201)
    await reset()
    const before = { r2: await r2Snapshot(), ...(await storeSnapshot()) }
    const none = await post('/micropub/media', withFile('file', GIF, 'a.gif', 'image/gif'), {})
    expect(none.status).toBe(401)
    expect(await none.json()).toMatchObject({ error: 'unauthorized' })
    const html = await post(
      '/micropub/media',
      withFile('file', new TextEncoder().encode('<html>'), 'a.gif', 'image/gif'),
    )
    expect(html.status).toBe(400)
    expect(await html.json()).toMatchObject({
      error: 'invalid_request',
      error_description: expect.stringMatching(/not one edgefeed stores/),
    })
    expect({ r2: await r2Snapshot(), ...(await storeSnapshot()) }).toEqual(before)
  })
})

describe('photos sent with a create', () => {
  it('300: stores the photo, without its GPS, and attaches it', async () => {
    const form = withFile('photo', photo('gps.jpg'), 'sunset.jpg', 'image/jpeg')
    form.append('h', 'entry')
    form.append('content', 'Nice sunset tonight')
    const res = await post('/micropub', form)
    expect(res.status).toBe(201)
    const entry = await source(res.headers.get('Location')!)
    const [url] = entry.properties.photo
    expect(url).toMatch(new RegExp(`^${SITE}/media/[0-9a-f]{64}$`))
    const stored = await env.MEDIA.get(url.slice(-64))
    expect(String.fromCharCode(...new Uint8Array(await stored!.arrayBuffer()))).not.toMatch(
      /GPSLatitude/,
    )
  })

  it('301: stores every photo', async () => {
    const form = withFile('photo[]', photo('gps.jpg'), 'a.jpg', 'image/jpeg')
    withFile('photo[]', photo('gps.png'), 'b.png', 'image/png', form)
    form.append('h', 'entry')
    form.append('content', 'Two photos')
    const res = await post('/micropub', form)
    expect(res.status).toBe(201)
    expect(Object.keys(await r2Snapshot())).toHaveLength(2)
  })

  it('keeps the alt text of mp-photo-alt, shown on the page', async () => {
    const form = withFile('photo', photo('gps.jpg'), 'sunset.jpg', 'image/jpeg')
    form.append('h', 'entry')
    form.append('content', 'Nice sunset tonight')
    form.append('mp-photo-alt', 'The sun setting over the harbour')
    const res = await post('/micropub', form)
    expect(res.status).toBe(201)
    const id = res.headers.get('Location')!.split('/').pop()!
    const article = await (await client().api(`/api/articles/${id}`)).json<any>()
    expect(article.photos).toEqual([
      {
        url: expect.stringMatching(/\/media\/[0-9a-f]{64}$/),
        alt: 'The sun setting over the harbour',
      },
    ])
    const page = await (await client(null).get(`/articles/${id}`)).text()
    expect(page).toContain(`alt="The sun setting over the harbour"`)
    // In every feed: RSS describes it with its alt text, Atom links it, JSON Feed leads with it.
    await settleDesk()
    const url = article.photos[0].url
    const rss = await (await client(null).get('/feed.xml')).text()
    expect(rss).toContain(
      `<media:content url="${url}" medium="image"><media:description type="plain">The sun setting over the harbour</media:description></media:content>`,
    )
    expect(await (await client(null).get('/atom.xml')).text()).toContain(`href="${url}"`)
    const json = await (await client(null).get('/feed.json')).json<any>()
    expect(json.items[0].image).toBe(url)
    const served = await client(null).get(new URL(url).pathname)
    const bytes = new Uint8Array(await served.arrayBuffer())
    expect(String.fromCharCode(...bytes)).not.toMatch(/GPS/)
    // The lead image is the photo, with the type and size readers download.
    expect(article.image_file).toEqual({ mime_type: 'image/jpeg', size_in_bytes: bytes.length })
  })

  it('makes audio and video sent as files the post’s attachments, sized as stored', async () => {
    const form = withFile('audio', mp3(20_000), 'episode.mp3', 'audio/mpeg')
    form.append('h', 'entry')
    form.append('content', 'This week’s episode')
    const res = await post('/micropub', form)
    expect(res.status).toBe(201)
    const id = res.headers.get('Location')!.split('/').pop()!
    const article = await (await client().api(`/api/articles/${id}`)).json<any>()
    expect(article.attachments).toEqual([
      {
        url: expect.stringMatching(/\/media\/[0-9a-f]{64}$/),
        mime_type: 'audio/mpeg',
        size_in_bytes: 20_000,
      },
    ])
    expect(article.extra_properties).toBeUndefined()
  })

  it('needs the media scope for files, storing nothing without it', async () => {
    const res = await client().json('POST', '/api/publishers', {
      name: 'no-media',
      scopes: ['create', 'update', 'delete'],
    })
    const { token } = await res.json<{ token: string }>()
    const before = { r2: await r2Snapshot(), ...(await storeSnapshot()) }
    const form = withFile('photo', photo('gps.jpg'), 'a.jpg', 'image/jpeg')
    form.append('h', 'entry')
    form.append('content', 'No media scope')
    const refused = await post('/micropub', form, { Authorization: `Bearer ${token}` })
    expect(refused.status).toBe(401)
    expect(await refused.json()).toMatchObject({ error: 'insufficient_scope', scope: 'media' })
    const endpoint = await post(
      '/micropub/media',
      withFile('file', photo('gps.jpg'), 'a.jpg', 'image/jpeg'),
      { Authorization: `Bearer ${token}` },
    )
    expect(endpoint.status).toBe(401)
    expect(endpoint.headers.get('WWW-Authenticate')).toMatch(/insufficient_scope/)
    expect({ r2: await r2Snapshot(), ...(await storeSnapshot()) }).toEqual(before)
  })

  it('refused, keeps none of its files', async () => {
    await publish(client(), { title: 'First', content_text: 'First.' })
    const before = { r2: await r2Snapshot(), ...(await storeSnapshot()) }
    const form = withFile('photo', photo('gps.jpg'), 'a.jpg', 'image/jpeg')
    form.append('h', 'entry')
    form.append('content', 'Bad slug')
    form.append('mp-slug', 'Not A Slug')
    const res = await post('/micropub', form)
    expect(res.status).toBe(400)
    const wrong = withFile('photo', new TextEncoder().encode('%PDF-1.4'), 'a.jpg', 'image/jpeg')
    wrong.append('content', 'A lie')
    expect((await post('/micropub', wrong)).status).toBe(400)
    expect({ r2: await r2Snapshot(), ...(await storeSnapshot()) }).toEqual(before)
  })
})
