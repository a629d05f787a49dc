/**
 * Articles carry media: attachments are enclosures in every feed, sized by R2; pages play
 * audio and video and offer photos of ours at each width of the variant ladder. Audio and
 * video are linked on R2's public domain when MEDIA_PUBLIC_URL names one.
 */
import { env } from 'cloudflare:workers'
import { reset } from 'cloudflare:test'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  client,
  dom,
  publish,
  readFeeds,
  settleDesk,
  SITE,
  storeSnapshot,
  workerFetch,
} from '../helpers'
import { photo } from '../support/photos'
import { mp3, uploaded } from '../support/media'

afterEach(() => reset())

let audio: { key: string; url: string; size: number }
let lead: { key: string; url: string; size: number }
beforeEach(async () => {
  audio = await uploaded(mp3(48_213), 'audio/mpeg')
  lead = await uploaded(photo('gps.jpg'), 'image/jpeg')
  await publish(client(), {
    id: 'episode-1',
    title: 'Episode 1',
    content_text: 'This week on the show.',
    image: lead.url,
    attachments: [
      { url: audio.url, title: '第一集', duration_in_seconds: 61.4 },
      {
        url: 'https://cdn.example.com/notes.pdf',
        mime_type: 'application/pdf',
        size_in_bytes: 2048,
      },
    ],
  })
})

describe('feeds', () => {
  it("carry the attachments, the first as RSS's enclosure, sized as R2 stores them", async () => {
    const { rss, atom, json } = await readFeeds(client(null))
    expect(rss[0].enclosure).toMatchObject({
      '@url': audio.url,
      '@length': String(audio.size),
      '@type': 'audio/mpeg',
    })
    // Every other file once, as media:content: the enclosure is not repeated (SimplePie would
    // list it twice); the lead image has R2's type and size.
    const media = [rss[0]['media:content']].flat()
    expect(media).toEqual([
      {
        '@url': lead.url,
        '@type': 'image/jpeg',
        '@medium': 'image',
        '@fileSize': String(lead.size),
      },
      {
        '@url': 'https://cdn.example.com/notes.pdf',
        '@type': 'application/pdf',
        '@medium': 'document',
        '@fileSize': '2048',
      },
    ])
    const enclosures = [atom[0].link].flat().filter((l: any) => l['@rel'] === 'enclosure')
    expect(enclosures.map((l: any) => [l['@href'], l['@length'], l['@type']])).toEqual([
      [lead.url, String(lead.size), 'image/jpeg'],
      [audio.url, String(audio.size), 'audio/mpeg'],
      ['https://cdn.example.com/notes.pdf', '2048', 'application/pdf'],
    ])
    expect(json[0].attachments).toEqual([
      {
        url: audio.url,
        mime_type: 'audio/mpeg',
        title: '第一集',
        size_in_bytes: audio.size,
        duration_in_seconds: 61.4,
      },
      {
        url: 'https://cdn.example.com/notes.pdf',
        mime_type: 'application/pdf',
        size_in_bytes: 2048,
      },
    ])
    expect(json[0].image).toBe(lead.url)
  })

  it('link audio and video on R2’s public domain when there is one', async () => {
    const bindings = { ...env, MEDIA_PUBLIC_URL: 'https://media.news.example.org/' }
    const res = await workerFetch(new Request(`${SITE}/feed.json`), bindings)
    const [item] = (await res.json<any>()).items
    expect(item.attachments[0].url).toBe(`https://media.news.example.org/${audio.key}`)
    // Photos stay on the site, where Workers Cache keeps them whole.
    expect(item.image).toBe(lead.url)
    const page = await workerFetch(new Request(`${SITE}/articles/episode-1`), bindings)
    expect(await page.text()).toContain(
      `<audio controls="" preload="none" src="https://media.news.example.org/${audio.key}">`,
    )
  })
})

describe('the article page', () => {
  it('plays the audio, offers the files, and the lead photo at each width of the ladder', async () => {
    const html = await (await client(null).get('/articles/episode-1')).text()
    const doc = dom(html)
    const img = doc.all('img').find((i) => i.attribs.src === lead.url)!
    expect(img.attribs.srcset).toBe(
      [320, 640, 1280].map((w) => `${SITE}/media/${lead.key}/${w}.webp ${w}w`).join(', '),
    )
    expect(img.attribs.sizes).toBe('(min-width: 44rem) 42rem, 100vw')
    expect(doc.one('audio')?.attribs.src).toBe(audio.url)
    const captions = doc.all('figcaption').map((f) => f.text)
    expect(captions[0]).toMatch(/^第一集 · 下載 \(MP3 · 48 kB\)$/)
    expect(captions[1]).toMatch(/下載 \(PDF · 2\.0 kB\)/)
  })

  it('lets players load audio and video from any https host (CSP media-src)', async () => {
    const res = await client(null).get('/articles/episode-1')
    expect(res.headers.get('Content-Security-Policy')).toContain('media-src https: http:')
  })
})

