/** Every URL path the service links to or answers with is built here. */

/** True for an absolute http or https URL: the only kind the service links to or calls. */
export function isHttpUrl(url: string): boolean {
  return URL.canParse(url) && /^https?:$/.test(new URL(url).protocol)
}

/** The feed formats, in the order pages list them. */
export const FEED_FORMATS = ['rss', 'atom', 'json'] as const
export type FeedFormat = (typeof FEED_FORMATS)[number]

export const FEED_FILES: Record<FeedFormat, string> = {
  rss: 'feed.xml',
  atom: 'atom.xml',
  json: 'feed.json',
}

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
}

export function articlePath(id: string): string {
  return `/articles/${encodeURIComponent(id)}`
}

/** An article in the publishing API: the `Location` of a write that created it. */
export function apiArticlePath(id: string): string {
  return `/api${articlePath(id)}`
}

/** A publisher in the publishing API. */
export function apiPublisherPath(name: string): string {
  return `/api/publishers/${encodeURIComponent(name)}`
}

/** `/tags/{tag}` with the tag as written, percent-encoded (`/tags/%E7%B6%93...`). */
export function tagPath(tag: string): string {
  return `/tags/${encodeURIComponent(tag)}`
}

export function feedPath(format: FeedFormat, tag?: string): string {
  return `${tag === undefined ? '' : tagPath(tag)}/${FEED_FILES[format]}`
}

/** A path with query parameters, leaving out undefined ones. */
export function withQuery(
  path: string,
  query: Record<string, string | number | undefined>,
): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query))
    if (value !== undefined) params.set(key, String(value))
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

/** The path prefix of a script variant: `/zh-Hans`, `/zh-Hant`, or nothing for the original. */
export function scriptPrefix(script?: string): string {
  return script ? `/${script}` : ''
}

/** Characters left percent-encoded in an IRI shown to people: spaces, controls, invisibles. */
const MISLEADING = /[\p{White_Space}\p{C}]/u

/**
 * A URL as people read it, an IRI (RFC 3987, 3.2): percent-encoded UTF-8 of non-ASCII
 * characters decoded (`/tags/經開區/feed.xml`), everything else left as it is: ASCII escapes
 * (`%2F`, `%20`, `%25`), and characters that would mislead a reader (spaces, invisible and
 * bidirectional controls). Links and copy buttons keep the encoded URL.
 */
export function toIri(url: string): string {
  return url.replace(/(?:%[89A-F][0-9A-F])+/gi, (run) => {
    let decoded: string
    try {
      decoded = decodeURIComponent(run)
    } catch {
      return run // not UTF-8: left as sent
    }
    return [...decoded].map((ch) => (MISLEADING.test(ch) ? encodeURIComponent(ch) : ch)).join('')
  })
}

/** A stored file: `/media/{sha256}`, its key being the SHA-256 of its bytes. */
export function mediaPath(key: string): string {
  return `/media/${key}`
}

/** A stored image `width` pixels wide at most, as WebP (the variant ladder, docs/media.md). */
export function variantPath(key: string, width: number): string {
  return `/media/${key}/${width}.webp`
}

/** A stored file in the publishing API. */
export function apiMediaPath(key: string): string {
  return `/api/media/${key}`
}

/** Micropub's media endpoint (advertised in `q=config`). */
export const MICROPUB_MEDIA_PATH = '/micropub/media'
