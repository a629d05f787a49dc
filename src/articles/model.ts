import type { Timestamp } from '../time'
import type { Script } from './script'

/**
 * What a publisher asks of an article: `draft` keeps it unpublished (its owner's and the
 * admin's alone, in no page, feed or ping), `published` makes it public at its `published` time
 * (scheduled while that is ahead).
 */
export type Intent = 'draft' | 'published'

/** A person credited for an article. */
export interface Author {
  name: string
  url?: string
  email?: string
}

/** Where a story came from (a wire service, another paper). */
export interface Source {
  name: string
  url?: string
}

/**
 * A value as JSON holds it. Arrays and objects hold JSON values in turn; the type says so one
 * level deep, which keeps the coordinator's RPC types finite.
 */
export type JsonValue = string | number | boolean | null | object

/** A photo of the article, with its text alternative (`""`: decorative). */
export interface Photo {
  url: string
  alt: string
  caption?: string
  credit?: string
}

/**
 * A file that goes with an article (a podcast's audio, a video, a PDF): an RSS enclosure, an
 * Atom `rel="enclosure"`, a JSON Feed attachment. For a file of ours its type and size are
 * R2's, not the publisher's.
 */
export interface Attachment {
  url: string
  mime_type: string
  /** Unknown (0 in RSS) only for a file on another host whose publisher gave none. */
  size_in_bytes?: number
  duration_in_seconds?: number
  title?: string
}

/** What R2 says of a file of ours: its type and size, as readers download it. */
export interface MediaFacts {
  mime_type: string
  size_in_bytes: number
}

/** What copying an article's images from other hosts into R2 did (docs/media.md). */
export interface RehostReport {
  /** `queued` from the write until the queue's consumer has tried every image. */
  state: 'queued' | 'done'
  /** Each image from another host this write asked for, in the order of the content. */
  images: string[]
  copied?: { from: string; to: string }[]
  failed?: { url: string; reason: string }[]
}

/** An article's text in another Chinese script, converted once, on write. */
export interface ArticleText {
  title: string
  summary: string
  content_html: string
  tags: string[]
}

/**
 * An article as stored under `article:{id}` and returned by the API. Every string has been
 * cleaned (NFC, no XML-forbidden characters) and `content_html` sanitised, so readers of
 * this type can trust it.
 */
export interface Article {
  id: string
  title: string
  /** Given by the publisher, or derived from the content. */
  summary: string
  /** Sanitised HTML, whatever format the publisher sent. */
  content_html: string
  /** The Markdown or plain text the publisher sent, kept so the API returns it unchanged. */
  content_markdown?: string
  content_text?: string
  /**
   * The text exactly as posted, when the import changed it: a text import's whole page, or
   * content whose phonetic annotations were removed. It can be imported again another way.
   */
  source_text?: string
  authors: Author[]
  published: Timestamp
  /** `date` when only a day was given: `published` is its midnight, and pages show the day. */
  published_precision?: 'date'
  updated: Timestamp
  /** As written by the publisher, in order, without duplicates (compared case-folded). */
  tags: string[]
  /** BCP 47. */
  language: string
  source?: Source
  /** The canonical link elsewhere, when the article also lives on another site. */
  url?: string
  /** The lead image: as given, or the first photo. */
  image?: string
  /**
   * The lead image's type and size when it is a file of ours, as R2 has them: its enclosure in
   * RSS and Atom. Absent for an image elsewhere, and for articles stored before it was kept.
   */
  image_file?: MediaFacts
  photos?: Photo[]
  /**
   * Microformats properties edgefeed keeps without using them (a Micropub check-in's venue,
   * a reply's target), as sent: for the publisher's tools, never shown to readers.
   */
  extra_properties?: Record<string, JsonValue[]>
  attachments?: Attachment[]
  /** Images asked to be copied into R2, and what became of them: for the publisher alone. */
  rehost?: RehostReport
  /**
   * The id readers of another site's feed knew the article by (RSS `guid`, Atom `id`, JSON
   * Feed `id`), kept by an import and used as the feed id instead of the article's URL, so
   * nobody sees it twice. Set once, never changed.
   */
  guid?: string
  /** Name of the publisher that created the article; `admin` for the admin token. */
  publisher: string
  /** Chinese articles only: the text in the script(s) it was not written in. */
  variants?: Partial<Record<Script, ArticleText>>
}

/**
 * The article as readers see it: the publisher's source text, account and the properties
 * kept for its tools stay private.
 */
export type PublicArticle = Omit<
  Article,
  'content_text' | 'content_markdown' | 'source_text' | 'publisher' | 'extra_properties' | 'rehost'
>

/** An article's text in another script, as a list shows it: everything but the content. */
export type CardText = Omit<ArticleText, 'content_html'>

/**
 * What a list page shows of an article: everything readers see but its content, in every
 * script. Stored beside the article, so a list reads a few KB per article, not the article.
 */
export type ArticleCard = Omit<PublicArticle, 'content_html' | 'variants'> & {
  variants?: Partial<Record<Script, CardText>>
}

/** The card of an article. */
export function cardOf(article: PublicArticle): ArticleCard {
  const { content_html: _c, variants, ...rest } = article
  if (!variants) return rest
  const texts = Object.entries(variants).map(([script, { content_html: _v, ...text }]) => [
    script,
    text,
  ])
  return { ...rest, variants: Object.fromEntries(texts) as ArticleCard['variants'] }
}
