/**
 * One item of another site's archive, read from RSS, Atom, JSON Feed or a WordPress export,
 * before it becomes an article: the shape every reader gives and the import maps.
 */
import type { Author } from '../articles/model'
import type { Timestamp } from '../time'

/** A file that went with the item: an RSS enclosure, an Atom `rel="enclosure"` link. */
export interface Enclosure {
  url: string
  mime_type: string
  size_in_bytes?: number
  duration_in_seconds?: number
  title?: string
}

export interface ImportItem {
  /** The id readers already have: RSS `guid` (or its link), Atom `id`, JSON Feed `id`. */
  guid: string
  title?: string
  /** The item's own page on the old site: its old permalink. */
  link?: string
  content_html?: string
  content_text?: string
  /** Plain text. */
  summary?: string
  published?: Timestamp
  updated?: Timestamp
  authors: Author[]
  /** Categories (and WordPress tags), as written. */
  tags: string[]
  image?: string
  enclosures: Enclosure[]
  language?: string
}

/** An item that cannot be imported, and why, for the import's report. */
export interface Refused {
  guid?: string
  link?: string
  title?: string
  reason: string
}

/** What reading one item gave: the item, or why it was refused. */
export type ItemResult = { ok: true; item: ImportItem } | { ok: false; refused: Refused }

/** The links from one page of an archive to the pages it continues on. */
export interface ArchiveLinks {
  /** RFC 5005 archived feeds: the archive before this document. */
  prevArchive?: string
  /** Paged feeds (RFC 5005 `rel="next"`, JSON Feed `next_url`). */
  next?: string
}

/** One page of a feed. */
export interface FeedPage {
  format: 'rss' | 'atom' | 'json'
  title?: string
  results: ItemResult[]
  links: ArchiveLinks
}

/** A date field that was given but cannot be read refuses the item; absent is fine. */
export function dateOrRefuse<T>(
  given: string | undefined,
  read: (s: string) => T | undefined,
  field: string,
): { value?: T; problem?: string } {
  if (given === undefined || given.trim() === '') return {}
  const value = read(given)
  return value === undefined
    ? { problem: `${field} "${given}" is not a date that can be read` }
    : { value }
}

/** An absolute http(s) URL, resolved against `base`; undefined when it is none. */
export function absoluteUrl(href: string | undefined, base?: string): string | undefined {
  if (!href) return undefined
  try {
    const url = new URL(href.trim(), base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

/** A size as feeds write it ("12345"); undefined unless a whole number. */
export function sizeOf(value: string | number | undefined): number | undefined {
  const n = typeof value === 'number' ? value : value?.trim() ? Number(value) : NaN
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined
}

/**
 * A file as a feed lists it (an RSS `enclosure`, an Atom `rel="enclosure"` link, a JSON Feed
 * attachment), resolved against `base`; undefined without a usable URL. A file that names no
 * type is `application/octet-stream`; a size or duration that is no whole number is dropped.
 */
export function enclosureOf(
  file: { url?: string; type?: string; length?: string | number; seconds?: number; title?: string },
  base: string,
): Enclosure | undefined {
  const url = absoluteUrl(file.url, base)
  if (!url) return undefined
  const size = sizeOf(file.length)
  return {
    url,
    mime_type: file.type || 'application/octet-stream',
    ...(size ? { size_in_bytes: size } : {}),
    ...(file.seconds ? { duration_in_seconds: file.seconds } : {}),
    ...(file.title ? { title: file.title } : {}),
  }
}

const isImage = (file: Enclosure) => file.mime_type.startsWith('image/')

/**
 * An RSS or Atom item's lead image and files: the image Media RSS names, else the first image
 * among its enclosures; the images are not kept as files (an article's lead is its `image`).
 */
export function leadImageAndFiles(
  mediaImage: string | undefined,
  enclosures: Enclosure[],
): Pick<ImportItem, 'image' | 'enclosures'> {
  const image = mediaImage ?? enclosures.find(isImage)?.url
  return { ...(image ? { image } : {}), enclosures: enclosures.filter((e) => !isImage(e)) }
}

/** An item read, its fields that are undefined or empty left out. */
export function itemRead(fields: {
  [K in keyof ImportItem]: ImportItem[K] | undefined
}): ItemResult {
  const item = Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined && value !== ''),
  ) as unknown as ImportItem
  return { ok: true, item }
}
