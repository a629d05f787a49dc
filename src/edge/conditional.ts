/**
 * Validators and conditional GET (RFC 9110 section 13). Feed readers poll with
 * `If-None-Match` and `If-Modified-Since`, and Workers Cache revalidates with them after an
 * `invalidate()`: an unchanged page then costs a 304, not a new copy.
 */
import { base64url, sha256 } from '../digest'

/** A strong ETag: the hash of the exact bytes, so two renders of the same content agree. */
export async function strongEtag(body: ArrayBuffer): Promise<string> {
  return `"${base64url((await sha256(body)).slice(0, 18))}"`
}

/**
 * True when the request's validators match, so 304 is the answer. `If-None-Match` wins over
 * `If-Modified-Since` and is compared weakly (`W/"x"` matches `"x"`): a cache in between may
 * weaken an ETag when it compresses.
 */
export function notModified(
  headers: Headers,
  etag: string | null,
  lastModified: string | null,
): boolean {
  const inm = headers.get('If-None-Match')
  if (inm !== null) {
    if (!etag) return false
    return inm.split(',').some((tag) => {
      const t = tag.trim()
      return t === '*' || t.replace(/^W\//, '') === etag
    })
  }
  const ims = headers.get('If-Modified-Since')
  if (ims === null || !lastModified) return false
  const since = Date.parse(ims)
  return Number.isFinite(since) && Date.parse(lastModified) <= since
}

/** What a 304 keeps of the 200 it stands for (RFC 9110 section 15.4.5). */
const KEPT_ON_304 = [
  'ETag',
  'Last-Modified',
  'Cache-Control',
  'Cloudflare-CDN-Cache-Control',
  'Cache-Tag',
  'Vary',
  'Content-Location',
]

export function notModifiedResponse(res: Response): Response {
  const headers = new Headers()
  for (const name of KEPT_ON_304) {
    const value = res.headers.get(name)
    if (value !== null) headers.set(name, value)
  }
  return new Response(null, { status: 304, headers })
}
