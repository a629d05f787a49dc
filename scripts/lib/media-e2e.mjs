// The media step of `npm run e2e` (scripts/e2e.mjs). Before the readers read the feeds, a
// photo carrying GPS, a PNG, a WebP, an MP3, an MP4 and a PDF are uploaded to the running
// service and three articles carry them (a podcast episode with its lead image; a gallery of
// captioned photos with a video, a document and a file on another host; a story with a lead
// image alone, RSS's enclosure): the readers of scripts/readers/ compare every item's
// enclosures and photos with the articles' own attachments and lead image, whose types and
// sizes are R2's. Afterwards, the MP3 is served with Range, and exiftool,
// where installed, finds no location in the photo as served.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** An MP3 of `bytes` bytes: an ID3 tag, then silent MPEG-1 layer III frames. */
function mp3(bytes) {
  const out = new Uint8Array(bytes)
  out.set([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0])
  for (let at = 10; at + 4 <= bytes; at += 417) out.set([0xff, 0xfb, 0x90, 0x64], at)
  return out
}

/** An MP4 of `bytes` bytes: an `ftyp` box (isom), then an `mdat` box of zeros. */
function mp4(bytes) {
  const out = new Uint8Array(bytes)
  const view = new DataView(out.buffer)
  view.setUint32(0, 24)
  out.set(new TextEncoder().encode('ftypisom\0\0\x02\0isommp41'), 4)
  view.setUint32(24, bytes - 24)
  out.set(new TextEncoder().encode('mdat'), 28)
  return out
}

/** A one-page PDF. */
const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)

const fixture = (name) =>
  readFileSync(new URL(`../../test/fixtures/media/${name}`, import.meta.url))

/**
 * Uploads the files and publishes the articles that carry them, before the readers run.
 * @returns {Promise<{audio: object, photo: object, uploads: Map<string, object>, articles: object[]}>}
 *   the MP3 and the JPEG as `/api/media` answered, every upload by its URL, and the articles as
 *   the API stored them
 */
export async function publishMedia(base, token) {
  const auth = { Authorization: `Bearer ${token}` }
  const upload = async (body, type) => {
    const res = await fetch(`${base}/api/media`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': type },
      body,
    })
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`)
    return res.json()
  }
  const publish = async (article) => {
    const res = await fetch(`${base}/api/articles`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify(article),
    })
    if (res.status !== 201) throw new Error(`publish: ${res.status} ${await res.text()}`)
    return res.json()
  }
  const audio = await upload(mp3(123_457), 'audio/mpeg')
  const photo = await upload(fixture('gps.jpg'), 'image/jpeg')
  const png = await upload(fixture('gps.png'), 'image/png')
  const webp = await upload(fixture('gps.webp'), 'image/webp')
  const video = await upload(mp4(54_321), 'video/mp4')
  const pdf = await upload(PDF, 'application/pdf')
  const articles = [
    await publish({
      id: 'e2e-media',
      title: 'Episode 1: the forum',
      content_text: 'This week, from the forum.',
      image: photo.url,
      attachments: [{ url: audio.url, title: 'Episode 1' }],
    }),
    await publish({
      id: 'e2e-gallery',
      title: '經開區論壇圖集',
      content_text: '經開區昨日舉辦論壇,與會者參觀了新園區。',
      language: 'zh-Hant',
      // A minute before the episode: the W3C validator warns of two entries updated at once.
      published: new Date(Date.now() - 60_000).toISOString(),
      photos: [
        { url: photo.url, alt: '論壇會場', caption: '論壇開幕', credit: '本報記者' },
        { url: png.url, alt: 'The new park, from the east gate' },
        { url: webp.url, alt: '' },
      ],
      attachments: [
        { url: video.url, title: '開幕致辭' },
        { url: pdf.url, title: 'Programme' },
        { url: 'https://cdn.news.example.com/2026/forum-interview.mp3', mime_type: 'audio/mpeg' },
      ],
    }),
    await publish({
      id: 'e2e-lead',
      title: 'The new park opens',
      content_text: 'The park by the east gate opened on Saturday.',
      published: new Date(Date.now() - 120_000).toISOString(),
      image: webp.url,
    }),
  ]
  const uploads = new Map([audio, photo, png, webp, video, pdf].map((file) => [file.url, file]))
  return { audio, photo, uploads, articles }
}

/** After the readers: the MP3 is served with Range; the served photo has no location. */
export async function checkMedia(base, { audio, photo }, { check, skip }) {
  const range = await fetch(audio.url, { headers: { Range: 'bytes=0-9' } })
  const head = new Uint8Array(await range.arrayBuffer())
  check(
    'media: the MP3 is served with Range (206, ten bytes, its length in Content-Range)',
    range.status === 206 &&
      head.length === 10 &&
      range.headers.get('Content-Range') === `bytes 0-9/${audio.size}`,
    `${range.status} ${range.headers.get('Content-Range')}`,
  )

  if (spawnSync('exiftool', ['-ver']).status !== 0) {
    skip(
      'media: exiftool finds no location in a served photo',
      'apt-get install libimage-exiftool-perl',
    )
    return
  }
  const dir = mkdtempSync(join(tmpdir(), 'edgefeed-media-'))
  try {
    const file = join(dir, 'photo.jpg')
    writeFileSync(file, new Uint8Array(await (await fetch(photo.url)).arrayBuffer()))
    const tags = JSON.parse(execFileSync('exiftool', ['-j', '-a', '-G1', file]).toString())[0]
    const location = Object.keys(tags).filter((t) => /GPS|Location/i.test(t))
    check(
      'media: exiftool finds no location in the served photo, and its orientation and copyright',
      location.length === 0 &&
        tags['IFD0:Orientation'] === 'Rotate 90 CW' &&
        tags['IFD0:Copyright'] === '© 2026 Example Daily',
      JSON.stringify({ location, orientation: tags['IFD0:Orientation'] }),
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
