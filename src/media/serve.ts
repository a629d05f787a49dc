/**
 * Serving a stored file from R2: `Range` (one range, 206; 416 past the end), `If-Range`,
 * `If-None-Match` (304), `HEAD`, and headers that let browsers and the edge keep it for a year,
 * since its key is its content. A file a browser must not render as a page of ours (a PDF)
 * is a download, and every file is sandboxed should it ever be opened as a document.
 */
import { toHttpDate } from '../time'
import { IMMUTABLE } from './store'

/** A single byte range, as R2 takes it. */
export type ByteRange = { offset: number; length?: number } | { suffix: number }

/**
 * The one range a `Range` header asks for; undefined for none, or for one this serves whole
 * (several ranges, another unit, a malformed header: RFC 9110 lets a server ignore them).
 */
export function parseRange(header: string | null): ByteRange | undefined {
  const match = header && /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/.exec(header)
  if (!match) return undefined
  const [, first, last] = match
  if (first === '' && last === '') return undefined
  if (first === '') return { suffix: Number(last) }
  const offset = Number(first)
  if (last === '') return { offset }
  if (Number(last) < offset) return undefined
  return { offset, length: Number(last) - offset + 1 }
}

/** True when an `If-None-Match` header names this file (or anything, `*`). */
function matches(header: string | null, etag: string): boolean {
  return (
    header !== null &&
    header.split(',').some((t) => {
      const tag = t.trim()
      return tag === '*' || tag.replace(/^W\//, '') === etag
    })
  )
}

/** The headers every answer about a stored file carries. */
function fileHeaders(object: R2Object, etag: string, cacheTag: string): Headers {
  const headers = new Headers()
  object.writeHttpMetadata(headers)
  headers.set('ETag', etag)
  headers.set('Last-Modified', toHttpDate(object.uploaded.getTime()))
  headers.set('Cache-Control', IMMUTABLE)
  headers.set('Accept-Ranges', 'bytes')
  headers.set('Cache-Tag', cacheTag)
  headers.set('Access-Control-Allow-Origin', '*')
  // Opened as a document (an SVG slipped through, a PDF), nothing in it runs as ours.
  headers.set('Content-Security-Policy', "default-src 'none'; sandbox")
  return headers
}

/** Where a range lies in a file of `size` bytes, or undefined when it lies past its end. */
function resolve(range: ByteRange, size: number): { start: number; end: number } | undefined {
  if ('suffix' in range) {
    if (range.suffix === 0 || size === 0) return undefined
    return { start: Math.max(0, size - range.suffix), end: size - 1 }
  }
  if (range.offset >= size) return undefined
  const end =
    range.length === undefined ? size - 1 : Math.min(size - 1, range.offset + range.length - 1)
  return { start: range.offset, end }
}

/** Which object to serve, and what it is called to caches. */
export interface Served {
  /** Its R2 key. */
  object: string
  /** Its strong ETag: content-addressed, so it never changes. */
  etag: string
  /** The cache tag a delete purges. */
  cacheTag: string
}

/** The answer to a GET or HEAD of a stored object, or undefined when R2 has no such object. */
export async function serveObject(
  bucket: R2Bucket,
  request: Request,
  served: Served,
): Promise<Response | undefined> {
  const { etag } = served
  const notModified = matches(request.headers.get('If-None-Match'), etag)
  const ifRange = request.headers.get('If-Range')
  const asked =
    ifRange === null || ifRange === etag ? parseRange(request.headers.get('Range')) : undefined
  const whole = request.method !== 'HEAD' && !notModified && !asked
  // A plain GET reads once; a HEAD, a revalidation or a range asks R2 for the size first.
  const object = whole ? await bucket.get(served.object) : await bucket.head(served.object)
  if (!object) return undefined
  const headers = fileHeaders(object, etag, served.cacheTag)
  if (notModified) {
    for (const name of ['Content-Type', 'Content-Disposition', 'Content-Language']) {
      headers.delete(name)
    }
    return new Response(null, { status: 304, headers })
  }
  const range = asked && resolve(asked, object.size)
  if (asked && !range) {
    headers.set('Content-Range', `bytes */${object.size}`)
    return new Response(null, { status: 416, headers })
  }
  const length = range ? range.end - range.start + 1 : object.size
  headers.set('Content-Length', String(length))
  if (range) headers.set('Content-Range', `bytes ${range.start}-${range.end}/${object.size}`)
  const status = range ? 206 : 200
  if (request.method === 'HEAD') return new Response(null, { status, headers })
  if (whole) return new Response((object as R2ObjectBody).body, { status, headers })
  const part = await bucket.get(served.object, { range: { offset: range!.start, length } })
  return part ? new Response(part.body, { status, headers }) : undefined
}
