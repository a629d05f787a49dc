/**
 * Articles carry media: attachments are enclosures in every feed, sized by R2; pages play
 * audio and video and offer photos of ours at each width of the variant ladder. Audio and
 * video are linked on R2's public domain when MEDIA_PUBLIC_URL names one.
 */
import { env } from 'cloudflare:workers'
import { reset } from 'cloudflare:test'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { client, dom, publish, readFeeds, SITE, workerFetch } from '../helpers'
import { photo } from '../support/photos'
import { mp3, uploaded } from '../support/media'

afterEach(() => reset())

let audio: { key: string; url: string; size: number }
let lead: { key: string; url: string }
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
    const media = [rss[0]['media:content']].flat()
    expect(media.map((m: any) => m['@url'])).toEqual(
      expect.arrayContaining([audio.url, 'https://cdn.example.com/notes.pdf']),
    )
    expect(media.find((m: any) => m['@url'] === audio.url)).toMatchObject({
      '@fileSize': String(audio.size),
      '@medium': 'audio',
      '@duration': '61',
    })
    const enclosures = [atom[0].link].flat().filter((l: any) => l['@rel'] === 'enclosure')
    expect(enclosures.map((l: any) => [l['@href'], l['@length'], l['@type']])).toEqual(
      expect.arrayContaining([
        [audio.url, String(audio.size), 'audio/mpeg'],
        ['https://cdn.example.com/notes.pdf', '2048', 'application/pdf'],
      ]),
    )
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
