/**
 * A file on its way into R2: its type read from its bytes and held against what the client
 * declared, its size against its kind's limit, its location taken out (photos), its key its
 * SHA-256. The coordinator records the upload before R2 gets the bytes, so the collection can
 * never delete a file between an upload's check and its put.
 */
import { hex, sha256 } from '../digest'
import type { Outcome, Writer } from '../desk/protocol'
import { MediaRefusal } from './errors'
import { stripLocation } from './gps'
import { exportPrefix, fileKey, newExportKey } from './keys'
import { bytesInWords, KIND_LIMITS } from './limits'
import { fileUrl, type MediaSite } from './links'
import { SNIFF_BYTES, sniff } from './sniff'
import {
  ALLOWED_IN_WORDS,
  isExport,
  kindOf,
  MEDIA_TYPES,
  storedTypeOf,
  type MediaKind,
  type StoredType,
} from './types'

/** Browsers and the edge may keep a file for a year: its key is its content. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'

/** A file as the API describes it. */
export interface StoredFile {
  key: string
  url: string
  type: StoredType
  kind: MediaKind
  size: number
  /** Location metadata taken out on the way in (`EXIF:GPS`, `exif:GPSLatitude`, ...). */
  stripped: string[]
}

/** A checked file, ready to store. */
export interface Checked {
  bytes: Uint8Array
  type: StoredType
  key: string
  stripped: string[]
}

/** The coordinator's side of an upload, as the Worker reaches it. */
export interface MediaDesk {
  claimMedia(
    writer: Writer,
    file: { key: string; type: string; size: number },
  ): Promise<Outcome<{ created: boolean }>>
}

/** The stored type of `head` (a file's first bytes) as `declared`, or a 415 saying why not. */
export function typeOf(head: Uint8Array, declared: string): StoredType {
  const sniffed = sniff(head.subarray(0, SNIFF_BYTES))
  if (!sniffed) {
    throw new MediaRefusal(
      415,
      'Unsupported Media Type',
      `The file is not one edgefeed stores. It takes ${ALLOWED_IN_WORDS}.`,
    )
  }
  const type = storedTypeOf(sniffed, declared)
  if (!type) {
    throw new MediaRefusal(
      415,
      'Unsupported Media Type',
      `The request says the file is ${declared.split(';')[0]!.trim()}, but its bytes are ${sniffed}. Send the file's own type, or application/octet-stream.`,
    )
  }
  return type
}

/** 413 when a file of `type` is over its kind's limit. */
export function checkSize(type: StoredType, size: number): void {
  const kind = kindOf(type)
  if (size > KIND_LIMITS[kind]) {
    throw new MediaRefusal(
      413,
      'Content Too Large',
      `A file of this kind (${kind}) may be at most ${bytesInWords(KIND_LIMITS[kind])}; this one is ${size} bytes.`,
    )
  }
  if (size === 0) throw new MediaRefusal(400, 'Empty file', 'The file is empty.')
}

/** Checks an uploaded file, takes its location out, and names it by its hash. */
export async function checkFile(bytes: Uint8Array, declared: string): Promise<Checked> {
  if (bytes.length === 0) throw new MediaRefusal(400, 'Empty file', 'The file is empty.')
  const type = typeOf(bytes, declared)
  checkSize(type, bytes.length)
  const { bytes: clean, removed } = await stripLocation(bytes, type)
  return { bytes: clean, type, key: fileKey(hex(await sha256(clean))), stripped: removed }
}

/**
 * The object R2 keeps a file in, when it has it: at the root for media, under the export's
 * prefix for a WordPress export (keys.ts says why its name is random).
 */
export async function storedObject(
  bucket: R2Bucket,
  key: string,
  type: string,
): Promise<R2Object | null> {
  if (!isExport(type)) return bucket.head(fileKey(key))
  const { objects } = await bucket.list({ prefix: exportPrefix(key), limit: 1 })
  return objects[0] ?? null
}

/** The key a file R2 does not have yet is stored under. */
export function newObjectKey(key: string, type: string): string {
  return isExport(type) ? newExportKey(key) : fileKey(key)
}

/** The HTTP metadata R2 keeps with a file, which its public domain serves too. */
export function httpMetadataOf(key: string, type: StoredType): R2HTTPMetadata {
  const { inline, ext } = MEDIA_TYPES[type]
  return {
    contentType: type,
    cacheControl: IMMUTABLE,
    contentDisposition: `${inline ? 'inline' : 'attachment'}; filename="${key.slice(0, 16)}.${ext}"`,
  }
}

/** The API's description of a stored file. */
export function describe(
  site: MediaSite,
  key: string,
  type: StoredType,
  size: number,
  stripped: string[] = [],
): StoredFile {
  return { key, url: fileUrl(site, key, type), type, kind: kindOf(type), size, stripped }
}

/**
 * Stores a checked file for `writer`: recorded by the coordinator (which refuses while the
 * same bytes are being collected), then put in R2 unless R2 has them. Resolves to the file
 * and whether it is new to this writer.
 */
export async function storeFile(
  bucket: R2Bucket,
  desk: MediaDesk,
  writer: Writer,
  file: Checked,
  site: MediaSite,
): Promise<{ file: StoredFile; created: boolean }> {
  const size = file.bytes.length
  const claim = await desk.claimMedia(writer, { key: file.key, type: file.type, size })
  if (!claim.ok) {
    const { status, title, detail } = claim.refusal
    throw new MediaRefusal(status === 503 ? 503 : 409, title, detail)
  }
  if (!(await storedObject(bucket, file.key, file.type))) {
    // R2 checks the bytes against their SHA-256 as it stores them.
    await bucket.put(newObjectKey(file.key, file.type), file.bytes, {
      httpMetadata: httpMetadataOf(file.key, file.type),
      sha256: file.key,
    })
  }
  return {
    file: describe(site, file.key, file.type, size, file.stripped),
    created: claim.value.created,
  }
}
