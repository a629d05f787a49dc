/**
 * Serving files from R2: Range (206, 416), If-Range, If-None-Match, HEAD, a year of caching,
 * the stored type, downloads for PDFs; the variant ladder through the Images binding.
 */
import { env } from 'cloudflare:workers'
import { reset } from 'cloudflare:test'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { client } from '../helpers'
import { photo } from '../support/photos'
import { GIF, PDF, mp3, uploaded } from '../support/media'

afterEach(() => reset())

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  client(null).fetch(path, { method, headers })

describe('GET /media/{sha256}', () => {
  let key = ''
  let size = 0
  beforeEach(async () => {
    ;({ key, size } = await uploaded(mp3(50_000), 'audio/mpeg'))
  })

  it('serves the whole file, cached for a year, with a strong ETag', async () => {
    const res = await get(`/media/${key}`)
    expect(res.status).toBe(200)
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'content-type': 'audio/mpeg',
      'content-length': String(size),
      'accept-ranges': 'bytes',
      'cache-control': 'public, max-age=31536000, immutable',
      etag: `"${key}"`,
      'cache-tag': `m:${key}`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'access-control-allow-origin': '*',
    })
    expect(res.headers.get('Last-Modified')).toMatch(/GMT$/)
    expect((await res.arrayBuffer()).byteLength).toBe(size)
  })

  it('answers a range with 206, as a player asks for it', async () => {
    const res = await get(`/media/${key}`, { Range: 'bytes=100-199' })
    expect(res.status).toBe(206)
    expect(res.headers.get('Content-Range')).toBe(`bytes 100-199/${size}`)
    expect(res.headers.get('Content-Length')).toBe('100')
    const whole = new Uint8Array(await (await get(`/media/${key}`)).arrayBuffer())
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(whole.subarray(100, 200))
  })

  it('answers open and suffix ranges, and a range past the end with 416', async () => {
    const open = await get(`/media/${key}`, { Range: `bytes=${size - 10}-` })
    expect(open.status).toBe(206)
    expect(open.headers.get('Content-Range')).toBe(`bytes ${size - 10}-${size - 1}/${size}`)
    expect((await open.arrayBuffer()).byteLength).toBe(10)
    const suffix = await get(`/media/${key}`, { Range: 'bytes=-20' })
    expect(suffix.headers.get('Content-Range')).toBe(`bytes ${size - 20}-${size - 1}/${size}`)
    await suffix.arrayBuffer()
    const past = await get(`/media/${key}`, { Range: `bytes=${size}-` })
    expect(past.status).toBe(416)
    expect(past.headers.get('Content-Range')).toBe(`bytes */${size}`)
  })

  it('serves the whole file for several ranges, or an If-Range that no longer holds', async () => {
    const several = await get(`/media/${key}`, { Range: 'bytes=0-1,5-6' })
    expect(several.status).toBe(200)
    await several.arrayBuffer()
    const stale = await get(`/media/${key}`, { Range: 'bytes=0-1', 'If-Range': '"other"' })
    expect(stale.status).toBe(200)
    await stale.arrayBuffer()
    const current = await get(`/media/${key}`, { Range: 'bytes=0-1', 'If-Range': `"${key}"` })
    expect(current.status).toBe(206)
    await current.arrayBuffer()
  })

  it('answers If-None-Match with 304, and HEAD with the headers alone', async () => {
    const cached = await get(`/media/${key}`, { 'If-None-Match': `W/"${key}"` })
    expect(cached.status).toBe(304)
    expect(cached.headers.get('ETag')).toBe(`"${key}"`)
    expect(await cached.text()).toBe('')
    const head = await get(`/media/${key}`, {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers.get('Content-Length')).toBe(String(size))
    expect(await head.text()).toBe('')
  })

  it('makes a PDF a download; a photo is shown inline', async () => {
    const pdf = await uploaded(PDF, 'application/pdf')
    const res = await get(`/media/${pdf.key}`)
    expect(res.headers.get('Content-Disposition')).toBe(
      `attachment; filename="${pdf.key.slice(0, 16)}.pdf"`,
    )
    await res.arrayBuffer()
    const jpeg = await uploaded(photo('gps.jpg'), 'image/jpeg')
    const shown = await get(`/media/${jpeg.key}`)
    expect(shown.headers.get('Content-Disposition')).toMatch(/^inline;/)
    await shown.arrayBuffer()
  })

  it('answers 404 for a key nothing is stored under', async () => {
    const res = await get(`/media/${'0'.repeat(64)}`)
    expect(res.status).toBe(404)
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=60')
  })
})

/** A WebP's width, from its VP8, VP8L or VP8X header. */
function webpWidth(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset)
  const chunk = String.fromCharCode(...bytes.subarray(12, 16))
  if (chunk === 'VP8X') return 1 + (view.getUint32(24, true) & 0xffffff)
  if (chunk === 'VP8L') return 1 + (view.getUint16(21, true) & 0x3fff)
  return view.getUint16(26, true) & 0x3fff
}

describe('the variant ladder', () => {
  it('makes each width once, as WebP, and keeps it in R2', async () => {
    const { key } = await uploaded(photo('gps.png'), 'image/png')
    const res = await get(`/media/${key}/320.webp`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('image/webp')
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('ETag')).toBe(`"${key}-320"`)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect(String.fromCharCode(...bytes.subarray(8, 12))).toBe('WEBP')
    // The photo is 96 px wide: scale-down never enlarges it.
    expect(webpWidth(bytes)).toBeLessThanOrEqual(96)
    expect(await env.MEDIA.head(`variants/${key}/320.webp`)).not.toBeNull()
    const spy = vi.spyOn(env.IMAGES, 'input')
    const again = await get(`/media/${key}/320.webp`)
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(bytes)
    expect(spy).not.toHaveBeenCalled()
  })

  it('gives a wide photo each width of the ladder', async () => {
    // An 800 px photo, made from the test photo by the Images binding itself.
    const wide = await env.IMAGES.input(new Blob([photo('gps.jpg')]).stream())
      .transform({ width: 800, height: 533, fit: 'cover' })
      .output({ format: 'image/jpeg' })
    const { key } = await uploaded(
      new Uint8Array(await new Response(wide.image()).arrayBuffer()),
      'image/jpeg',
    )
    for (const width of [320, 640]) {
      const res = await get(`/media/${key}/${width}.webp`)
      expect(webpWidth(new Uint8Array(await res.arrayBuffer()))).toBe(width)
    }
    const widest = await get(`/media/${key}/1280.webp`)
    expect(webpWidth(new Uint8Array(await widest.arrayBuffer()))).toBe(800)
  })

  it('only for the ladder’s widths; a GIF is shown as it is', async () => {
    const { key } = await uploaded(photo('gps.jpg'), 'image/jpeg')
    expect((await get(`/media/${key}/500.webp`)).status).toBe(404)
    const gif = await uploaded(GIF, 'image/gif')
    const res = await get(`/media/${gif.key}/640.webp`)
    expect(res.status).toBe(301)
    expect(res.headers.get('Location')).toBe(`/media/${gif.key}`)
  })
})
