/**
 * Location out of a WebP without re-encoding it: the RIFF chunks are walked, and the EXIF
 * chunk's GPS and the XMP chunk's location properties removed in place, so no chunk changes
 * size. An EXIF chunk that can not be read is dropped, and the RIFF size and the VP8X flag
 * that announced it corrected.
 */
import { MalformedTiff, stripTiffGps } from './tiff'
import { stripXmpLocation } from './xmp'
import { splice, type Splice } from './bytes'
import type { Stripped } from './index'

/** VP8X's flag for an EXIF chunk. */
const EXIF_FLAG = 0x08

export function stripWebp(input: Uint8Array): Stripped {
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength)
  const removed: string[] = []
  const drop: Splice[] = []
  let vp8x: number | undefined
  let at = 12
  while (at + 8 <= input.length) {
    const type = String.fromCharCode(...input.subarray(at, at + 4))
    const size = view.getUint32(at + 4, true)
    const data = at + 8
    const end = Math.min(input.length, data + size + (size % 2))
    if (data + size > input.length) break
    if (type === 'VP8X') vp8x = data
    try {
      if (type === 'EXIF') {
        const tiff = String.fromCharCode(...input.subarray(data, data + 6)) === 'Exif\0\0' ? 6 : 0
        if (stripTiffGps(input, data + tiff, data + size)) removed.push('EXIF:GPS')
      } else if (type === 'XMP ') {
        removed.push(...stripXmpLocation(input, data, data + size))
      }
    } catch (error) {
      if (!(error instanceof MalformedTiff) && !(error instanceof RangeError)) throw error
      drop.push({ start: at, end })
      removed.push('EXIF (unreadable, removed)')
      if (vp8x !== undefined) input[vp8x] = input[vp8x]! & ~EXIF_FLAG
    }
    at = end
  }
  const out = splice(input, drop)
  if (drop.length) new DataView(out.buffer, out.byteOffset).setUint32(4, out.length - 8, true)
  return { bytes: out, removed }
}
