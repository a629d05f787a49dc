/**
 * GPS out of a TIFF structure (the body of every EXIF block: JPEG's APP1, PNG's eXIf, WebP's
 * EXIF chunk), in place: the GPS IFD and every value it points to are zeroed, and the pointer
 * to it is taken out of its IFD. Nothing else moves, so every other offset stays right, the
 * block keeps its length, and orientation, copyright and the rest are untouched.
 */

/** The tag of the pointer to the GPS IFD (EXIF 2.3, section 4.6.3). */
const GPS_IFD = 0x8825

/** Bytes per value of each TIFF field type (1 BYTE ... 13 IFD). */
const TYPE_BYTES = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4]

/** The block is not the TIFF structure it says it is: the caller removes it whole. */
export class MalformedTiff extends Error {
  override name = 'MalformedTiff'
}

/** Reads a TIFF structure at `start`..`end` of `bytes`, either byte order. */
class Tiff {
  private readonly view: DataView
  readonly little: boolean

  constructor(
    readonly bytes: Uint8Array,
    readonly start: number,
    readonly end: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const order = String.fromCharCode(bytes[start] ?? 0, bytes[start + 1] ?? 0)
    if (order !== 'II' && order !== 'MM') throw new MalformedTiff('no byte order mark')
    this.little = order === 'II'
    if (this.u16(2) !== 42) throw new MalformedTiff('not TIFF')
  }

  /** Checks that `length` bytes at offset `at` (from the structure's start) lie inside it. */
  check(at: number, length: number): number {
    if (at < 0 || length < 0 || this.start + at + length > this.end) {
      throw new MalformedTiff(`offset ${at} (+${length}) is outside the block`)
    }
    return this.start + at
  }

  u16(at: number): number {
    return this.view.getUint16(this.check(at, 2), this.little)
  }

  u32(at: number): number {
    return this.view.getUint32(this.check(at, 4), this.little)
  }

  setU16(at: number, value: number): void {
    this.view.setUint16(this.check(at, 2), value, this.little)
  }

  zero(at: number, length: number): void {
    const from = this.check(at, length)
    this.bytes.fill(0, from, from + length)
  }
}

/** The byte length of an IFD of `count` entries: count, entries, next-IFD offset. */
const ifdBytes = (count: number) => 2 + 12 * count + 4

/** Zeroes an IFD and every value it stores out of line. */
function zeroIfd(tiff: Tiff, at: number): void {
  const count = tiff.u16(at)
  tiff.check(at, ifdBytes(count))
  for (let i = 0; i < count; i++) {
    const entry = at + 2 + 12 * i
    const size = (TYPE_BYTES[tiff.u16(entry + 2)] ?? 1) * tiff.u32(entry + 4)
    if (size > 4) tiff.zero(tiff.u32(entry + 8), size)
  }
  tiff.zero(at, ifdBytes(count))
}

/** Takes entry `index` out of the IFD at `at`, moving the rest (and the next-IFD offset) up. */
function removeEntry(tiff: Tiff, at: number, index: number): void {
  const count = tiff.u16(at)
  const from = tiff.check(at + 2 + 12 * (index + 1), 12 * (count - index - 1) + 4)
  const to = from - 12
  tiff.bytes.copyWithin(to, from, from + 12 * (count - index - 1) + 4)
  tiff.setU16(at, count - 1)
  tiff.zero(at + ifdBytes(count - 1), 12)
}

/**
 * Removes the GPS IFD from the TIFF structure at `start`..`end`, in place. True when there
 * was one. Throws MalformedTiff when the structure can not be read, so the caller can remove
 * the whole block rather than keep one it could not check.
 */
export function stripTiffGps(bytes: Uint8Array, start: number, end: number): boolean {
  const tiff = new Tiff(bytes, start, end)
  let found = false
  const seen = new Set<number>()
  // IFD0 and IFD1 (the thumbnail's): either may point to GPS.
  for (let ifd = tiff.u32(4); ifd !== 0 && !seen.has(ifd);) {
    seen.add(ifd)
    const count = tiff.u16(ifd)
    tiff.check(ifd, ifdBytes(count))
    let next = tiff.u32(ifd + 2 + 12 * count)
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + 12 * i
      if (tiff.u16(entry) !== GPS_IFD) continue
      zeroIfd(tiff, tiff.u32(entry + 8))
      removeEntry(tiff, ifd, i)
      next = tiff.u32(ifd + 2 + 12 * (count - 1))
      found = true
      break
    }
    ifd = next
  }
  return found
}

/** True when the TIFF structure still points to a GPS IFD (for tests and checks). */
export function hasTiffGps(bytes: Uint8Array, start: number, end: number): boolean {
  const tiff = new Tiff(bytes, start, end)
  const seen = new Set<number>()
  for (let ifd = tiff.u32(4); ifd !== 0 && !seen.has(ifd);) {
    seen.add(ifd)
    const count = tiff.u16(ifd)
    for (let i = 0; i < count; i++) if (tiff.u16(ifd + 2 + 12 * i) === GPS_IFD) return true
    ifd = tiff.u32(ifd + 2 + 12 * count)
  }
  return false
}
