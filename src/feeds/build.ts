import type { Article } from '../articles/model'
import type { Config } from '../config'
import type { Page } from '../store/articles'
import type { Feed, FeedItem } from './model'
import { articlePath, feedPath, tagPath, withQuery, type FeedFormat } from '../urls'
import { latest, timestampIn, toMillis, type Timestamp } from '../time'

export interface FeedRequest {
  format: FeedFormat
  tag?: string
  /** The `limit` the reader asked for, kept in paging links; undefined means the default. */
  limit?: number
  cursor?: string
  baseUrl: string
}

/** The item for one stored article. Throws if the stored dates are corrupt. */
export function feedItem(article: Article, baseUrl: string): FeedItem {
  toMillis(article.published)
  toMillis(article.updated)
  const url = baseUrl + articlePath(article.id)
  return {
    id: url,
    url,
    externalUrl: article.url,
    title: article.title,
    summary: article.summary,
    contentHtml: article.content_html,
    published: article.published,
    updated: article.updated,
    authors: article.authors,
    tags: article.tags,
    image: article.image,
    language: article.language,
    source: article.source,
  }
}

/**
 * The feed model for one page of articles. `changed` (the content version's time) stands in
 * for `updated` only when the page is empty, so the same articles always give the same
 * document.
 */
export function buildFeed(
  config: Config,
  req: FeedRequest,
  page: Page<Article>,
  changed: number,
): Feed {
  const path = feedPath(req.format, req.tag)
  const link = (cursor?: string) => req.baseUrl + withQuery(path, { limit: req.limit, cursor })
  const items = page.items.flatMap((article) => {
    try {
      return [feedItem(article, req.baseUrl)]
    } catch (error) {
      console.error(
        `article ${article.id} left out of the feed: its stored value is corrupt`,
        error,
      )
      return []
    }
  })
  const updated = items.reduce<Timestamp>(
    (newest, item) => latest(newest, item.updated),
    timestampIn(items.length ? 0 : changed, 'UTC'),
  )
  const home = req.baseUrl + (req.tag === undefined ? '/' : tagPath(req.tag))
  return {
    id: home,
    title: req.tag === undefined ? config.siteTitle : `${config.siteTitle}: ${req.tag}`,
    description: config.siteDescription,
    language: config.language,
    updated,
    authors: [{ name: config.siteTitle, url: req.baseUrl + '/' }],
    links: {
      self: link(req.cursor),
      alternate: home,
      first: link(),
      next: page.cursor ? link(page.cursor) : undefined,
    },
    items,
  }
}
