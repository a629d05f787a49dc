import type { MediaFacts, PublicArticle } from '../articles/model'
import type { Config } from '../config'
import type { Feed, FeedImage, FeedItem } from './model'
import { imageType } from './media'
import type { Listing } from '../articles/listings'
import {
  articlePath,
  feedPath,
  listingPath,
  scriptPrefix,
  withQuery,
  type FeedFormat,
} from '../urls'
import { scriptOf, SCRIPTS, type Script } from '../articles/script'
import { inScript } from '../articles/variants'
import { linkedUrl } from '../media/links'
import { timestampIn, toMillis } from '../time'

export interface FeedRequest {
  format: FeedFormat
  /** A tag's or an author's listing; the site's when undefined. */
  listing?: Listing
  /** What the listing is called in the feed's title (an author's name as written). */
  heading?: string
  /** The `limit` the reader asked for, kept in paging links; undefined means the default. */
  limit?: number
  cursor?: string
  /** The site's canonical base URL. */
  baseUrl: string
  /** The script variant asked for (`/zh-Hans/...`), if any. */
  script?: Script
  /** Recent deletions to announce (Atom, first page). */
  deleted?: { id: string; deleted_at: string }[]
}

/** Where the same path lives in each script the given language is not written in. */
function translations(baseUrl: string, path: string, language: string) {
  if (!scriptOf(language)) return []
  return SCRIPTS.filter((s) => s !== language).map((s) => ({
    language: s,
    href: baseUrl + scriptPrefix(s) + path,
  }))
}

/**
 * A lead image as feeds give it: R2's type and size for a file of ours; for an image elsewhere,
 * or one of ours stored before its facts were kept, the type its URL's extension names.
 */
function feedImage(url: string, file?: MediaFacts): FeedImage {
  if (file) return { url, type: file.mime_type, length: file.size_in_bytes }
  const type = imageType(url)
  return type ? { url, type } : { url }
}

/**
 * The item for one stored article, as readers of `script` see it. Its id is the canonical
 * article URL whatever the script, so it never changes. Throws if the stored dates are corrupt.
 */
export function feedItem(
  stored: PublicArticle,
  baseUrl: string,
  script?: Script,
  mediaPublicUrl?: string,
): FeedItem {
  const media = { baseUrl, mediaPublicUrl }
  toMillis(stored.published)
  toMillis(stored.updated)
  const article = inScript(stored, script)
  const path = articlePath(article.id)
  return {
    // An imported article keeps the id its old feed gave it: readers moved here see no duplicate.
    id: article.guid ?? baseUrl + path,
    url: baseUrl + scriptPrefix(script) + path,
    externalUrl: article.url,
    title: article.title,
    summary: article.summary,
    contentHtml: article.content_html,
    published: article.published,
    updated: article.updated,
    authors: article.authors,
    tags: article.tags,
    ...(article.image ? { image: feedImage(article.image, article.image_file) } : {}),
    attachments: (article.attachments ?? []).map((a) => ({
      url: linkedUrl(media, a.url, a.mime_type),
      type: a.mime_type,
      ...(a.size_in_bytes !== undefined ? { length: a.size_in_bytes } : {}),
      ...(a.duration_in_seconds !== undefined ? { seconds: a.duration_in_seconds } : {}),
      ...(a.title !== undefined ? { title: a.title } : {}),
    })),
    ...(article.photos?.length ? { photos: article.photos } : {}),
    language: article.language,
    source: article.source,
  }
}

/**
 * One page of a listing: its articles, the cursor of the next page if there is one, and when
 * what the page shows last changed (its Last-Modified, in milliseconds).
 */
export interface FeedPage {
  items: PublicArticle[]
  cursor?: string
  changedMs: number
}

/**
 * The feed model for one page of articles. Its `updated` is the page's Last-Modified (the
 * listing's last change as the coordinator recorded it, never earlier than the deploy), never
 * the clock: the same articles always give the same document, and an empty feed says when it
 * became empty, or was deployed, not 1970.
 */
export function buildFeed(config: Config, req: FeedRequest, page: FeedPage): Feed {
  const path = feedPath(req.format, req.listing)
  const base = req.baseUrl + scriptPrefix(req.script)
  const link = (cursor?: string) => base + withQuery(path, { limit: req.limit, cursor })
  const items = page.items.flatMap((article) => {
    try {
      return [feedItem(article, req.baseUrl, req.script, config.mediaPublicUrl)]
    } catch (error) {
      console.error(
        `article ${article.id} left out of the feed: its stored value is corrupt`,
        error,
      )
      return []
    }
  })
  const updated = timestampIn(page.changedMs, 'UTC')
  const home = base + (listingPath(req.listing) || '/')
  const language = req.script ?? config.language
  return {
    id: home,
    title: req.listing
      ? `${config.siteTitle}: ${req.heading ?? req.listing.name}`
      : config.siteTitle,
    description: config.siteDescription,
    language,
    updated,
    authors: [{ name: config.siteTitle, url: req.baseUrl + '/' }],
    links: {
      self: link(req.cursor),
      alternate: home,
      first: link(),
      next: page.cursor ? link(page.cursor) : undefined,
      translations: translations(req.baseUrl, path, language),
      hubs: config.websubHubs,
    },
    items,
    deleted: (req.deleted ?? []).map((d) => ({
      ref: req.baseUrl + articlePath(d.id),
      when: d.deleted_at,
    })),
  }
}
