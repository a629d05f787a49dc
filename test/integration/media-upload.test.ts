/**
 * Uploading: files stored in real local R2 by their SHA-256, their type read from the bytes,
 * photos without their GPS; every refusal leaves R2 and the coordinator as they were.
 */
import { env } from 'cloudflare:workers'
import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, client, SITE, storeSnapshot } from '../helpers'
import { photo } from '../support/photos'
import { GIF, PDF, mp3, publisherToken, r2Snapshot, upload, uploaded } from '../support/media'
import { KIND_LIMITS, REQUEST_LIMIT } from '../../src/media/limits'

afterEach(() => reset())

const hex = async (bytes: Uint8Array) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')

/** What R2 and the coordinator hold, to compare before and after a refusal. */
const everything = async () => ({ r2: await r2Snapshot(), ...(await storeSnapshot()) })

describe('POST /api/media', () => {
  it('stores a photo under the SHA-256 of its bytes, without its GPS, and serves it', async () => {
    const res = await upload(photo('gps.jpg'), 'image/jpeg')
    expect(res.status).toBe(201)
    const file = await res.json<any>()
    expect(file).toMatchObject({ type: 'image/jpeg', kind: 'image' })
    expect(file.stripped).toEqual(
      expect.arrayContaining(['EXIF:GPS', 'exif:GPSLatitude', 'IPTC:Sub-location']),
    )
    expect(file.url).toBe(`${SITE}/media/${file.key}`)
    expect(res.headers.get('Location')).toBe(file.url)
    const served = await client(null).get(`/media/${file.key}`)
    expect(served.status).toBe(200)
    const bytes = new Uint8Array(await served.arrayBuffer())
    expect(await hex(bytes)).toBe(file.key)
    expect(bytes.length).toBe(file.size)
    expect(String.fromCharCode(...bytes)).not.toMatch(/GPSLatitude/)
    expect(Object.keys(await r2Snapshot())).toEqual([file.key])
  })

  it('stores the same bytes once, however often and by whomever they are sent', async () => {
    const first = await upload(photo('gps.png'), 'image/png')
    expect(first.status).toBe(201)
    const again = await upload(photo('gps.png'), 'application/octet-stream')
    expect(again.status).toBe(200)
    const other = await upload(photo('gps.png'), 'image/png', await publisherToken('city-desk'))
    expect(other.status).toBe(201)
    const keys = new Set([first, again, other].map((r) => r.headers.get('Location')))
    expect(keys.size).toBe(1)
    expect(Object.keys(await r2Snapshot())).toHaveLength(1)
  })

  it('takes the file as multipart/form-data, in the field "file"', async () => {
    const form = new FormData()
    form.append('file', new File([photo('gps.webp')], 'IMG_0001.webp', { type: 'image/webp' }))
    const res = await client().fetch('/api/media', {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
      body: form,
    })
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({
      type: 'image/webp',
      stripped: expect.arrayContaining(['EXIF:GPS']),
    })
  })

  it('stores audio, video, GIF and PDF as the bytes say', async () => {
    expect((await uploaded(mp3(20_000), 'audio/mpeg')).type).toBe('audio/mpeg')
    expect((await uploaded(GIF, 'image/gif')).type).toBe('image/gif')
    expect((await uploaded(PDF, '')).type).toBe('application/pdf')
  })

  describe('refuses, storing nothing', () => {
    const refusals: [string, () => Promise<Response>, number, RegExp][] = [
      [
        'a type edgefeed does not store',
        () => upload(new TextEncoder().encode('<svg onload=alert(1)>'), 'image/svg+xml'),
        415,
        /not one edgefeed stores/,
      ],
      [
        'a Content-Type that lies about the bytes',
        () => upload(PDF, 'image/png'),
        415,
        /says the file is image\/png, but its bytes are application\/pdf/,
      ],
      [
        'a PNG sent as a JPEG',
        () => upload(photo('gps.png'), 'image/jpeg'),
        415,
        /bytes are image\/png/,
      ],
      ['an empty file', () => upload(new Uint8Array(), 'image/jpeg'), 400, /empty/],
      [
        'a request over the limit, naming it',
        () => upload(new Uint8Array(REQUEST_LIMIT + 1), 'audio/mpeg'),
        413,
        /at most 25 MiB \(26214400 bytes\)/,
      ],
      ['no token', () => upload(photo('gps.jpg'), 'image/jpeg', null), 401, /Bearer/],
    ]
    it.each(refusals)('%s', async (_, send, status, detail) => {
      const before = await everything()
      const res = await send()
      expect(res.status).toBe(status)
      expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
      expect((await res.json<any>()).detail).toMatch(detail)
      expect(await everything()).toEqual(before)
    })

    it('a token issued without the media scope (403 insufficient_scope); listing needs none', async () => {
      const res = await client().json('POST', '/api/publishers', {
        name: 'writer-only',
        scopes: ['create', 'update', 'delete'],
      })
      const { token } = await res.json<{ token: string }>()
      const before = await everything()
      const refused = await upload(photo('gps.jpg'), 'image/jpeg', token)
      expect(refused.status).toBe(403)
      expect(refused.headers.get('WWW-Authenticate')).toMatch(/insufficient_scope.*scope="media"/)
      expect(await refused.json()).toMatchObject({ scope: 'media' })
      const parts = await client(token).fetch('/api/media/uploads', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
      })
      expect(parts.status).toBe(403)
      expect(await everything()).toEqual(before)
      expect((await client(token).api('/api/media')).status).toBe(200)
    })

    it('a form without a file', async () => {
      const before = await everything()
      const form = new FormData()
      form.append('title', 'no file here')
      const res = await client().fetch('/api/media', {
        method: 'POST',
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
        body: form,
      })
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ errors: [{ pointer: '/file' }] })
      expect(await everything()).toEqual(before)
    })
  })

  it('says each kind’s limit', () => {
    expect(KIND_LIMITS.image).toBe(REQUEST_LIMIT)
    expect(KIND_LIMITS.video).toBeGreaterThan(KIND_LIMITS.audio)
  })

  it('keeps what R2 stores with the file: its type, a year of caching, a download for a PDF', async () => {
    const pdf = await uploaded(PDF, 'application/pdf')
    const object = await env.MEDIA.head(pdf.key)
    expect(object?.httpMetadata).toMatchObject({
      contentType: 'application/pdf',
      cacheControl: 'public, max-age=31536000, immutable',
      contentDisposition: `attachment; filename="${pdf.key.slice(0, 16)}.pdf"`,
    })
  })
})
