// The media step of `npm run e2e` (scripts/e2e.mjs): a photo carrying GPS and an MP3 uploaded
// to the running service, an article carrying both; feedparser, as readers use it, must show
// the MP3 as an enclosure of the length R2 stores, in RSS and Atom; the MP3 is served with
// Range; exiftool, where installed, finds no location in the photo as served.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ENCLOSURES = `
import json, sys, feedparser
out = []
for url in sys.argv[1:]:
    d = feedparser.parse(url)
    for e in d.entries:
        if e.get('id', '').endswith('/articles/e2e-media'):
            out.append({'url': url, 'bozo': bool(d.bozo), 'enclosures': [dict(x) for x in e.get('enclosures', [])]})
print(json.dumps(out))
`

/** An MP3 of `bytes` bytes: an ID3 tag, then silent MPEG-1 layer III frames. */
function mp3(bytes) {
  const out = new Uint8Array(bytes)
  out.set([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0])
  for (let at = 10; at + 4 <= bytes; at += 417) out.set([0xff, 0xfb, 0x90, 0x64], at)
  return out
}

export async function checkMedia(base, token, { check, skip }) {
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
  const audio = await upload(mp3(123_457), 'audio/mpeg')
  const photo = await upload(
    readFileSync(new URL('../../test/fixtures/media/gps.jpg', import.meta.url)),
    'image/jpeg',
  )
  const res = await fetch(`${base}/api/articles`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      id: 'e2e-media',
      title: 'Episode 1: the forum',
      content_text: 'This week, from the forum.',
      image: photo.url,
      attachments: [{ url: audio.url, title: 'Episode 1' }],
    }),
  })
  if (res.status !== 201) throw new Error(`publish: ${res.status} ${await res.text()}`)

  const range = await fetch(audio.url, { headers: { Range: 'bytes=0-9' } })
  const head = new Uint8Array(await range.arrayBuffer())
  check(
    'media: the MP3 is served with Range (206, ten bytes, its length in Content-Range)',
    range.status === 206 &&
      head.length === 10 &&
      range.headers.get('Content-Range') === `bytes 0-9/${audio.size}`,
    `${range.status} ${range.headers.get('Content-Range')}`,
  )

  if (spawnSync('/usr/bin/python3', ['-c', 'import feedparser']).status !== 0) {
    skip('media: feedparser enclosures', 'apt-get install python3-feedparser')
  } else {
    const shown = JSON.parse(
      execFileSync('/usr/bin/python3', [
        '-c',
        ENCLOSURES,
        `${base}/feed.xml?limit=100`,
        `${base}/atom.xml?limit=100`,
      ]).toString(),
    )
    const ok = (e) =>
      e.href === audio.url && Number(e.length) === audio.size && e.type === 'audio/mpeg'
    check(
      `media: feedparser shows the MP3 as an enclosure of R2's size (${audio.size} bytes) in RSS and Atom`,
      shown.length === 2 && shown.every((f) => !f.bozo && f.enclosures.some(ok)),
      JSON.stringify(shown),
    )
  }

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
