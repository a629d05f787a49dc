/**
 * Media: the upload API (`/api/media`, in the OpenAPI document with the rest of the API), the
 * files themselves (`/media/{sha256}` and its variants, public), and Micropub's media endpoint
 * (`/micropub/media`). The rules are in src/media/; docs/media.md is the manual.
 */
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../env'
import { identify } from '../access/tokens'
import { requireToken } from '../http/auth'
import { deskOf, unwrap, writerOf } from '../http/desk'
import { mediaDocs as docs } from '../http/media-docs'
import { authenticate, headerToken, micropubErrorResponse, tokenSentTwice } from '../http/micropub'
import { LIMIT_MAX, pageQuery } from '../http/paging'
import { mediaSiteOf, readUpload, requireMediaScope, uploadLimit } from '../http/upload'
import { readJsonBody } from '../http/validate'
import { mediaTag } from '../edge/tags'
import { fileKey, isMediaKey, variantKey } from '../media/keys'
import { fileUrl } from '../media/links'
import { abortUpload, finishUpload, putPart, startUpload } from '../media/multipart'
import { serveObject } from '../media/serve'
import { checkFile, IMMUTABLE, storeFile } from '../media/store'
import { isStoredType } from '../media/types'
import { hasVariants, isLadderWidth, makeVariant } from '../media/variants'
import { CompleteUpload } from '../http/media-docs'
import { mediaPath } from '../urls'

/** The publishing API's media calls, mounted at /api/media. */
export const mediaApi = new Hono<AppEnv>()

mediaApi.use('*', requireToken({ identify }))
// Uploading and deleting need the `media` scope; listing and reading files do not.
mediaApi.use('*', async (c, next) => {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') requireMediaScope(c.var.principal)
  await next()
})

/** Stores the request's file for the request's writer. */
async function upload(c: Context<AppEnv>) {
  const { bytes, declared } = await readUpload(c)
  const checked = await checkFile(bytes, declared)
  return storeFile(c.env.MEDIA, deskOf(c.env), writerOf(c.var.principal), checked, mediaSiteOf(c))
}

mediaApi.post('/', docs.upload, uploadLimit, async (c) => {
  const { file, created } = await upload(c)
  c.header('Location', file.url)
  return c.json(file, created ? 201 : 200)
})

/** A listed file with its address. */
const withUrl = <T extends { key: string; type: string }>(c: Context<AppEnv>, file: T) => ({
  ...file,
  url: isStoredType(file.type) ? fileUrl(mediaSiteOf(c), file.key, file.type) : '',
})

mediaApi.get('/', docs.list, async (c) => {
  const { limit, cursor } = pageQuery(c)
  const page = unwrap(
    await deskOf(c.env).listMedia(
      writerOf(c.var.principal),
      Math.min(limit ?? c.var.config.pageSize, LIMIT_MAX),
      cursor,
    ),
  )
  return c.json({
    items: page.items.map((f) => withUrl(c, f)),
    ...(page.next_cursor ? { next_cursor: page.next_cursor } : {}),
  })
})

mediaApi.get('/:key', docs.read, async (c) =>
  c.json(
    withUrl(
      c,
      unwrap(await deskOf(c.env).readMedia(writerOf(c.var.principal), c.req.param('key'))),
    ),
  ),
)

mediaApi.delete('/:key', docs.remove, async (c) => {
  unwrap(await deskOf(c.env).deleteMedia(writerOf(c.var.principal), c.req.param('key')))
  return c.body(null, 204)
})

mediaApi.post('/uploads', docs.startUpload, async (c) => {
  const upload = await startUpload(c.env.MEDIA, c.var.principal.id)
  c.header('Location', `/api/media/uploads/${upload}`)
  return c.json({ upload }, 201)
})

mediaApi.put('/uploads/:upload/:part', docs.uploadPart, async (c) => {
  const length = c.req.header('Content-Length')
  const part = await putPart(
    c.env.MEDIA,
    c.var.principal.id,
    c.req.param('upload'),
    /^\d{1,5}$/.test(c.req.param('part')) ? Number(c.req.param('part')) : NaN,
    c.req.raw.body,
    length === undefined ? undefined : Number(length),
  )
  return c.json(part)
})

