/**
 * Every R2 key. A file is stored under the hex SHA-256 of its bytes at the bucket's root, so
 * R2's public domain serves it at `{MEDIA_PUBLIC_URL}/{sha256}` as the Worker does at
 * `/media/{sha256}`; its variants and unfinished multipart uploads live under prefixes of
 * their own.
 */

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
 * A WordPress export: under a prefix of its own, apart from the files `/media/{sha256}`
 * serves, since an export holds drafts, private posts and e-mail addresses (R2's public
 * domain serves every key: docs/media.md says to block this prefix there).
 */
export function exportKey(sha256: string): string {
  return `${EXPORTS_PREFIX}${sha256}`
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
