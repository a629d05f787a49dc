/**
 * What a file is, read from its first bytes (its magic numbers), never from its name or the
 * Content-Type a client sent. A short table for the fifteen types edgefeed stores: a general
 * detector (`file-type`) knows some 150 formats we would refuse anyway and tells an audio MP4
 * from a video one by the same brands this does (docs/media.md).
 */
import type { StoredType } from './types'

/** How many leading bytes `sniff` reads; a caller may pass fewer for a short file. */
export const SNIFF_BYTES = 4096

const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length))

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b)

/** ISO base media (MP4, M4A, AVIF): the `ftyp` box's major and compatible brands. */
function isoBrands(bytes: Uint8Array): string[] | undefined {
  if (bytes.length < 16 || ascii(bytes, 4, 4) !== 'ftyp') return undefined
  const size = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0)
  const end = Math.min(size, bytes.length)
  const brands = [ascii(bytes, 8, 4)]
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, 4))
  return brands
}

const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A '])
const VIDEO_BRANDS = /^(isom|iso[2-9]|mp41|mp42|avc1|M4V |M4VH|M4VP|dash|mmp4|MSNV|f4v |av01)$/

function isoType(brands: string[]): StoredType | undefined {
  const [major] = brands
  if (brands.includes('avif') || brands.includes('avis')) return 'image/avif'
  if (AUDIO_BRANDS.has(major!)) return 'audio/mp4'
  // QuickTime (`qt  `), HEIC and 3GP share the box format but are not on the list.
  if (VIDEO_BRANDS.test(major!))
    return brands.some((b) => AUDIO_BRANDS.has(b)) ? 'audio/mp4' : 'video/mp4'
  return undefined
}

/** Matroska's EBML header: its DocType tells WebM from other Matroska files. */
function ebmlDocType(bytes: Uint8Array): string | undefined {
  if (!startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return undefined
  const end = Math.min(bytes.length, 64)
  for (let at = 4; at + 3 < end; at++) {
    if (bytes[at] === 0x42 && bytes[at + 1] === 0x82) {
      // One-byte size (0x80 | n), then the DocType itself.
      const size = bytes[at + 2]! & 0x7f
      return ascii(bytes, at + 3, size)
    }
  }
  return undefined
}

/** An MPEG audio frame header: layer III is MP3; layer "0" is AAC in ADTS. */
function mpegAudio(bytes: Uint8Array, at: number): StoredType | undefined {
  const b1 = bytes[at + 1]
  const b2 = bytes[at + 2]
  if (bytes[at] !== 0xff || b1 === undefined || b2 === undefined || (b1 & 0xe0) !== 0xe0) {
    return undefined
  }
  if ((b1 & 0xf6) === 0xf0) return ((b2 >> 2) & 0xf) < 13 ? 'audio/aac' : undefined
  const version = (b1 >> 3) & 3
  const layer = (b1 >> 1) & 3
  const bitrate = b2 >> 4
  const rate = (b2 >> 2) & 3
  return version !== 1 && layer === 1 && bitrate !== 15 && rate !== 3 ? 'audio/mpeg' : undefined
}

/** Ogg: the first packet names the codec; Opus and Vorbis are audio. */
function oggType(bytes: Uint8Array): StoredType | undefined {
  if (ascii(bytes, 0, 4) !== 'OggS' || bytes.length < 36) return undefined
  const segments = bytes[26]!
  const packet = 27 + segments
  if (ascii(bytes, packet, 8) === 'OpusHead') return 'audio/ogg'
  if (bytes[packet] === 1 && ascii(bytes, packet + 1, 6) === 'vorbis') return 'audio/ogg'
  return undefined
}

/** WXR's namespace, declared on the root: `http://wordpress.org/export/1.2/` and its kin. */
const WXR_NAMESPACE =
  /\sxmlns:[A-Za-z_][\w.-]*\s*=\s*(["'])http:\/\/wordpress\.org\/export\/\d+\.\d+\/\1/
/** What may come before the root: an XML declaration, comments, processing instructions. */
const PROLOG = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/

/**
 * A WordPress export: an XML document in UTF-8 whose root is `<rss>` declaring WXR's
 * namespace. Another XML file (a feed, an SVG, a sitemap) is not one.
 */
function isWxr(bytes: Uint8Array): boolean {
  const first = bytes[0]
  // A BOM, white space or `<`: anything else is not an XML document in UTF-8.
  if (
    first !== 0xef &&
    first !== 0x3c &&
    first !== 0x20 &&
    first !== 0x09 &&
    first !== 0x0a &&
    first !== 0x0d
  ) {
    return false
  }
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes)
  const declared = /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1]
  if (declared && !/^utf-?8$/i.test(declared)) return false
  const rest = text.slice(PROLOG.exec(text)![0].length)
  if (!/^<rss[\s>]/.test(rest)) return false
  const end = rest.indexOf('>')
  return end > 0 && WXR_NAMESPACE.test(rest.slice(4, end))
}

/** The stored type the bytes are, or undefined for anything not on the list. */
export function sniff(bytes: Uint8Array): StoredType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  const head = ascii(bytes, 0, 6)
  if (head === 'GIF87a' || head === 'GIF89a') return 'image/gif'
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf'
  if (isWxr(bytes)) return 'application/rss+xml'
  if (ascii(bytes, 0, 4) === 'RIFF') {
    const form = ascii(bytes, 8, 4)
    if (form === 'WEBP') return 'image/webp'
    if (form === 'WAVE') return 'audio/wav'
    return undefined
  }
  const brands = isoBrands(bytes)
  if (brands) return isoType(brands)
  const docType = ebmlDocType(bytes)
  if (docType !== undefined) return docType === 'webm' ? 'video/webm' : undefined
  if (ascii(bytes, 0, 4) === 'OggS') return oggType(bytes)
  // An ID3v2 tag leads most MP3 files; it can be large (cover art), so its presence decides.
  if (ascii(bytes, 0, 3) === 'ID3') return 'audio/mpeg'
  return mpegAudio(bytes, 0)
}
