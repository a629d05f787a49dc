/**
 * GPS and location out of real photos (test/fixtures/media, made by exiftool: see
 * make-fixtures.sh), checked by our own reading and, where it is installed, by exiftool.
 */
import { describe, expect, it } from 'vitest'
import { stripLocation } from '../../src/media/gps'
import { hasTiffGps, stripTiffGps } from '../../src/media/gps/tiff'
import { sniff } from '../../src/media/sniff'
import type { StoredType } from '../../src/media/types'
import { exiftoolTags as exif, hasExiftool as exiftool } from '../support/exiftool.mjs'
import { photo as fixture, type PhotoName } from '../support/photos'

const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes)
const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

/** The image data itself: JPEG from its scan on, PNG's IDAT chunks, WebP's VP8 chunk. */
function pixels(bytes: Uint8Array, type: StoredType): string {
  const text = latin1(bytes)
  if (type === 'image/jpeg') return text.slice(text.indexOf('\xff\xda'))
  if (type === 'image/png') return text.slice(text.indexOf('IDAT') - 4)
  const vp8 = text.indexOf('VP8 ')
  return text.slice(
    vp8,
    vp8 + 8 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(vp8 + 4, true),
  )
}

const photos: [PhotoName, StoredType][] = [
  ['gps.jpg', 'image/jpeg'],
  ['gps.png', 'image/png'],
  ['gps.webp', 'image/webp'],
]

describe.each(photos)('%s', (name, type) => {
  it('is sniffed as what it is', () => {
    expect(sniff(fixture(name))).toBe(type)
  })

  it('loses its GPS and precise location, keeping the picture byte for byte', async () => {
    const original = fixture(name)
    const { bytes, removed } = await stripLocation(original.slice(), type)
    expect(removed).toContain('EXIF:GPS')
    expect(removed).toEqual(expect.arrayContaining(['exif:GPSLatitude', 'exif:GPSLongitude']))
    expect(removed).toContain('Iptc4xmpCore:Location')
    expect(latin1(bytes)).not.toMatch(/GPSLatitude|GPSLongitude/)
    expect(utf8(bytes)).not.toContain('信義路五段7號')
    expect(pixels(bytes, type)).toBe(pixels(original, type))
    // Edited in place: WebP keeps its length (JPEG's IPTC and PNG's XMP chunk are rewritten).
    if (type === 'image/webp') expect(bytes.length).toBe(original.length)
  })

  it('keeps orientation, colour profile, copyright and city (checked by exiftool)', async (ctx) => {
    if (!exiftool) {
      ctx.skip()
      return
    }
    const { bytes } = await stripLocation(fixture(name).slice(), type)
    const tags = exif(bytes)
    const names = Object.keys(tags)
    expect(names.filter((t) => /GPS|Location|Sub-location/i.test(t))).toEqual([])
    expect(tags['IFD0:Orientation']).toBe('Rotate 90 CW')
    expect(tags['IFD0:Copyright']).toBe('© 2026 Example Daily')
    expect(tags['XMP-dc:Rights']).toBe('© 2026 Example Daily')
    expect(tags['XMP-photoshop:City']).toBe('台北')
    expect(tags['ICC_Profile:ProfileDescription']).toBe('Compatible with Adobe RGB (1998)')
    expect(names.filter((t) => /warning|error/i.test(t))).toEqual([])
  })

  it('is left alone when it carries no location', async () => {
    const { bytes } = await stripLocation(fixture(name).slice(), type)
    const again = await stripLocation(bytes.slice(), type)
    expect(again.removed).toEqual([])
    expect(again.bytes).toEqual(bytes)
  })
})

describe('the IPTC block of a JPEG', () => {
  it('loses its sub-location and keeps its city', async (ctx) => {
    const { removed, bytes } = await stripLocation(fixture('gps.jpg'), 'image/jpeg')
    expect(removed).toContain('IPTC:Sub-location')
    if (!exiftool) return ctx.skip()
    expect(exif(bytes)['IPTC:City']).toBe('台北')
  })
})

/** A TIFF structure: IFD0 with `entries`, written big- or little-endian. */
function tiff(
  little: boolean,
  entries: [tag: number, type: number, count: number, value: number][],
) {
  const bytes = new Uint8Array(256)
  const view = new DataView(bytes.buffer)
  bytes.set(little ? [0x49, 0x49] : [0x4d, 0x4d])
  view.setUint16(2, 42, little)
  view.setUint32(4, 8, little)
  view.setUint16(8, entries.length, little)
  entries.forEach(([tag, type, count, value], i) => {
    view.setUint16(10 + 12 * i, tag, little)
    view.setUint16(12 + 12 * i, type, little)
    view.setUint32(14 + 12 * i, count, little)
    view.setUint32(18 + 12 * i, value, little)
  })
  return { bytes, view }
}

describe('the TIFF structure', () => {
  it.each([true, false])(
    'removes the GPS pointer and keeps the entries around it (II: %s)',
    (little) => {
      const { bytes, view } = tiff(little, [
        [0x0112, 3, 1, little ? 6 : 6 << 16],
        [0x8825, 4, 1, 100],
        [0x8298, 2, 4, little ? 0x00434241 : 0x41424300],
      ])
      // The GPS IFD: one RATIONAL[3] latitude stored out of line at 150.
      view.setUint16(100, 1, little)
      view.setUint16(102, 2, little)
      view.setUint16(104, 5, little)
      view.setUint32(106, 3, little)
      view.setUint32(110, 150, little)
      bytes.fill(7, 150, 174)
      expect(stripTiffGps(bytes, 0, bytes.length)).toBe(true)
      expect(hasTiffGps(bytes, 0, bytes.length)).toBe(false)
      expect(view.getUint16(8, little)).toBe(2)
      expect(view.getUint16(10, little)).toBe(0x0112)
      expect(view.getUint16(22, little)).toBe(0x8298)
      expect([...bytes.subarray(100, 174)].every((b) => b === 0)).toBe(true)
    },
  )

  it('refuses a GPS pointer outside the block, so the caller drops the block', () => {
    const { bytes } = tiff(false, [[0x8825, 4, 1, 5000]])
    expect(() => stripTiffGps(bytes, 0, bytes.length)).toThrow(/outside the block/)
  })
})
