/**
 * The list of every feed as OPML 2.0 (opml.org/spec2.opml), which feed readers import to
 * subscribe to a whole site in one step: grouped into the site's feeds, its tags' and its
 * authors', each listing in every format and script it is offered in.
 */
import { el, empty, open, XML_DECLARATION } from './xml'

/** One feed: what a reader calls it, where it is, and the page it lists. */
export interface OpmlFeed {
  text: string
  xmlUrl: string
  htmlUrl: string
}

/** A group of feeds (the site's, tags', authors'), each listing's feeds together. */
export interface OpmlGroup {
  text: string
  listings: { text: string; feeds: OpmlFeed[] }[]
}

/** An OPML document of `groups`; `changed` is when the list last changed (RFC 822). */
export function renderOpml(title: string, changed: string, groups: OpmlGroup[]): string {
  const outline = (feed: OpmlFeed) =>
    empty('outline', {
      type: 'rss',
      text: feed.text,
      title: feed.text,
      xmlUrl: feed.xmlUrl,
      htmlUrl: feed.htmlUrl,
    })
  return [
    XML_DECLARATION,
    open('opml', { version: '2.0' }),
    `<head>${el('title', title)}${el('dateModified', changed)}${el('docs', 'http://opml.org/spec2.opml')}</head>`,
    '<body>',
    ...groups
      .filter((g) => g.listings.length)
      .flatMap((group) => [
        open('outline', { text: group.text }),
        ...group.listings.flatMap((listing) => [
          open('outline', { text: listing.text }),
          ...listing.feeds.map(outline),
          '</outline>',
        ]),
        '</outline>',
      ]),
    '</body>',
    '</opml>',
  ].join('\n')
}
