/** JSON Feed 1.1 (and 1.0) pages read into import items. */
import { z } from 'zod'
import { fromRfc3339 } from './dates'
import {
  absoluteUrl,
  dateOrRefuse,
  enclosureOf,
  itemRead,
  type FeedPage,
  type ItemResult,
} from './item'

const text = z.string().optional().catch(undefined)
const Author = z.looseObject({ name: text, url: text, avatar: text })
const Item = z.looseObject({
  id: z.union([z.string(), z.number()]).optional().catch(undefined),
  url: text,
  external_url: text,
  title: text,
  content_html: text,
  content_text: text,
  summary: text,
  image: text,
  banner_image: text,
  date_published: text,
  date_modified: text,
  authors: z.array(Author).optional().catch(undefined),
  author: Author.optional().catch(undefined),
  tags: z.array(z.string()).optional().catch(undefined),
  language: text,
  attachments: z
    .array(
      z.looseObject({
        url: z.string(),
        mime_type: z.string(),
        title: text,
        size_in_bytes: z.number().optional().catch(undefined),
        duration_in_seconds: z.number().optional().catch(undefined),
      }),
    )
    .optional()
    .catch(undefined),
})
const Feed = z.looseObject({
  version: z.string().startsWith('https://jsonfeed.org/version/'),
  title: text,
  language: text,
  next_url: text,
  items: z.array(z.unknown()),
})

/** Whether a parsed JSON document is a JSON Feed. */
export function isJsonFeed(doc: unknown): boolean {
  return Feed.safeParse(doc).success
}

function readItem(raw: unknown, base: string, language?: string): ItemResult {
  const parsed = Item.safeParse(raw)
  if (!parsed.success) return { ok: false, refused: { reason: 'the item is not a JSON object' } }
  const item = parsed.data
  const link = absoluteUrl(item.url, base)
  const title = item.title?.trim() || undefined
  const guid = item.id === undefined ? undefined : String(item.id).trim()
  if (!guid) return { ok: false, refused: { link, title, reason: 'the item has no id' } }
  const published = dateOrRefuse(item.date_published, fromRfc3339, 'date_published')
  const updated = dateOrRefuse(item.date_modified, fromRfc3339, 'date_modified')
  const problem = published.problem ?? updated.problem
  if (problem) return { ok: false, refused: { guid, link, title, reason: problem } }
  const authors = (item.authors ?? (item.author ? [item.author] : []))
    .map((a) => {
      const url = absoluteUrl(a.url, base)
      return { name: a.name?.trim() ?? '', ...(url ? { url } : {}) }
    })
    .filter((a) => a.name !== '')
  const enclosures = (item.attachments ?? []).flatMap((a) => {
    const { url, mime_type: type, size_in_bytes: length, duration_in_seconds: seconds } = a
    return enclosureOf({ url, type, length, seconds, title: a.title }, base) ?? []
  })
  return itemRead({
    guid,
    title,
    link,
    content_html: item.content_html,
    content_text: item.content_html ? undefined : item.content_text,
    summary: item.summary?.trim(),
    published: published.value ?? updated.value,
    updated: updated.value,
    authors,
    tags: (item.tags ?? []).map((t) => t.trim()).filter(Boolean),
    image: absoluteUrl(item.image ?? item.banner_image, base),
    enclosures,
    language: item.language ?? language,
  })
}

/** A JSON Feed document, one page of an archive; `base` is the page's URL. */
export function readJsonFeed(doc: unknown, base: string): FeedPage {
  const feed = Feed.parse(doc)
  const next = absoluteUrl(feed.next_url, base)
  return {
    format: 'json',
    ...(feed.title ? { title: feed.title } : {}),
    results: feed.items.map((raw) => readItem(raw, base, feed.language)),
    links: next ? { next } : {},
  }
}
