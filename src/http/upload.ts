/**
 * An upload's request: the one file it carries (a `multipart/form-data` field, or the raw body
 * with its own Content-Type), within one request's limit, and where its files will be served.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from '../env'
import { MediaRefusal } from '../media/errors'
import { bytesInWords, REQUEST_LIMIT } from '../media/limits'
import type { MediaSite } from '../media/links'
import { lackingMediaScope } from '../media/ownership'
import type { Principal } from '../access/principal'
import { unwrap } from './desk'

/** Where this site's files are served. */
export function mediaSiteOf(c: Context<AppEnv>): MediaSite {
  return { baseUrl: c.var.baseUrl, mediaPublicUrl: c.var.config.mediaPublicUrl }
}

/**
 * Refuses a token without the `media` scope before a file's bytes are read; the coordinator
 * checks again, from its registry, before anything is stored.
 */
export function requireMediaScope(principal: Principal): void {
  const refusal = lackingMediaScope(principal)
  if (refusal) unwrap({ ok: false, refusal })
}

/** Upload bodies over one request's limit are refused before they are read. */
export const uploadLimit: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: REQUEST_LIMIT,
  onError: () => {
    throw new MediaRefusal(
      413,
      'Content Too Large',
      `One request carries at most ${bytesInWords(REQUEST_LIMIT)}. Upload a larger file in parts: POST /api/media/uploads (docs/media.md).`,
    )
  },
})

/** The file of a request, and the form it came in (Micropub reads its token from it). */
export interface UploadRequest {
  bytes: Uint8Array
  declared: string
  form?: FormData
}

/**
 * The one file a request carries: the form's `file` field (the only file field, whatever its
 * name, for other clients), or the whole body, typed by the request's Content-Type.
 */
export async function readUpload(c: Context<AppEnv>): Promise<UploadRequest> {
  const type = c.req.header('Content-Type') ?? ''
  if (!/^multipart\/form-data/i.test(type)) {
    return { bytes: new Uint8Array(await c.req.arrayBuffer()), declared: type }
  }
  const form = await c.req.formData()
  const files = [...form.entries()].filter(
    (entry): entry is [string, File] => typeof entry[1] !== 'string',
  )
  const chosen =
    files.find(([name]) => name === 'file') ?? (files.length === 1 ? files[0] : undefined)
  if (!chosen) {
    throw new MediaRefusal(
      400,
      'No file',
      files.length
        ? 'Send one file, in the field "file".'
        : 'The form has no file: send it in the field "file".',
      '/file',
    )
  }
  const [, file] = chosen
  return { bytes: new Uint8Array(await file.arrayBuffer()), declared: file.type, form }
}