mediaApi.post('/uploads/:upload/complete', docs.completeUpload, async (c) => {
  const { parts, type } = await readJsonBody(c, CompleteUpload)
  const { file, created } = await finishUpload(
    c.env.MEDIA,
    deskOf(c.env),
    writerOf(c.var.principal),
    c.req.param('upload'),
    parts,
    type ?? '',
    mediaSiteOf(c),
  )
  c.header('Location', file.url)
  return c.json(file, created ? 201 : 200)
})

mediaApi.delete('/uploads/:upload', docs.abortUpload, async (c) => {
  await abortUpload(c.env.MEDIA, c.var.principal.id, c.req.param('upload'))
  return c.body(null, 204)
})

/** The files, mounted at /media: public, cached for a year (the key is the content). */
export const mediaFiles = new Hono<AppEnv>()

/** Nothing here, said briefly: a file uploaded later may take this name. */
const noFile = (c: Context<AppEnv>) =>
  c.text('No file is stored here.', 404, { 'Cache-Control': 'public, max-age=60' })

mediaFiles.get('/:key{[0-9a-f]{64}}', async (c) => {
  const key = c.req.param('key')
  const served = { object: fileKey(key), etag: `"${key}"`, cacheTag: mediaTag(key) }
  return (await serveObject(c.env.MEDIA, c.req.raw, served)) ?? noFile(c)
})

mediaFiles.get('/:key{[0-9a-f]{64}}/:file{[0-9]{3,4}\\.webp}', async (c) => {
  const key = c.req.param('key')
  const width = Number(c.req.param('file').slice(0, -5))
  if (!isMediaKey(key) || !isLadderWidth(width)) return noFile(c)
  const bucket = c.env.MEDIA
  const served = {
    object: variantKey(key, width),
    etag: `"${key}-${width}"`,
    cacheTag: mediaTag(key),
  }
  const stored = await serveObject(bucket, c.req.raw, served)
  if (stored) return stored
  const original = await bucket.get(fileKey(key))
  if (!original) return noFile(c)
  if (!hasVariants(original.httpMetadata?.contentType ?? '')) {
    await original.body.cancel()
    return c.redirect(mediaPath(key), 301)
  }
  try {
    const bytes = await makeVariant(
      c.env.IMAGES,
      original.body as ReadableStream<Uint8Array>,
      width,
    )
    await bucket.put(served.object, bytes, {
      httpMetadata: { contentType: 'image/webp', cacheControl: IMMUTABLE },
    })
  } catch (error) {
    // The photo itself, for now: a later request tries again.
    console.error(JSON.stringify({ media_variant_failed: { key, width, error: String(error) } }))
    c.header('Cache-Control', 'public, max-age=300')
    return c.redirect(mediaPath(key), 302)
  }
  return (await serveObject(bucket, c.req.raw, served)) ?? noFile(c)
})

/** Micropub's media endpoint (W3C Micropub, section 3.6), mounted at /micropub/media. */
export const micropubMedia = new Hono<AppEnv>()

micropubMedia.onError(micropubErrorResponse)

micropubMedia.post('/', uploadLimit, async (c) => {
  // A token in the header is checked before the body is read; one in the form, after.
  const header = headerToken(c)
  if (header !== undefined) {
    await authenticate(c, header, identify)
    requireMediaScope(c.var.principal)
  }
  const request = await readUpload(c)
  const field = request.form?.get('access_token')
  if (header !== undefined && field != null) throw tokenSentTwice()
  if (header === undefined) {
    await authenticate(c, typeof field === 'string' ? field : undefined, identify)
  }
  requireMediaScope(c.var.principal)
  const checked = await checkFile(request.bytes, request.declared)
  const { file } = await storeFile(
    c.env.MEDIA,
    deskOf(c.env),
    writerOf(c.var.principal),
    checked,
    mediaSiteOf(c),
  )
  c.header('Location', file.url)
  return c.json(file, 201)
})
