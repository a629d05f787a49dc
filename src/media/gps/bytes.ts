/** Byte-array helpers the container walkers share. */

/** The arrays one after another. */
export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** A range of bytes to replace (with nothing, to leave it out). */
export interface Splice {
  start: number
  end: number
  with?: Uint8Array
}

/** The bytes with the given ranges (in order, apart) replaced. */
export function splice(bytes: Uint8Array, edits: Splice[]): Uint8Array {
  if (edits.length === 0) return bytes
  const parts: Uint8Array[] = []
  let from = 0
  for (const edit of edits) {
    parts.push(bytes.subarray(from, edit.start))
    if (edit.with) parts.push(edit.with)
    from = edit.end
  }
  parts.push(bytes.subarray(from))
  return concat(parts)
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

/** CRC-32 as PNG chunks carry it (ISO 3309). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** Text as one byte per character (the keywords and signatures of image formats). */
export function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0))
}
