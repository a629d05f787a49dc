/** Types read from the bytes, and what a declared Content-Type may say about them. */
import { describe, expect, it } from 'vitest'
import { sniff } from '../../src/media/sniff'
import { storedTypeOf } from '../../src/media/types'

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)),
  )
const u32 = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]
const ftyp = (major: string, ...compatible: string[]) =>
  bytes(u32(16 + 4 * compatible.length), 'ftyp', major, [0, 0, 0, 0], ...compatible)
/** An Ogg page whose first packet starts with `packet`. */
const ogg = (packet: string | number[]) =>
  bytes(
    'OggS',
    [0, 2],
    Array(20).fill(0),
    [1, 19],
    typeof packet === 'string' ? packet : packet,
    Array(12).fill(0),
  )

describe('sniffing', () => {
  it.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    ['PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'],
    ['GIF 89a', bytes('GIF89a'), 'image/gif'],
    ['GIF 87a', bytes('GIF87a'), 'image/gif'],
    ['WebP', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['WAV', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '), 'audio/wav'],
    ['AVIF', ftyp('avif', 'mif1', 'miaf'), 'image/avif'],
    ['AVIF under mif1', ftyp('mif1', 'avif'), 'image/avif'],
    ['M4A', ftyp('M4A ', 'isom'), 'audio/mp4'],
    ['MP4', ftyp('isom', 'iso2', 'avc1', 'mp41'), 'video/mp4'],
    ['MP4 (mp42)', ftyp('mp42', 'isom'), 'video/mp4'],
    ['an isom file that says it is M4A', ftyp('isom', 'M4A '), 'audio/mp4'],
    ['PDF', bytes('%PDF-1.7\n'), 'application/pdf'],
    ['MP3 with ID3', bytes('ID3', [4, 0, 0, 0, 0, 0, 0]), 'audio/mpeg'],
    ['MP3 frame (MPEG-1 layer III, 128 kbit/s)', bytes([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg'],
    ['AAC in ADTS', bytes([0xff, 0xf1, 0x50, 0x80]), 'audio/aac'],
    ['Ogg Opus', ogg('OpusHead'), 'audio/ogg'],
    ['Ogg Vorbis', ogg([1, ...bytes('vorbis')]), 'audio/ogg'],
    [
      'WebM',
      bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 1, 0x42, 0x82, 0x84], 'webm'),
      'video/webm',
    ],
    [
      'a WordPress export (WXR 1.2), as WordPress writes it',
      bytes(
        '<?xml version="1.0" encoding="UTF-8" ?>\n<!-- This is a WordPress eXtended RSS file -->\n',
        '<!-- generator="WordPress/6.4.2" -->\n<rss version="2.0"\n\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"\n',
        '\txmlns:wp="http://wordpress.org/export/1.2/"\n>\n<channel>',
      ),
      'application/rss+xml',
    ],
    [
      'a WXR 1.0 export with a BOM and no XML declaration',
      bytes([0xef, 0xbb, 0xbf], "<rss version='2.0' xmlns:wp='http://wordpress.org/export/1.0/'>"),
      'application/rss+xml',
    ],
  ])('%s', (_, file, type) => {
    expect(sniff(file)).toBe(type)
  })

  it.each([
    ['SVG (scripts run in it)', bytes('<svg xmlns="http://www.w3.org/2000/svg">')],
    ['HTML', bytes('<!doctype html><script>')],
    ['QuickTime', ftyp('qt  ', 'qt  ')],
    ['HEIC', ftyp('heic', 'mif1')],
    [
      'Matroska',
      bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 1, 0x42, 0x82, 0x88], 'matroska'),
    ],
    ['Ogg Theora', ogg([0x80, ...bytes('theora')])],
    ['AVI', bytes('RIFF', [0, 0, 0, 0], 'AVI LIST')],
    ['a ZIP', bytes('PK', [3, 4])],
    ['an MPEG frame with a reserved version', bytes([0xff, 0xeb, 0x90, 0x64])],
    ['nothing', bytes()],
    ['text', bytes('hello')],
    ['an RSS feed', bytes('<?xml version="1.0"?><rss version="2.0"><channel>')],
    [
      'an RSS feed naming WXR in its content',
      bytes('<rss version="2.0"><channel><description>http://wordpress.org/export/1.2/'),
    ],
    ['WXR on another root', bytes('<feed xmlns:wp="http://wordpress.org/export/1.2/">')],
    [
      'an export in Latin-1',
      bytes(
        '<?xml version="1.0" encoding="ISO-8859-1"?><rss xmlns:wp="http://wordpress.org/export/1.2/">',
      ),
    ],
    ['an element before the root', bytes('<x/><rss xmlns:wp="http://wordpress.org/export/1.2/">')],
  ])('refuses %s', (_, file) => {
    expect(sniff(file)).toBeUndefined()
  })
})

describe('a declared Content-Type', () => {
  it('may say nothing, or say what the bytes are, by any of its names', () => {
    expect(storedTypeOf('image/jpeg', '')).toBe('image/jpeg')
    expect(storedTypeOf('image/jpeg', 'application/octet-stream')).toBe('image/jpeg')
    expect(storedTypeOf('image/jpeg', 'image/jpg')).toBe('image/jpeg')
    expect(storedTypeOf('audio/mpeg', 'audio/mp3')).toBe('audio/mpeg')
    expect(storedTypeOf('audio/wav', 'Audio/X-WAV; charset=binary')).toBe('audio/wav')
    expect(storedTypeOf('application/rss+xml', 'text/xml; charset=UTF-8')).toBe(
      'application/rss+xml',
    )
  })

  it('refines a container: an MP4 of audio is an M4A', () => {
    expect(storedTypeOf('video/mp4', 'audio/mp4')).toBe('audio/mp4')
    expect(storedTypeOf('video/mp4', 'audio/x-m4a')).toBe('audio/mp4')
    expect(storedTypeOf('video/webm', 'audio/webm')).toBe('audio/webm')
  })

  it('that names another type is a lie', () => {
    expect(storedTypeOf('application/pdf', 'image/png')).toBeUndefined()
    expect(storedTypeOf('image/png', 'image/jpeg')).toBeUndefined()
    expect(storedTypeOf('image/jpeg', 'text/html')).toBeUndefined()
    expect(storedTypeOf('audio/mp4', 'video/webm')).toBeUndefined()
  })
})
