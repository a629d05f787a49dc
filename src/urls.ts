/** Every URL path the service links to or answers with is built here. */
import { authorSlug, type Listing } from './articles/listings'
import { scriptOf, SCRIPTS, type Script } from './articles/script'

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

/** The browser desk. */
export const DESK_PATH = '/desk/'

/** A one-time desk enrolment link's page. */
export function deskEnrolPath(token: string): string {
  return `/desk/enrol/${token}`
}

/** `/tags/{tag}` with the tag as written, percent-encoded (`/tags/%E7%B6%93...`). */
export function tagPath(tag: string): string {
  return `/tags/${encodeURIComponent(tag)}`
}

/** `/authors/{slug}`: the author's slug (`jane-doe`, `王小明`), percent-encoded. */
export function authorPath(name: string): string {
  return `/authors/${encodeURIComponent(authorSlug(name))}`
}

/** A listing's page: the tag's or the author's; empty for the site's, whose page is `/`. */
export function listingPath(listing?: Listing): string {
  if (listing === undefined) return ''
  return listing.kind === 'tag' ? tagPath(listing.name) : authorPath(listing.name)
}

export function feedPath(format: FeedFormat, listing?: Listing): string {
  return `${listingPath(listing)}/${FEED_FILES[format]}`
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
/**
 * Which script versions a page has: `listing` for a list, whose versions differ in every
 * script; the script an article is written in (its own version is the original page); `none`
 * for an article in another language, which has no versions in another script.
 */
export type Written = 'listing' | Script | 'none'

/** What an article of `language` is written in, as `scriptVersions` reads it. */
export function writtenIn(language: string): Written {
  const script = scriptOf(language)
  return script === undefined ? 'none' : script === 'zh' ? 'listing' : script
}

/** One version of a page, as search engines are told of it (`hreflang`). */
export interface Version {
  hreflang: string
  path: string
}

/**
 * The versions of the page at `path` (without a script prefix) on a Chinese site, each naming
 * all of them: the original as `x-default`, and one per script (`zh-Hans`, `zh-Hant`, the
 * BCP 47 script subtags search engines document for Chinese). An article's version in its own
 * script is the original itself. None for a page with no versions.
 */
export function scriptVersions(path: string, written: Written): Version[] {
  if (written === 'none') return []
  return [
    { hreflang: 'x-default', path },
    ...SCRIPTS.map((s) => ({ hreflang: s, path: s === written ? path : scriptPrefix(s) + path })),
  ]
}

/** The canonical path of `path` as seen in `script`: its own version, or the original. */
export function canonicalPath(path: string, written: Written, script?: Script): string {
  return script && written !== 'none' && written !== script ? scriptPrefix(script) + path : path
}
