/** RSS 2.0 pages read into import items (RSS 2.0 specification, with its common modules). */
import { readFeedDate } from './dates'
import {
  absoluteUrl,
  dateOrRefuse,
  enclosureOf,
  itemRead,
  leadImageAndFiles,
  type FeedPage,
  type ItemResult,
} from './item'
import { htmlText } from './text'
import { childOf, childrenOf, childText, NS, textOf, type XmlElement } from './xml-tree'
import { atomLinks } from './atom'
import { mediaImage } from './media'

/** An `<rss>` document, one page of an archive; `base` is the page's URL. */
export function readRss(root: XmlElement, base: string): FeedPage {
  const channel = childOf(root, '', 'channel')
  if (!channel) return { format: 'rss', results: [], links: {} }
  const language = childText(channel, '', 'language')
  return {
    format: 'rss',
    title: childText(channel, '', 'title'),
    results: childrenOf(channel, '', 'item').map((item) => readItem(item, base, language)),
    links: atomLinks(channel, base),
  }
}

/**
 * Authors: `author` is an e-mail address with the name in brackets
 * (`news@example.org (Wang Xiaoming)`); `dc:creator` is a name.
 */
function authorsOf(item: XmlElement) {
  const out = childrenOf(item, '', 'author').map((a) => {
    const text = textOf(a)
    const m = /^(\S+@\S+)\s*\((.+)\)$/.exec(text)
    return m ? { name: m[2]!.trim(), email: m[1]! } : { name: text }
  })
  for (const c of childrenOf(item, NS.dc, 'creator')) out.push({ name: textOf(c) })
  return out.filter((a) => a.name !== '')
}

function readItem(item: XmlElement, base: string, language?: string): ItemResult {
  const link = absoluteUrl(childText(item, '', 'link'), base)
  const guid = childText(item, '', 'guid') ?? link
  const title = childText(item, '', 'title')
  if (!guid) return { ok: false, refused: { title, reason: 'the item has no guid and no link' } }
  const date = dateOrRefuse(childText(item, '', 'pubDate'), readFeedDate, 'pubDate')
  const dcDate = dateOrRefuse(childText(item, NS.dc, 'date'), readFeedDate, 'dc:date')
  const problem = date.problem ?? dcDate.problem
  if (problem) return { ok: false, refused: { guid, link, title, reason: problem } }
  const description = childText(item, '', 'description')
  const encoded = childText(item, NS.content, 'encoded')
  const enclosures = childrenOf(item, '', 'enclosure').flatMap(
    ({ attrs }) =>
      enclosureOf({ url: attrs.url, type: attrs.type, length: attrs.length }, base) ?? [],
  )
  return itemRead({
    guid,
    title: title ? htmlText(title) : undefined,
    link,
    content_html: encoded ?? description,
    summary: encoded && description ? htmlText(description) : undefined,
    published: date.value ?? dcDate.value,
    authors: authorsOf(item),
    tags: childrenOf(item, '', 'category').map(textOf).filter(Boolean),
    ...leadImageAndFiles(mediaImage(item, base), enclosures),
    language,
  })
}
