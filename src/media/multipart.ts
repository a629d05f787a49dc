/**
 * Files larger than one request may carry, uploaded in parts through R2's multipart upload
 * API: the parts are streamed to R2 under the uploader's own prefix, never held in memory;
 * once complete, the file is checked like any upload (its type from its first bytes, its
 * kind's limit), hashed as a stream, and copied to its content-addressed key.
 */
import { hex } from '../digest'
import type { Writer } from '../desk/protocol'
import { MediaRefusal } from './errors'
import { fileKey, uploadKey } from './keys'
import { bytesInWords, PART_MAX, PARTS_MAX, REQUEST_LIMIT } from './limits'
import type { MediaSite } from './links'
import { SNIFF_BYTES } from './sniff'
import {
  checkFile,
  checkSize,
  describe,
  httpMetadataOf,
  newObjectKey,
  storedObject,
  storeFile,
  typeOf,
  type MediaDesk,
  type StoredFile,
} from './store'
import { kindOf } from './types'

/** What a client holds between the parts of an upload: whose it is, and R2's names for it. */
interface UploadRef {
  owner: string
  id: string
  uploadId: string
}

const encode = (ref: UploadRef) =>
  btoa(JSON.stringify([ref.owner, ref.id, ref.uploadId]))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')

/** The upload a token names, when it is `owner`'s. */
function decode(token: string, owner: string): UploadRef {
  try {
    const [who, id, uploadId] = JSON.parse(
      atob(token.replace(/-/g, '+').replace(/_/g, '/')),
    ) as unknown[]
    if (
      who === owner &&
      typeof id === 'string' &&
      /^[0-9a-f]{32}$/.test(id) &&
      typeof uploadId === 'string'
    ) {
      return { owner, id, uploadId }
    }
  } catch {
    // Not one of ours: said below.
  }
  throw new MediaRefusal(404, 'Not Found', 'No upload of yours has this name.')
}

/** Starts an upload for `owner`; its name is what the parts and the completion are sent to. */
export async function startUpload(bucket: R2Bucket, owner: string): Promise<string> {
  const id = hex(crypto.getRandomValues(new Uint8Array(16)))
  const upload = await bucket.createMultipartUpload(uploadKey(owner, id))
  return encode({ owner, id, uploadId: upload.uploadId })
}

/** R2's handle on `owner`'s upload: another owner's token names no upload of theirs. */
function resume(bucket: R2Bucket, owner: string, token: string) {
  const { id, uploadId } = decode(token, owner)
  return {
    key: uploadKey(owner, id),
    upload: bucket.resumeMultipartUpload(uploadKey(owner, id), uploadId),
  }
}

/** What R2 says of an upload it does not know (completed, aborted, another's). */
const unknownUpload = (error: unknown) =>
  new MediaRefusal(
    404,
    'Not Found',
    `No upload of yours has this name (${String(error).slice(0, 120)}).`,
  )

/** Streams one part to R2; resolves to what completing the upload needs of it. */
export async function putPart(
  bucket: R2Bucket,
  owner: string,
  token: string,
  part: number,
  body: ReadableStream | null,
  length: number | undefined,
): Promise<{ part: number; etag: string }> {
  if (!Number.isInteger(part) || part < 1 || part > PARTS_MAX) {
    throw new MediaRefusal(400, 'Invalid part', `Parts are numbered 1 to ${PARTS_MAX}.`, '/part')
  }
  if (length === undefined || !body) {
    throw new MediaRefusal(411, 'Length Required', 'Send each part with its Content-Length.')
  }
  if (length > PART_MAX) {
    throw new MediaRefusal(
      413,
      'Content Too Large',
      `A part may be at most ${bytesInWords(PART_MAX)}.`,
    )
  }
  const { upload } = resume(bucket, owner, token)
  try {
    const uploaded = await upload.uploadPart(part, body)
    return { part: uploaded.partNumber, etag: uploaded.etag }
  } catch (error) {
    throw unknownUpload(error)
  }
}

/** Gives up an upload: R2 forgets its parts. */
export async function abortUpload(bucket: R2Bucket, owner: string, token: string): Promise<void> {
  try {
    await resume(bucket, owner, token).upload.abort()
  } catch (error) {
    throw unknownUpload(error)
  }
}

/** A stream's SHA-256, in hex, read as it flows. */
async function streamHash(stream: ReadableStream): Promise<string> {
  const digest = new crypto.DigestStream('SHA-256')
  await stream.pipeTo(digest)
  return hex(new Uint8Array(await digest.digest))
}

/**
 * Completes an upload and stores the file like any other, its parts then deleted. A photo is
 * read whole (it is within one request's size) so its location can be taken out.
 */
export async function finishUpload(
  bucket: R2Bucket,
  desk: MediaDesk,
  writer: Writer,
  token: string,
  parts: { part: number; etag: string }[],
  declared: string,
  site: MediaSite,
): Promise<{ file: StoredFile; created: boolean }> {
  const { key: temp, upload } = resume(bucket, writer.id, token)
  let completed: R2Object
  try {
    completed = await upload.complete(parts.map((p) => ({ partNumber: p.part, etag: p.etag })))
  } catch (error) {
    // R2's code for an upload it no longer has (completed, or given up).
    if (String(error).includes('(10024)')) throw unknownUpload(error)
    throw new MediaRefusal(
      400,
      'Invalid parts',
      `R2 could not put the parts together: ${String(error).slice(0, 200)}`,
      '/parts',
    )
  }
  try {
    const head = await bucket.get(temp, { range: { offset: 0, length: SNIFF_BYTES } })
    const type = typeOf(new Uint8Array(await head!.arrayBuffer()), declared)
    checkSize(type, completed.size)
    if (kindOf(type) === 'image' && completed.size <= REQUEST_LIMIT) {
      const whole = new Uint8Array(await (await bucket.get(temp))!.arrayBuffer())
      return await storeFile(bucket, desk, writer, await checkFile(whole, declared), site)
    }
    const key = fileKey(await streamHash((await bucket.get(temp))!.body))
    const claim = await desk.claimMedia(writer, { key, type, size: completed.size })
    if (!claim.ok) throw new MediaRefusal(503, claim.refusal.title, claim.refusal.detail)
    if (!(await storedObject(bucket, key, type))) {
      const copy = (await bucket.get(temp))!
      await bucket.put(newObjectKey(key, type), copy.body, {
        httpMetadata: httpMetadataOf(key, type),
        sha256: key,
      })
    }
    return { file: describe(site, key, type, completed.size), created: claim.value.created }
  } finally {
    await bucket.delete(temp)
  }
}
