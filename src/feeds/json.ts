import type { Author } from '../articles/model'
import type { Feed, FeedAttachment, FeedItem } from './model'
import { renderEach } from './each'

const VERSION = 'https://jsonfeed.org/version/1.1'

/** JSON Feed 1.1 has no email field: an author is a name and a URL. */
function jsonAuthor(author: Author) {
  return author.url ? { name: author.name, url: author.url } : { name: author.name }
}

/** JSON Feed 1.1, with `next_url` for paging. */
export function renderJson(feed: Feed): string {
  return JSON.stringify({
    version: VERSION,
    title: feed.title,
    home_page_url: feed.links.alternate,
    feed_url: feed.links.self,
    description: feed.description,
    ...(feed.links.next ? { next_url: feed.links.next } : {}),
    language: feed.language,
    authors: feed.authors.map(jsonAuthor),
    ...(feed.links.hubs.length
      ? { hubs: feed.links.hubs.map((url) => ({ type: 'WebSub', url })) }
      : {}),
    items: renderEach(feed.items, jsonItem),
  })
}

function jsonAttachment(file: FeedAttachment) {
  return {
    url: file.url,
    mime_type: file.type,
    ...(file.title !== undefined ? { title: file.title } : {}),
    ...(file.length !== undefined ? { size_in_bytes: file.length } : {}),
    ...(file.seconds !== undefined ? { duration_in_seconds: file.seconds } : {}),
  }
}

function jsonItem(item: FeedItem) {
  return {
    id: item.id,
    url: item.url,
    ...(item.externalUrl ? { external_url: item.externalUrl } : {}),
    title: item.title,
    content_html: item.contentHtml,
    summary: item.summary,
    ...(item.image ? { image: item.image.url } : {}),
    ...(item.attachments.length ? { attachments: item.attachments.map(jsonAttachment) } : {}),
    date_published: item.published,
    date_modified: item.updated,
    ...(item.authors.length ? { authors: item.authors.map(jsonAuthor) } : {}),
    tags: item.tags,
    language: item.language,
  }
}
