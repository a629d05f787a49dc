/**
 * Location out of a JPEG, without decoding or re-encoding it: the segments before the image
 * data are walked; EXIF (APP1) and XMP (APP1) are edited in place, and IPTC (APP13) loses its
 * sub-location dataset. A block that can not be read is removed whole, since what it holds
 * could not be checked.
 */
import { MalformedTiff, stripTiffGps } from './tiff'
import { stripXmpLocation } from './xmp'
import { concat, splice, type Splice } from './bytes'
import type { Stripped } from './index'

const EXIF = 'Exif\0\0'
const XMP = 'http://ns.adobe.com/xap/1.0/\0'
const XMP_EXTENSION = 'http://ns.adobe.com/xmp/extension/\0'
const PHOTOSHOP = 'Photoshop 3.0\0'

const SOS = 0xda
const EOI = 0xd9
const APP1 = 0xe1
const APP13 = 0xed

const startsWithText = (bytes: Uint8Array, at: number, text: string) =>
  [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0))

/** IPTC IIM datasets that are a place finer than a city: 2:92 Sub-location. */
const IIM_LOCATION = new Set([92])

/** An IIM block (Photoshop resource 0x0404) without its location datasets. */
function iimWithoutLocation(block: Uint8Array, removed: string[]): Uint8Array {
  const kept: Uint8Array[] = []
  for (let r = 0; r < block.length;) {
    if (block[r] !== 0x1c || r + 5 > block.length) {
      kept.push(block.subarray(r))
      break
    }
    const length = (block[r + 3]! << 8) | block[r + 4]!
    const end = Math.min(block.length, r + 5 + length)
    if (block[r + 1] === 2 && IIM_LOCATION.has(block[r + 2]!)) removed.push('IPTC:Sub-location')
    else kept.push(block.subarray(r, end))
    r = end
  }
  return concat(kept)
}

/**
 * Photoshop's image resources (APP13's body after its signature) with the IIM block's location
 * datasets taken out; undefined when there were none.
 */
function stripIim(resources: Uint8Array, removed: string[]): Uint8Array | undefined {
  const view = new DataView(resources.buffer, resources.byteOffset, resources.byteLength)
  const out: Uint8Array[] = []
  const before = removed.length
  let at = 0
  while (at + 12 <= resources.length && startsWithText(resources, at, '8BIM')) {
    const id = view.getUint16(at + 4)
    let data = at + 6 + resources[at + 6]! + 1
    if (data % 2) data++
    const size = view.getUint32(data)
    data += 4
    if (data + size > resources.length) throw new MalformedTiff('image resource past its segment')
    const next = data + size + (size % 2)
    if (id !== 0x0404) {
      out.push(resources.subarray(at, next))
    } else {
      const block = iimWithoutLocation(resources.subarray(data, data + size), removed)
      const head = resources.slice(at, data)
      new DataView(head.buffer).setUint32(head.length - 4, block.length)
      out.push(head, block, new Uint8Array(block.length % 2))
    }
    at = next
  }
  out.push(resources.subarray(at))
  return removed.length > before ? concat(out) : undefined
}

/** A JPEG segment: marker, length, body. */
function segment(marker: number, body: Uint8Array): Uint8Array {
  if (body.length + 2 > 0xffff) throw new MalformedTiff('segment too long')
  return concat([
    new Uint8Array([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]),
    body,
  ])
}

/** Strips location from a JPEG; the caller's array is edited in place. */
export function stripJpeg(input: Uint8Array): Stripped {
  const removed: string[] = []
  const edits: Splice[] = []
  let at = 2
  while (at + 4 <= input.length && input[at] === 0xff) {
    const marker = input[at + 1]!
    // Fill bytes before a marker are allowed.
    if (marker === 0xff) {
      at++
      continue
    }
    if (marker === SOS || marker === EOI) break
    // Markers without a length: RST0-7 and TEM.
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2
      continue
    }
    const length = (input[at + 2]! << 8) | input[at + 3]!
    const body = at + 4
    const end = at + 2 + length
    if (length < 2 || end > input.length) break
    try {
      if (marker === APP1 && startsWithText(input, body, EXIF)) {
        if (stripTiffGps(input, body + EXIF.length, end)) removed.push('EXIF:GPS')
      } else if (marker === APP1 && startsWithText(input, body, XMP)) {
        removed.push(...stripXmpLocation(input, body + XMP.length, end))
      } else if (marker === APP1 && startsWithText(input, body, XMP_EXTENSION)) {
        // The GUID, full length and offset (32 + 4 + 4 bytes) precede each part of the packet.
        removed.push(...stripXmpLocation(input, body + XMP_EXTENSION.length + 40, end))
      } else if (marker === APP13 && startsWithText(input, body, PHOTOSHOP)) {
        const resources = stripIim(input.subarray(body + PHOTOSHOP.length, end), removed)
        if (resources) {
          const signature = input.subarray(body, body + PHOTOSHOP.length)
          edits.push({ start: at, end, with: segment(APP13, concat([signature, resources])) })
        }
      }
    } catch (error) {
      if (!(error instanceof MalformedTiff) && !(error instanceof RangeError)) throw error
      edits.push({ start: at, end })
      removed.push(marker === APP13 ? 'IPTC (unreadable, removed)' : 'EXIF (unreadable, removed)')
    }
    at = end
  }
  return { bytes: splice(input, edits), removed }
}
