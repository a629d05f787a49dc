import type { Feed, FeedAttachment, FeedImage, FeedItem, FeedPhoto } from './model'
import { el, empty, open, xmlCdata, xmlTextHex, XML_DECLARATION } from './xml'
import { escapeHtml } from '../articles/content'
import { renderEach } from './each'
import { toRfc822 } from '../time'

const NAMESPACES = {
  version: '2.0',
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  'xmlns:media': 'http://search.yahoo.com/mrss/',
}

/** How several authors' names are joined: as newsboat shows an Atom entry's authors. */
const AUTHOR_SEPARATOR = ', '

/** RSS 2.0, with content:encoded for full text and atom:link for self and paging (RFC 5005). */
export function renderRss(feed: Feed): string {
  const { links } = feed
  const out: string[] = [
    XML_DECLARATION,
    open('rss', NAMESPACES),
    '<channel>',
    el('title', feed.title, {}, xmlTextHex),
    el('link', links.alternate),
    el('description', escapeHtml(feed.description)),
    el('language', feed.language),
    el('lastBuildDate', toRfc822(feed.updated)),
    el('generator', 'edgefeed'),
    empty('atom:link', { rel: 'self', type: 'application/rss+xml', href: links.self }),
    ...links.hubs.map((hub) => empty('atom:link', { rel: 'hub', href: hub })),
    links.self !== links.first
      ? empty('atom:link', { rel: 'first', type: 'application/rss+xml', href: links.first })
      : '',
    links.next
      ? empty('atom:link', { rel: 'next', type: 'application/rss+xml', href: links.next })
      : '',
  ]
  out.push(...renderEach(feed.items, renderItem))
  out.push('</channel>', '</rss>')
  return out.filter(Boolean).join('\n')
}

/** A plain-text element, escaped as the RSS Best Practices Profile asks. */
const text = (
  name: string,
  value: string | undefined,
  attrs?: Record<string, string | undefined>,
) => el(name, value, attrs, xmlTextHex)

const MEDIUMS: Record<string, string> = { audio: 'audio', video: 'video', image: 'image' }
const mediumOf = (type: string) => MEDIUMS[type.split('/')[0]!] ?? 'document'

/** A file in RSS's one `<enclosure>`; its length is 0 when a file elsewhere did not say. */
const enclosure = (file: FeedImage) =>
  empty('enclosure', { url: file.url, length: String(file.length ?? 0), type: file.type })

/** Media RSS's description of a file: its type, size, duration and title, where known. */
function mediaContent(file: FeedImage & Partial<FeedAttachment>, medium: string): string {
  const attrs = {
    url: file.url,
    type: file.type,
    medium,
    fileSize: file.length === undefined ? undefined : String(file.length),
    duration: file.seconds === undefined ? undefined : String(Math.round(file.seconds)),
  }
  if (file.title === undefined) return empty('media:content', attrs)
  return `${open('media:content', attrs)}${text('media:title', file.title, { type: 'plain' })}</media:content>`
}

/** Media RSS's description of a photo: what it shows (its caption, else its alt text), and who took it. */
function photoContent(photo: FeedPhoto): string {
  const description = photo.caption ?? photo.alt
  const inner = [
    description ? text('media:description', description, { type: 'plain' }) : '',
    photo.credit ? text('media:credit', photo.credit) : '',
  ].join('')
  const attrs = { url: photo.url, medium: 'image' }
  return inner
    ? `${open('media:content', attrs)}${inner}</media:content>`
    : empty('media:content', attrs)
}

function renderItem(item: FeedItem): string {
  const parts = [
    '<item>',
    text('title', item.title),
    el('link', item.url),
    el('guid', item.id, { isPermaLink: item.id === item.url ? 'true' : 'false' }),
    el('pubDate', toRfc822(item.published)),
    // Readers render <description> as HTML, so the plain-text summary is made HTML first.
    el('description', escapeHtml(item.summary)),
    el('content:encoded', item.contentHtml, {}, xmlCdata),
  ]
  // Every name in one <dc:creator>: the only form that newsboat, gofeed, SimplePie and
  // feedparser all show in full (one element each: newsboat shows the last, gofeed the first;
  // SimplePie reads <author>'s name as an address). E-mails are in Atom.
  if (item.authors.length) {
    parts.push(text('dc:creator', item.authors.map((a) => a.name).join(AUTHOR_SEPARATOR)))
  }
  for (const tag of item.tags) parts.push(text('category', tag))
  const photos = item.photos ?? []
  // A lead image that is a photo is described as one, below.
  const image = photos.some((p) => p.url === item.image?.url) ? undefined : item.image
  // RSS has one <enclosure> per item: the first attachment, else a lead image whose type is
  // known (gofeed shows an RSS image as a file only there). Every other file is media:content,
  // and none is both: SimplePie would list it twice (it merges only identical descriptions).
  // newsboat keeps podcasts' enclosures alone, the last audio or video of either kind.
  const enclosed = item.attachments[0] ?? (image?.type ? image : undefined)
  if (image && image !== enclosed) parts.push(mediaContent(image, 'image'))
  for (const photo of photos) parts.push(photoContent(photo))
  if (enclosed) parts.push(enclosure(enclosed))
  for (const file of item.attachments) {
    if (file !== enclosed) parts.push(mediaContent(file, mediumOf(file.type)))
  }
  if (item.source?.url) parts.push(text('source', item.source.name, { url: item.source.url }))
  parts.push('</item>')
  return parts.join('')
}
