/**
 * The media rows of the OpenAPI test's table (test/integration/openapi.test.ts): one request
 * per (route, status) the media calls answer, and the files and uploads they need, made first.
 */
import { mp3 } from './media'

type Send = (path: string, init?: RequestInit, bindings?: Partial<Env>) => Promise<Response>

interface Call {
  op: string
  status: number
  path: string
  init?: RequestInit
  bindings?: Partial<Env>
}

const MiB = 1024 * 1024
const auth = (token: string) => ({ Authorization: `Bearer ${token}` })
const raw = (token: string, bytes: Uint8Array, type = 'audio/mpeg'): RequestInit => ({
  method: 'POST',
  headers: { ...auth(token), 'Content-Type': type },
  body: bytes,
})
const json = (token: string, method: string, body: unknown): RequestInit => ({
  method,
  headers: { ...auth(token), 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
})
const part = (token: string, bytes: Uint8Array): RequestInit => ({
  method: 'PUT',
  headers: { ...auth(token), 'Content-Length': String(bytes.length) },
  body: bytes,
})

/** What the seeding made, for the rows to name. */
interface Seeded {
  /** The admin's file no article uses; one an article uses. */
  free: string
  used: string
  /** A publisher token issued without the media scope. */
  noMedia: string
  /** Uploads with their parts sent, and what completing each answers. */
  uploads: Record<
    'created' | 'again' | 'badParts' | 'tooLarge' | 'wrongType' | 'open' | 'abort',
    { id: string; parts: { part: number; etag: string }[] }
  >
}

let seeded: Seeded

async function expectOk(res: Response, status: number) {
  if (res.status !== status) throw new Error(`seeding: ${res.status} ${await res.text()}`)
  return res
}

/** Uploads `bytes` in parts of 5 MiB under a new upload; returns it. */
async function inParts(send: Send, token: string, bytes: Uint8Array) {
  const started = await expectOk(
    await send('/media/uploads', { method: 'POST', headers: auth(token) }),
    201,
  )
  const { upload } = await started.json<{ upload: string }>()
  const parts = []
  for (let at = 0, n = 1; at < bytes.length; at += 5 * MiB, n++) {
    const res = await expectOk(
      await send(`/media/uploads/${upload}/${n}`, part(token, bytes.subarray(at, at + 5 * MiB))),
      200,
    )
    parts.push(await res.json<{ part: number; etag: string }>())
  }
  return { id: upload, parts }
}

/** Makes the files and uploads the rows need: before the table runs. */
export async function seedMedia(send: Send, admin: string): Promise<void> {
  const free = await (
    await expectOk(await send('/media', raw(admin, mp3(3000, 1))), 201)
  ).json<{ key: string }>()
  const used = await (
    await expectOk(await send('/media', raw(admin, mp3(3000, 2))), 201)
  ).json<{ key: string; url: string }>()
  await expectOk(
    await send(
      '/articles/with-audio',
      json(admin, 'PUT', {
        title: 'With audio',
        content_text: 'Listen.',
        attachments: [{ url: used.url }],
      }),
    ),
    201,
  )
  const tooLarge = new Uint8Array(26 * MiB)
  tooLarge.set([0xff, 0xd8, 0xff, 0xe0])
  const issued = await expectOk(
    await send(
      '/publishers',
      json(admin, 'POST', { name: 'openapi-no-media', scopes: ['create'] }),
    ),
    201,
  )
  seeded = {
    noMedia: (await issued.json<{ token: string }>()).token,
    free: free.key,
    used: used.key,
    uploads: {
      created: await inParts(send, admin, mp3(4000, 3)),
      again: await inParts(send, admin, mp3(3000, 2)),
      badParts: await inParts(send, admin, mp3(4000, 4)),
      tooLarge: await inParts(send, admin, tooLarge),
      wrongType: await inParts(send, admin, new TextEncoder().encode('<html>')),
      open: await inParts(send, admin, mp3(100, 5)),
      abort: await inParts(send, admin, mp3(100, 6)),
    },
  }
}

/** The media rows; `misconfigured` gives a route's 500 and 503 rows. */
export function mediaCalls(
  admin: string,
  publisher: string,
  misconfigured: (op: string, path: string, init?: RequestInit) => Call[],
): Call[] {
  const { free, used, uploads, noMedia } = seeded
  const complete = (u: keyof Seeded['uploads'], body?: unknown) =>
    json(admin, 'POST', body ?? { parts: uploads[u].parts })
  const missing = 'f'.repeat(64)
  const bogus = 'bm90LWFuLXVwbG9hZA'
  const streamed = {
    method: 'PUT',
    headers: auth(admin),
    body: new Blob(['abc']).stream(),
    duplex: 'half',
  } as RequestInit
  return [
    { op: 'POST /media', status: 201, path: '/media', init: raw(admin, mp3(3000, 9)) },
    { op: 'POST /media', status: 200, path: '/media', init: raw(admin, mp3(3000, 1)) },
    { op: 'POST /media', status: 400, path: '/media', init: raw(admin, new Uint8Array()) },
    { op: 'POST /media', status: 401, path: '/media', init: raw('', mp3(100)) },
    {
      op: 'POST /media',
      status: 413,
      path: '/media',
      init: raw(admin, new Uint8Array(25 * MiB + 1)),
    },
    { op: 'POST /media', status: 415, path: '/media', init: raw(admin, mp3(3000), 'image/png') },
    { op: 'POST /media', status: 403, path: '/media', init: raw(noMedia, mp3(3000, 10)) },
    ...misconfigured('POST /media', '/media', raw(admin, mp3(3000))),

    { op: 'GET /media', status: 200, path: '/media?limit=1', init: { headers: auth(admin) } },
    { op: 'GET /media', status: 400, path: '/media?cursor=nope', init: { headers: auth(admin) } },
    { op: 'GET /media', status: 401, path: '/media' },
    ...misconfigured('GET /media', '/media', { headers: auth(admin) }),

    { op: 'GET /media/{key}', status: 200, path: `/media/${used}`, init: { headers: auth(admin) } },
    { op: 'GET /media/{key}', status: 401, path: `/media/${used}` },
    {
      op: 'GET /media/{key}',
      status: 403,
      path: `/media/${used}`,
      init: { headers: auth(publisher) },
    },
    {
      op: 'GET /media/{key}',
      status: 404,
      path: `/media/${missing}`,
      init: { headers: auth(admin) },
    },
    ...misconfigured('GET /media/{key}', `/media/${used}`, { headers: auth(admin) }),

    { op: 'DELETE /media/{key}', status: 401, path: `/media/${free}`, init: { method: 'DELETE' } },
    {
      op: 'DELETE /media/{key}',
      status: 403,
      path: `/media/${free}`,
      init: { method: 'DELETE', headers: auth(publisher) },
    },
    {
      op: 'DELETE /media/{key}',
      status: 409,
      path: `/media/${used}`,
      init: { method: 'DELETE', headers: auth(admin) },
    },
    {
      op: 'DELETE /media/{key}',
      status: 204,
      path: `/media/${free}`,
      init: { method: 'DELETE', headers: auth(admin) },
    },
    {
      op: 'DELETE /media/{key}',
      status: 404,
      path: `/media/${free}`,
      init: { method: 'DELETE', headers: auth(admin) },
    },
    ...misconfigured('DELETE /media/{key}', `/media/${used}`, {
      method: 'DELETE',
      headers: auth(admin),
    }),

    {
      op: 'POST /media/uploads',
      status: 201,
      path: '/media/uploads',
      init: { method: 'POST', headers: auth(admin) },
    },
    { op: 'POST /media/uploads', status: 401, path: '/media/uploads', init: { method: 'POST' } },
    {
      op: 'POST /media/uploads',
      status: 403,
      path: '/media/uploads',
      init: { method: 'POST', headers: auth(noMedia) },
    },
    ...misconfigured('POST /media/uploads', '/media/uploads', {
      method: 'POST',
      headers: auth(admin),
    }),

    {
      op: 'PUT /media/uploads/{upload}/{part}',
      status: 200,
      path: `/media/uploads/${uploads.open.id}/2`,
      init: part(admin, mp3(100)),
    },
    {
      op: 'PUT /media/uploads/{upload}/{part}',
      status: 403,
      path: `/media/uploads/${uploads.open.id}/2`,
      init: part(noMedia, mp3(100)),
    },
    {
      op: 'PUT /media/uploads/{upload}/{part}',
      status: 400,
      path: `/media/uploads/${uploads.open.id}/0`,
      init: part(admin, mp3(100)),
    },
    {
      op: 'PUT /media/uploads/{upload}/{part}',
      status: 401,
      path: `/media/uploads/${uploads.open.id}/2`,
      init: { method: 'PUT', body: 'x' },
    },
    {
      op: 'PUT /media/uploads/{upload}/{part}',
      status: 404,
      path: `/media/uploads/${bogus}/1`,
      init: part(admin, mp3(100)),
    },
    {
      op: 'PUT /media/uploads/{upload}/{part}',
      status: 411,
      path: `/media/uploads/${uploads.open.id}/3`,
      init: streamed,
    },
    {
      op: 'PUT /media/uploads/{upload}/{part}',
      status: 413,
      path: `/media/uploads/${uploads.open.id}/3`,
      init: {
        method: 'PUT',
        headers: { ...auth(admin), 'Content-Length': String(96 * MiB) },
        body: 'x',
      },
    },
    ...misconfigured(
      'PUT /media/uploads/{upload}/{part}',
      `/media/uploads/${uploads.open.id}/2`,
      part(admin, mp3(100)),
    ),

    {
      op: 'POST /media/uploads/{upload}/complete',
      status: 201,
      path: `/media/uploads/${uploads.created.id}/complete`,
      init: complete('created'),
    },
    {
      op: 'POST /media/uploads/{upload}/complete',
      status: 403,
      path: `/media/uploads/${uploads.open.id}/complete`,
      init: json(noMedia, 'POST', { parts: uploads.open.parts }),
    },
    {
      op: 'POST /media/uploads/{upload}/complete',
      status: 200,
      path: `/media/uploads/${uploads.again.id}/complete`,
      init: complete('again'),
    },
    {
      op: 'POST /media/uploads/{upload}/complete',
      status: 400,
      path: `/media/uploads/${uploads.badParts.id}/complete`,
      init: complete('badParts', { parts: [{ part: 1, etag: 'wrong' }] }),
    },
    {
      op: 'POST /media/uploads/{upload}/complete',
      status: 401,
      path: `/media/uploads/${uploads.open.id}/complete`,
      init: { method: 'POST' },
    },
    {
      op: 'POST /media/uploads/{upload}/complete',
      status: 404,
      path: `/media/uploads/${bogus}/complete`,
      init: complete('open'),
    },
    {
      op: 'POST /media/uploads/{upload}/complete',
      status: 413,
      path: `/media/uploads/${uploads.tooLarge.id}/complete`,
      init: complete('tooLarge'),
    },
    {
      op: 'POST /media/uploads/{upload}/complete',
      status: 415,
      path: `/media/uploads/${uploads.wrongType.id}/complete`,
      init: complete('wrongType'),
    },
    ...misconfigured(
      'POST /media/uploads/{upload}/complete',
      `/media/uploads/${uploads.open.id}/complete`,
      complete('open'),
    ),

    {
      op: 'DELETE /media/uploads/{upload}',
      status: 204,
      path: `/media/uploads/${uploads.abort.id}`,
      init: { method: 'DELETE', headers: auth(admin) },
    },
    {
      op: 'DELETE /media/uploads/{upload}',
      status: 401,
      path: `/media/uploads/${uploads.abort.id}`,
      init: { method: 'DELETE' },
    },
    {
      op: 'DELETE /media/uploads/{upload}',
      status: 403,
      path: `/media/uploads/${uploads.abort.id}`,
      init: { method: 'DELETE', headers: auth(noMedia) },
    },
    {
      op: 'DELETE /media/uploads/{upload}',
      status: 404,
      path: `/media/uploads/${bogus}`,
      init: { method: 'DELETE', headers: auth(admin) },
    },
    ...misconfigured('DELETE /media/uploads/{upload}', `/media/uploads/${uploads.open.id}`, {
      method: 'DELETE',
      headers: auth(admin),
    }),
  ]
}
