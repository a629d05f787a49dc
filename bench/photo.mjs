// Photos for the upload benchmark: the test photo (test/fixtures/media/gps.jpg, with its GPS,
// XMP and IPTC location) grown to `bytes` with image data after it. Location stripping reads
// the segments before the image data, as in a camera's JPEG, so this costs what a real photo
// of that size costs; `seed` makes each photo's bytes (and so its key) its own.
import { readFileSync } from 'node:fs'

const photo = readFileSync(new URL('../test/fixtures/media/gps.jpg', import.meta.url))

/**
 * A JPEG of `bytes` bytes, unique to `seed`.
 * @param {number} bytes
 * @param {number} seed
 * @returns {Uint8Array}
 */
export function benchPhoto(bytes, seed) {
  const out = new Uint8Array(bytes)
  out.set(photo)
  // A simple generator keeps the tail incompressible and different for each seed.
  let x = (seed + 1) * 2654435761
  for (let i = photo.length; i < bytes; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out[i] = x & 0xff
  }
  return out
}
