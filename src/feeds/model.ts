import type { Author, Source } from '../articles/model'
import type { Timestamp } from '../time'

/**
 * One format-neutral feed. Each field says what it becomes in RSS 2.0, Atom 1.0 and
 * JSON Feed 1.1; the serializers are pure functions of this model and never read a clock.
 */
export interface Feed {
  /** RSS: -; Atom: `<id>`; JSON: -. Permanent: the site's home URL. */
  id: string
  /** RSS `<title>`; Atom `<title type="text">`; JSON `title`. */
  title: string
  /** RSS `<description>`; Atom `<subtitle>`; JSON `description`. */
  description: string
  /** RSS `<language>`; Atom `xml:lang`; JSON `language`. */
  language: string
  /** The newest change among the items. RSS `<lastBuildDate>`; Atom `<updated>`; JSON -. */
  updated: Timestamp
  /** RSS -; Atom `<author>`; JSON `authors`. */
  authors: Author[]
  links: FeedLinks
  items: FeedItem[]
  /** Recently deleted entries (first page only). RSS -; Atom `at:deleted-entry` (RFC 6721); JSON -. */
  deleted: { ref: string; when: string }[]
}

/** Links between pages (RFC 5005). RSS: `atom:link`; Atom: `<link>`; JSON: `feed_url`, `next_url`. */
export interface FeedLinks {
  /** This document. RSS/Atom `rel="self"`; JSON `feed_url`. */
  self: string
  /** The HTML page. RSS `<link>`; Atom `rel="alternate"`; JSON `home_page_url`. */
  alternate: string
  /** The first page. RSS/Atom `rel="first"`; JSON -. */
  first: string
  /** The next (older) page. RSS/Atom `rel="next"`; JSON `next_url`. */
  next?: string
  /** WebSub hubs. RSS/Atom `rel="hub"`; JSON `hubs`. */
  hubs: string[]
  /** This feed in the other Chinese scripts. RSS -; Atom `rel="alternate" hreflang`; JSON -. */
  translations: Translation[]
}

/** The same document in another language or script. */
export interface Translation {
  language: string
  href: string
}

/** A file that goes with an item. */
export interface FeedAttachment {
  url: string
  type: string
  /** Bytes; unknown only for a file on another host. RSS `length` (0 when unknown). */
  length?: number
  seconds?: number
  title?: string
}

/** An item's lead image, with its type and size where they are known. */
export interface FeedImage {
  url: string
  /** R2's for a file of ours, else the one its URL's extension names, if any. */
  type?: string
  /** Bytes: known for a file of ours (stored with the article since its facts were kept). */
  length?: number
}

/** A photo of an item, with its text alternative and what the page's caption says. */
export interface FeedPhoto {
  url: string
  alt: string
  caption?: string
  credit?: string
}

export interface FeedItem {
  /** Permanent, never changes on edit. RSS `<guid isPermaLink="true">`; Atom `<id>`; JSON `id`. */
  id: string
  /** The article page. RSS `<link>`; Atom `rel="alternate"`; JSON `url`. */
  url: string
  /** The canonical copy elsewhere. RSS -; Atom `rel="related"`; JSON `external_url`. */
  externalUrl?: string
  /** Plain text. RSS `<title>`; Atom `<title type="text">`; JSON `title`. */
  title: string
  /** Plain text. RSS `<description>`; Atom `<summary type="text">`; JSON `summary`. */
  summary: string
  /** Sanitised HTML. RSS `<content:encoded>`; Atom `<content type="html">`; JSON `content_html`. */
  contentHtml: string
  /** RSS `<pubDate>` (RFC 822); Atom `<published>`; JSON `date_published`. Offset kept. */
  published: Timestamp
  /** RSS -; Atom `<updated>`; JSON `date_modified`. */
  updated: Timestamp
  /** RSS one `<dc:creator>` with every name; Atom `<author>` each; JSON `authors`. */
  authors: Author[]
  /** As written. RSS `<category>`; Atom `<category term label>`; JSON `tags`. */
  tags: string[]
  /**
   * The lead image. RSS `<enclosure>` when its type is known and no attachment takes the one
   * enclosure, else `<media:content medium="image">`; Atom `rel="enclosure"`; JSON `image`.
   */
  image?: FeedImage
  /**
   * Files with the item: audio, video, documents. RSS `<enclosure>` (the first: RSS has one per
   * item) and `<media:content>` for each; Atom `rel="enclosure"` for each; JSON `attachments`.
   */
  attachments: FeedAttachment[]
  /**
   * The article's photos. RSS `<media:content medium="image">` each, with `<media:description>`
   * (the caption, else the alt text) and `<media:credit>`; Atom -; JSON - (the lead is `image`).
   */
  photos?: FeedPhoto[]
  /** RSS -; Atom `xml:lang` on the entry; JSON `language`. */
  language: string
  /** RSS `<source>` (when it has a URL); Atom -; JSON -. */
  source?: Source
}
