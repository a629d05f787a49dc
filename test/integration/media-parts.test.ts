/**
 * Files larger than one request: parts streamed to R2's multipart upload API, then checked,
 * hashed and stored like any upload; refused files leave nothing behind.
 */
import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, client, storeSnapshot } from '../helpers'
import { mp3, publisherToken, r2Snapshot } from '../support/media'
import { photo } from '../support/photos'

afterEach(() => reset())

const MiB = 1024 * 1024
const api = (token = ADMIN_TOKEN) => client(token)
const auth = (token = ADMIN_TOKEN) => ({ Authorization: `Bearer ${token}` })

async function start(token = ADMIN_TOKEN): Promise<string> {
  const res = await api(token).fetch('/api/media/uploads', { method: 'POST', headers: auth(token) })
  expect(res.status).toBe(201)
  const { upload } = await res.json<{ upload: string }>()
  expect(res.headers.get('Location')).toBe(`/api/media/uploads/${upload}`)
  return upload
}

const sendPart = (upload: string, n: number, bytes: Uint8Array, token = ADMIN_TOKEN) =>
  api(token).fetch(`/api/media/uploads/${upload}/${n}`, {
    method: 'PUT',
    headers: { ...auth(token), 'Content-Length': String(bytes.length) },
    body: bytes,
  })

/** Uploads `bytes` in parts of `size`; returns the parts as the completion wants them. */
async function parts(upload: string, bytes: Uint8Array, size = 5 * MiB) {
  const done = []
  for (let at = 0, n = 1; at < bytes.length; at += size, n++) {
    const res = await sendPart(upload, n, bytes.subarray(at, at + size))
    expect(res.status).toBe(200)
    done.push(await res.json<{ part: number; etag: string }>())
  }
  return done
}

const complete = (upload: string, body: unknown, token = ADMIN_TOKEN) =>
  api(token).json('POST', `/api/media/uploads/${upload}/complete`, body)

describe('an upload in parts', () => {
  it('stores a 6 MiB MP3 under its SHA-256, its parts gone', async () => {
    const audio = mp3(6 * MiB)
    const upload = await start()
    const res = await complete(upload, { parts: await parts(upload, audio), type: 'audio/mpeg' })
    expect(res.status).toBe(201)
    const file = await res.json<any>()
    expect(file).toMatchObject({ type: 'audio/mpeg', kind: 'audio', size: 6 * MiB })
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', audio))
    expect(file.key).toBe([...digest].map((b) => b.toString(16).padStart(2, '0')).join(''))
    expect(await r2Snapshot()).toEqual({ [file.key]: 6 * MiB })
    const range = await client(null).get(`/media/${file.key}`, { Range: 'bytes=0-2' })
    expect(await range.text()).toBe('ID3')
  })

  it('takes a photo in parts through the same checks: its GPS goes', async () => {
    const upload = await start()
    const res = await complete(upload, { parts: await parts(upload, photo('gps.jpg')) })
    expect(res.status).toBe(201)
    expect((await res.json<any>()).stripped).toContain('EXIF:GPS')
  })

  it('refuses a file of the wrong type, deleting its parts', async () => {
    const upload = await start()
    const done = await parts(upload, new Uint8Array(6 * MiB).fill(0x41))
    const before = await storeSnapshot()
    const res = await complete(upload, { parts: done })
    expect(res.status).toBe(415)
    expect(await r2Snapshot()).toEqual({})
    expect(await storeSnapshot()).toEqual(before)
  })

  it("refuses a file over its kind's limit with 413 naming it, deleting its parts", async () => {
    // A JPEG of 26 MiB: the photo, then image data up to one MiB past the images' limit.
    const big = new Uint8Array(26 * MiB)
    big.set(photo('gps.jpg'))
    const upload = await start()
    const done = await parts(upload, big, 13 * MiB)
    const before = await storeSnapshot()
    const res = await complete(upload, { parts: done })
    expect(res.status).toBe(413)
    expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
    expect((await res.json<any>()).detail).toMatch(
      /\(image\) may be at most 25 MiB \(26214400 bytes\)/,
    )
    expect(await r2Snapshot()).toEqual({})
    expect(await storeSnapshot()).toEqual(before)
  })

  it('refuses a type that the bytes contradict, and parts that do not make the upload', async () => {
    const upload = await start()
    const done = await parts(upload, mp3(6 * MiB))
    expect((await complete(upload, { parts: done, type: 'video/mp4' })).status).toBe(415)
    const other = await start()
    await parts(other, mp3(6 * MiB, 2))
    const wrong = await complete(other, { parts: [{ part: 1, etag: 'nope' }] })
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toMatchObject({ errors: [{ pointer: '/parts' }] })
  })

  it("is the uploader's alone: another token names no upload", async () => {
    const upload = await start()
    const bob = await publisherToken('bob')
    expect((await sendPart(upload, 1, mp3(1000), bob)).status).toBe(404)
    expect((await complete(upload, { parts: [{ part: 1, etag: 'x' }] }, bob)).status).toBe(404)
    expect(
      (
        await api().fetch('/api/media/uploads/not-ours/1', {
          method: 'PUT',
          headers: { ...auth(), 'Content-Length': '1' },
          body: 'x',
        })
      ).status,
    ).toBe(404)
  })

  it('refuses a part without its length, or over the limit', async () => {
    const upload = await start()
    const streamed = await api().fetch(`/api/media/uploads/${upload}/1`, {
      method: 'PUT',
      headers: auth(),
      body: new Blob(['abc']).stream(),
      duplex: 'half',
    } as RequestInit)
    expect(streamed.status).toBe(411)
    const big = await api().fetch(`/api/media/uploads/${upload}/1`, {
      method: 'PUT',
      headers: { ...auth(), 'Content-Length': String(96 * MiB) },
      body: 'x',
    })
    expect(big.status).toBe(413)
  })

  it('can be given up: its parts go', async () => {
    const upload = await start()
    await parts(upload, mp3(6 * MiB))
    const res = await api().fetch(`/api/media/uploads/${upload}`, {
      method: 'DELETE',
      headers: auth(),
    })
    expect(res.status).toBe(204)
    expect((await complete(upload, { parts: [{ part: 1, etag: 'x' }] })).status).toBe(404)
    expect(await r2Snapshot()).toEqual({})
  })
})
