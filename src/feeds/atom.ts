import type { Author } from '../articles/model'
import type { Feed, FeedImage, FeedItem } from './model'
import { el, empty, open, xmlCdata, XML_DECLARATION } from './xml'
import { renderEach } from './each'

/** Atom 1.0 (RFC 4287), paged with RFC 5005 links. Titles are text, content is escaped HTML. */
export function renderAtom(feed: Feed): string {
  const { links } = feed
  const out: string[] = [
    XML_DECLARATION,
    open('feed', {
      xmlns: 'http://www.w3.org/2005/Atom',
      'xmlns:at': feed.deleted.length ? 'http://purl.org/atompub/tombstones/1.0' : undefined,
      'xml:lang': feed.language,
    }),
    el('id', feed.id),
    el('title', feed.title, { type: 'text' }),
    el('subtitle', feed.description, { type: 'text' }),
    el('updated', feed.updated),
    ...feed.authors.map(renderAuthor),
    empty('link', { rel: 'self', type: 'application/atom+xml', href: links.self }),
    ...links.hubs.map((hub) => empty('link', { rel: 'hub', href: hub })),
    empty('link', { rel: 'alternate', type: 'text/html', href: links.alternate }),
    links.self !== links.first
      ? empty('link', { rel: 'first', type: 'application/atom+xml', href: links.first })
      : '',
    links.next
      ? empty('link', { rel: 'next', type: 'application/atom+xml', href: links.next })
      : '',
    ...links.translations.map((t) =>
      empty('link', {
        rel: 'alternate',
        type: 'application/atom+xml',
        hreflang: t.language,
        href: t.href,
      }),
    ),
    el('generator', 'edgefeed'),
  ]
  // Extension elements come before the entries (RFC 4287 section 4.1.1).
  for (const gone of feed.deleted)
    out.push(empty('at:deleted-entry', { ref: gone.ref, when: gone.when }))
  out.push(...renderEach(feed.items, (item) => renderEntry(item, feed.language)))
  out.push('</feed>')
  return out.filter(Boolean).join('\n')
}

function renderAuthor(author: Author): string {
  return `<author>${el('name', author.name)}${el('uri', author.url)}${el('email', author.email)}</author>`
}

/**
 * A file of the entry, with its type and length where known: feedparser takes a link without a
 * type for text/html.
 */
function enclosure(file: FeedImage & { title?: string }): string {
  return empty('link', {
    rel: 'enclosure',
    type: file.type,
    href: file.url,
    length: file.length === undefined ? undefined : String(file.length),
    title: file.title,
  })
}

function renderEntry(item: FeedItem, feedLanguage: string): string {
  const parts = [
    open('entry', { 'xml:lang': item.language === feedLanguage ? undefined : item.language }),
    // Atom's id is an IRI: an imported guid that is none ("12345") gives way to the URL.
    el('id', /^[a-z][a-z0-9+.-]*:\S+$/i.test(item.id) ? item.id : item.url),
    el('title', item.title, { type: 'text' }),
    // One alternate, the article itself: readers that keep the last one (feedparser, newsboat)
    // would otherwise open a converted copy. The page links its variants with hreflang.
    empty('link', { rel: 'alternate', type: 'text/html', href: item.url }),
    item.externalUrl
      ? empty('link', { rel: 'related', type: 'text/html', href: item.externalUrl })
      : '',
    item.image ? enclosure(item.image) : '',
    ...item.attachments.map(enclosure),
    el('published', item.published),
    el('updated', item.updated),
    ...item.authors.map(renderAuthor),
    ...item.tags.map((tag) => empty('category', { term: tag, label: tag })),
    // An article with no text has no summary: Atom's is optional, and empty is a warning.
    item.summary ? el('summary', item.summary, { type: 'text' }) : '',
    el('content', item.contentHtml, { type: 'html' }, xmlCdata),
    '</entry>',
  ]
  return parts.join('')
}
