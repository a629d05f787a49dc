/**
 * Location out of a PNG without touching its image data: the eXIf chunk's GPS is removed in
 * place, XMP (iTXt `XML:com.adobe.xmp`, inflated first when compressed) loses its location
 * properties, and ImageMagick's legacy "Raw profile type" text chunks, hex-encoded EXIF or
 * XMP that no reader shows, are dropped. Every chunk edited gets its CRC again.
 */
import { MalformedTiff, stripTiffGps } from './tiff'
import { stripXmpLocation } from './xmp'
import { concat, crc32, latin1Bytes } from './bytes'
import type { Stripped } from './index'

const SIGNATURE = 8
const XMP_KEYWORD = 'XML:com.adobe.xmp'
const RAW_PROFILE = /^Raw profile type /

interface Chunk {
  type: string
  data: Uint8Array
}

function chunkBytes({ type, data }: Chunk): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  out.set(latin1Bytes(type), 4)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

/** A text chunk's keyword (everything before its first NUL). */
function keywordOf(data: Uint8Array): string {
  const nul = data.indexOf(0)
  return String.fromCharCode(...data.subarray(0, nul < 0 ? Math.min(80, data.length) : nul))
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/** An iTXt chunk's XMP edited in place, written back uncompressed. */
async function stripXmpChunk(data: Uint8Array, removed: string[]): Promise<Uint8Array> {
  // keyword NUL, compression flag, method, language NUL, translated keyword NUL, text
  let at = data.indexOf(0) + 1
  const compressed = data[at] === 1
  at += 2
  at = data.indexOf(0, at) + 1
  at = data.indexOf(0, at) + 1
  if (at <= 0) throw new MalformedTiff('iTXt chunk without its fields')
  const header = data.slice(0, at)
  const text = compressed ? await inflate(data.subarray(at)) : data.slice(at)
  const found = stripXmpLocation(text, 0, text.length)
  if (found.length === 0) return data
  removed.push(...found)
  header[XMP_KEYWORD.length + 1] = 0
  return concat([header, text])
}

/** Strips location from a PNG. */
export async function stripPng(input: Uint8Array): Promise<Stripped> {
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength)
  const removed: string[] = []
  const parts: Uint8Array[] = [input.subarray(0, SIGNATURE)]
  let at = SIGNATURE
  while (at + 12 <= input.length) {
    const length = view.getUint32(at)
    const type = String.fromCharCode(...input.subarray(at + 4, at + 8))
    const end = at + 12 + length
    if (end > input.length) break
    const original = input.subarray(at, end)
    const data = input.slice(at + 8, at + 8 + length)
    let edited: Uint8Array | null | undefined
    try {
      if (type === 'eXIf') {
        const tiff = String.fromCharCode(...data.subarray(0, 6)) === 'Exif\0\0' ? 6 : 0
        edited = stripTiffGps(data, tiff, data.length) ? data : undefined
        if (edited) removed.push('EXIF:GPS')
      } else if (type === 'iTXt' && keywordOf(data) === XMP_KEYWORD) {
        const xmp = await stripXmpChunk(data, removed)
        edited = xmp === data ? undefined : xmp
      } else if (/^(tEXt|zTXt|iTXt)$/.test(type) && RAW_PROFILE.test(keywordOf(data))) {
        edited = null
        removed.push(`${keywordOf(data)} (removed)`)
      }
    } catch (error) {
      if (!(error instanceof MalformedTiff) && !(error instanceof RangeError)) throw error
      edited = null
      removed.push(`${type} (unreadable, removed)`)
    }
    if (edited === undefined) parts.push(original)
    else if (edited !== null) parts.push(chunkBytes({ type, data: edited }))
    at = end
    if (type === 'IEND') break
  }
  if (at < input.length) parts.push(input.subarray(at))
  return { bytes: removed.length ? concat(parts) : input, removed }
}
