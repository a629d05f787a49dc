/**
 * Photos stop telling where the photographer stood: GPS and other precise location are taken
 * out of JPEG, PNG and WebP on the way in, without re-encoding (the picture is the same bytes),
 * keeping orientation, colour profile and copyright. docs/media.md says what goes and what
 * stays.
 */
import type { StoredType } from '../types'
import { stripJpeg } from './jpeg'
import { stripPng } from './png'
import { stripWebp } from './webp'

/** A file after stripping, and the names of what was taken out of it. */
export interface Stripped {
  bytes: Uint8Array
  removed: string[]
}

/**
 * `bytes` without location metadata, edited in place where the format allows (the caller's
 * array may be changed). Types that carry none this knows of are returned as they are.
 */
export async function stripLocation(bytes: Uint8Array, type: StoredType): Promise<Stripped> {
  const result =
    type === 'image/jpeg'
      ? stripJpeg(bytes)
      : type === 'image/png'
        ? await stripPng(bytes)
        : type === 'image/webp'
          ? stripWebp(bytes)
          : { bytes, removed: [] }
  return { bytes: result.bytes, removed: [...new Set(result.removed)] }
}
