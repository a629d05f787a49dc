/** Atom 1.0 pages (RFC 4287) read into import items, and RFC 5005's links in both XML formats. */
import { fromRfc3339 } from './dates'
import {
  absoluteUrl,
  dateOrRefuse,
  enclosureOf,
  itemRead,
  leadImageAndFiles,
  type ArchiveLinks,
  type FeedPage,
  type ItemResult,
} from './item'
import { mediaImage } from './media'
import { htmlText } from './text'
import { childOf, childrenOf, childText, innerXml, NS, textOf, type XmlElement } from './xml-tree'

/** RFC 5005's links of a feed or channel: Atom `link` elements, also inside RSS as `atom:link`. */
export function atomLinks(parent: XmlElement, base: string): ArchiveLinks {
  const links: ArchiveLinks = {}
  for (const link of childrenOf(parent, NS.atom, 'link')) {
    const href = absoluteUrl(link.attrs.href, base)
    if (!href) continue
    if (link.attrs.rel === 'prev-archive') links.prevArchive ??= href
    if (link.attrs.rel === 'next') links.next ??= href
  }
  return links
}

/** An Atom text construct as HTML: text is escaped, xhtml is its markup. */
function htmlOf(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined
  const type = el.attrs.type ?? 'text'
  if (type === 'xhtml') {
    const div = el.children.find((c) => typeof c !== 'string')
    return div && typeof div !== 'string' ? innerXml(div) : undefined
  }
  const text = textOf(el)
  if (!text) return undefined
  if (type === 'html') return text
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .split(/\n{2,}/)
    .map((p) => `<p>${p}</p>`)
    .join('')
}

/** An Atom text construct as plain text. */
function plainOf(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined
  const type = el.attrs.type ?? 'text'
  const text = type === 'text' ? textOf(el) : htmlText(htmlOf(el) ?? '')
  return text.replace(/\s+/g, ' ').trim() || undefined
}

function personsOf(entry: XmlElement, feedAuthors: XmlElement[]) {
  const own = childrenOf(entry, NS.atom, 'author')
  return (own.length ? own : feedAuthors)
    .map((p) => {
      const name = childText(p, NS.atom, 'name') ?? ''
      const url = absoluteUrl(childText(p, NS.atom, 'uri'))
      const email = childText(p, NS.atom, 'email')
      return { name, ...(url ? { url } : {}), ...(email ? { email } : {}) }
    })
    .filter((p) => p.name !== '')
}

function readEntry(entry: XmlElement, base: string, feed: XmlElement): ItemResult {
  const guid = childText(entry, NS.atom, 'id')
  const title = plainOf(childOf(entry, NS.atom, 'title'))
  const links = childrenOf(entry, NS.atom, 'link')
  const alternate = links.find((l) => (l.attrs.rel ?? 'alternate') === 'alternate')
  const link = absoluteUrl(alternate?.attrs.href, base)
  if (!guid) return { ok: false, refused: { link, title, reason: 'the entry has no id' } }
  const published = dateOrRefuse(childText(entry, NS.atom, 'published'), fromRfc3339, 'published')
  const updated = dateOrRefuse(childText(entry, NS.atom, 'updated'), fromRfc3339, 'updated')
  const problem = published.problem ?? updated.problem
  if (problem) return { ok: false, refused: { guid, link, title, reason: problem } }
  const content = childOf(entry, NS.atom, 'content')
  // Content given by reference only (`src`) has no text to import: the summary stands in.
  const content_html = content?.attrs.src ? undefined : htmlOf(content)
  const summary = plainOf(childOf(entry, NS.atom, 'summary'))
  const enclosures = links
    .filter((l) => l.attrs.rel === 'enclosure')
    .flatMap((l) => {
      const { href: url, type, length, title } = l.attrs
      return enclosureOf({ url, type, length, title }, base) ?? []
    })
  const language = entry.attrs[`{${NS.xml}}lang`] ?? feed.attrs[`{${NS.xml}}lang`]
  return itemRead({
    guid,
    title,
    link,
    content_html,
    summary,
    published: published.value ?? updated.value,
    updated: updated.value,
    authors: personsOf(entry, childrenOf(feed, NS.atom, 'author')),
    tags: childrenOf(entry, NS.atom, 'category')
      .map((c) => (c.attrs.label ?? c.attrs.term ?? '').trim())
      .filter(Boolean),
    ...leadImageAndFiles(mediaImage(entry, base), enclosures),
    language,
  })
}

/** An Atom `<feed>` document, one page of an archive; `base` is the page's URL. */
export function readAtom(feed: XmlElement, base: string): FeedPage {
  return {
    format: 'atom',
    title: plainOf(childOf(feed, NS.atom, 'title')),
    results: childrenOf(feed, NS.atom, 'entry').map((e) => readEntry(e, base, feed)),
    links: atomLinks(feed, base),
  }
}
