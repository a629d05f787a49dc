// micropub.rocks' server tests 300, 301 and 700–702: photos sent as files with a create, and
// the media endpoint. The suite's files (sunset.jpg, city-at-night.jpg, micropub-rocks.png and
// .gif) are given by the caller in `ctx.files`, as bytes, made by `suiteFiles`.
import { created, showsPage } from './harness.mjs'

/** A 1×1 GIF89a. */
const GIF = Uint8Array.from([
  0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x21, 0xf9,
  4, 1, 0, 0, 0, 0, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3b,
])

/**
 * The suite's files from a test JPEG and PNG: the second photo is the first with bytes after
 * its end (decoders ignore them), so it is another file with a key of its own.
 */
export function suiteFiles(jpeg, png) {
  const night = new Uint8Array(jpeg.length + 4)
  night.set(jpeg)
  night.set([0x6e, 0x69, 0x74, 0x65], jpeg.length)
  return {
    'sunset.jpg': jpeg,
    'city-at-night.jpg': night,
    'micropub-rocks.png': png,
    'micropub-rocks.gif': GIF,
  }
}

/** The suite's multipart request: `fields` as form fields, `files` as file parts. */
async function multipart(ctx, url, fields, files) {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  for (const [field, name, type] of files) {
    form.append(field, new File([ctx.files[name]], name, { type }))
  }
  const res = await ctx.fetch(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ctx.token}`, Accept: 'application/json' },
    body: form,
  })
  return { status: res.status, location: res.headers.get('Location'), text: await res.text() }
}

/** "Check that the photo appears in the post": `count` images of ours on its page. */
async function showsUploads(check, http, url, count) {
  const html = await showsPage(check, http, url)
  const ours = new Set(
    [...html.matchAll(/<img\b[^>]*\bsrc="([^"]*\/media\/[0-9a-f]{64})"/g)].map((m) => m[1]),
  )
  check.that(ours.size === count, `the post shows ${ours.size} uploaded photos, not ${count}`)
}

/** 700–702: discover the media endpoint, upload one file, and find it at its Location. */
function mediaEndpointTest(number, file, type) {
  return [
    number,
    `Upload a ${file.split('.').pop()} to the Media Endpoint`,
    async (check, http, ctx) => {
      const config = await http.query('q=config')
      check.that(config.status === 200, `q=config answered ${config.status}`)
      const endpoint = config.json?.['media-endpoint']
      if (!check.that(/^https?:\/\/[^/]+\/[^/]*/.test(endpoint ?? ''), 'no media-endpoint')) return
      const res = await multipart(ctx, endpoint, {}, [['file', file, type]])
      check.that(res.status === 201, `upload answered ${res.status}: ${res.text.slice(0, 200)}`)
      if (!check.that(Boolean(res.location), 'no Location header')) return
      const served = await ctx.fetch(res.location)
      await served.arrayBuffer()
      check.that(served.status === 200, `the file answered ${served.status}`)
      const served_type = served.headers.get('Content-Type')
      check.that(served_type === type, `the file is served as ${served_type}, not ${type}`)
    },
  ]
}

/** Number, name, and what the test sends and checks. */
export const MEDIA_TESTS = [
  [
    300,
    'Create an h-entry with a photo (multipart)',
    async (check, http, ctx) => {
      const res = await multipart(
        ctx,
        ctx.endpoint,
        { h: 'entry', content: 'Nice sunset tonight' },
        [['photo', 'sunset.jpg', 'image/jpeg']],
      )
      const url = created(check, res)
      if (url) await showsUploads(check, http, url, 1)
    },
  ],
  [
    301,
    'Create an h-entry with two photos (multipart)',
    async (check, http, ctx) => {
      const res = await multipart(
        ctx,
        ctx.endpoint,
        { h: 'entry', content: 'Nice sunset tonight' },
        [
          ['photo[]', 'sunset.jpg', 'image/jpeg'],
          ['photo[]', 'city-at-night.jpg', 'image/jpeg'],
        ],
      )
      const url = created(check, res)
      if (url) await showsUploads(check, http, url, 2)
    },
  ],
  mediaEndpointTest(700, 'sunset.jpg', 'image/jpeg'),
  mediaEndpointTest(701, 'micropub-rocks.png', 'image/png'),
  mediaEndpointTest(702, 'micropub-rocks.gif', 'image/gif'),
]
