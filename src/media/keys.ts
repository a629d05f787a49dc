/**
 * Every R2 key. A file is stored under the hex SHA-256 of its bytes at the bucket's root, so
 * R2's public domain serves it at `{MEDIA_PUBLIC_URL}/{sha256}` as the Worker does at
 * `/media/{sha256}`; its variants, unfinished multipart uploads and WordPress exports live
 * under prefixes of their own.
 */
import { hex } from '../digest'

/** A file's key: its SHA-256, in lowercase hex. */
export const KEY_PATTERN = /^[0-9a-f]{64}$/

export function isMediaKey(key: string): boolean {
  return KEY_PATTERN.test(key)
}

export function fileKey(sha256: string): string {
  return sha256
}

export const EXPORTS_PREFIX = 'exports/'

/**
 * Where a WordPress export's object lives: under a prefix of its own, apart from the files
 * `/media/{sha256}` serves, and under a random name below it. An export holds drafts, private
 * posts and e-mail addresses, R2's public domain serves every key, and the export's URL gives
 * its SHA-256: the random name is what nobody can work out (R2's public domain lists nothing).
 */
export function exportPrefix(sha256: string): string {
  return `${EXPORTS_PREFIX}${sha256}/`
}

/** A new export's key: its prefix and 128 random bits. */
export function newExportKey(sha256: string): string {
  return `${exportPrefix(sha256)}${hex(crypto.getRandomValues(new Uint8Array(16)))}`
}

/** The file an export's key belongs to: its SHA-256. */
export function exportOf(key: string): string {
  return key.slice(EXPORTS_PREFIX.length, EXPORTS_PREFIX.length + 64)
}

export const VARIANTS_PREFIX = 'variants/'

/** One variant of an image: `variants/{sha256}/{width}.webp`. */
export function variantKey(sha256: string, width: number): string {
  return `${VARIANTS_PREFIX}${sha256}/${width}.webp`
}

/** Every variant of an image, to delete with it. */
export function variantsPrefix(sha256: string): string {
  return `${VARIANTS_PREFIX}${sha256}/`
}

export const UPLOADS_PREFIX = 'uploads/'

/**
 * A multipart upload's parts, before its bytes are known: under the uploader's id, so that no
 * other publisher's token can name it.
 */
export function uploadKey(owner: string, id: string): string {
  return `${UPLOADS_PREFIX}${owner}/${id}`
}