it('the stored article says what each attachment is', async () => {
  const res = await client().api('/api/articles/episode-1')
  const article = await res.json<any>()
  expect(article.attachments[0]).toEqual({
    url: audio.url,
    mime_type: 'audio/mpeg',
    size_in_bytes: audio.size,
    duration_in_seconds: 61.4,
    title: '第一集',
  })
})

it('keeps the attachments through a Micropub update, which names none', async () => {
  const res = await client().fetch('/micropub', {
    method: 'POST',
    headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json' },
    body: JSON.stringify({
      action: 'update',
      url: `${SITE}/articles/episode-1`,
      add: { category: ['podcast'] },
    }),
  })
  expect(res.status).toBe(204)
  const article = await (await client().api('/api/articles/episode-1')).json<any>()
  expect(article.tags).toEqual(['podcast'])
  expect(article.attachments.map((a: any) => a.url)).toEqual([
    audio.url,
    'https://cdn.example.com/notes.pdf',
  ])
})

describe('a lead image of ours', () => {
  const png = () => uploaded(photo('gps.png'), 'image/png')

  it("is kept with R2's type and size on create and on update, and is RSS's enclosure when no file is", async () => {
    const other = await png()
    const body = {
      id: 'photo-story',
      title: 'Harbour',
      content_text: 'The harbour.',
      image: lead.url,
    }
    const created = await (await client().post(body)).json<any>()
    expect(created.image_file).toEqual({ mime_type: 'image/jpeg', size_in_bytes: lead.size })
    await settleDesk()
    const { rss, atom } = await readFeeds(client(null))
    const item = rss.find((i: any) => i.title === 'Harbour')
    expect(item.enclosure).toEqual({
      '@url': lead.url,
      '@length': String(lead.size),
      '@type': 'image/jpeg',
    })
    expect(item['media:content']).toBeUndefined()
    const entry = atom.find((e: any) => String(e.id).endsWith('/photo-story'))
    expect([entry.link].flat().filter((l: any) => l['@rel'] === 'enclosure')).toEqual([
      {
        '@rel': 'enclosure',
        '@type': 'image/jpeg',
        '@href': lead.url,
        '@length': String(lead.size),
      },
    ])

    const replaced = await client().put('photo-story', { ...body, image: other.url })
    expect(replaced.status).toBe(200)
    expect((await replaced.json<any>()).image_file).toEqual({
      mime_type: 'image/png',
      size_in_bytes: other.size,
    })
    // An image elsewhere has no facts of ours: its type is what its URL says, as before.
    const moved = await client().put('photo-story', {
      ...body,
      image: 'https://cdn.example.com/a.jpg',
    })
    expect((await moved.json<any>()).image_file).toBeUndefined()
  })

  it('is the first photo when none is named, with its facts', async () => {
    const res = await client().post({
      id: 'gallery',
      title: 'Gallery',
      content_text: 'Two photos.',
      photos: [
        { url: lead.url, alt: 'The harbour' },
        { url: 'https://cdn.example.com/b.jpg', alt: '' },
      ],
    })
    expect(await res.json<any>()).toMatchObject({
      image: lead.url,
      image_file: { mime_type: 'image/jpeg', size_in_bytes: lead.size },
    })
  })

  it('that R2 does not have is refused, naming the field, and nothing is stored', async () => {
    const before = await storeSnapshot()
    const missing = `${SITE}/media/${'0'.repeat(64)}`
    const body = { id: 'nowhere', title: 'Nowhere', content_text: 'Text.', image: missing }
    for (const [res, pointer] of [
      [await client().post(body), '/image'],
      [await client().put('episode-1', body), '/image'],
      [
        await client().post({ ...body, image: undefined, photos: [{ url: missing, alt: '' }] }),
        '/photos/0/url',
      ],
    ] as const) {
      expect(res.status).toBe(400)
      const problem = await res.json<any>()
      expect(problem.errors).toEqual([{ pointer, detail: expect.stringContaining('0'.repeat(64)) }])
    }
    // A file of ours that is no image is no lead image, nor a photo.
    for (const [sent, pointer] of [
      [{ ...body, image: audio.url }, '/image'],
      [{ ...body, image: undefined, photos: [{ url: audio.url, alt: '' }] }, '/photos/0/url'],
    ] as const) {
      const res = await client().post(sent)
      expect(res.status).toBe(400)
      const problem = await res.json<any>()
      expect(problem.errors).toEqual([{ pointer, detail: expect.stringContaining('audio/mpeg') }])
    }
    // A file the coordinator knows but R2 lost is refused alike: R2 decides what readers get.
    await env.MEDIA.delete(lead.key)
    const lost = await client().put('episode-1', { ...body, id: undefined, image: lead.url })
    expect(lost.status).toBe(400)
    expect((await lost.json<any>()).errors[0].pointer).toBe('/image')
    await settleDesk()
    expect(await storeSnapshot()).toEqual(before)
  })
})
