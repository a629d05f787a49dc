/** The archive readers: RSS 2.0, Atom and JSON Feed pages into import items, and the walk. */
import { describe, expect, it } from 'vitest'
import { nextPage, visit } from '../../src/imports/archive-walk'
import { fromRfc822, fromWordPress } from '../../src/imports/dates'
import { NotAFeed, readFeedPage } from '../../src/imports/feed-page'
import type { ImportItem } from '../../src/imports/item'
import { atomPaged, jsonFeedPaged, OLD_SITE, rssArchive, story } from '../support/archives'

const items = (page: ReturnType<typeof readFeedPage>): ImportItem[] =>
  page.results.map((r) => {
    if (!r.ok) throw new Error(r.refused.reason)
    return r.item
  })

describe('dates', () => {
  it('reads RFC 822 dates with their offsets, named zones and two-digit years', () => {
    expect(fromRfc822('Tue, 10 Jun 2003 04:00:00 +0800')).toBe('2003-06-10T04:00:00+08:00')
    expect(fromRfc822('10 Jun 2003 04:00 GMT')).toMatch(/^2003-06-10T04:00:00(Z|\+00:00)$/)
    expect(fromRfc822('Tue, 10 Jun 03 04:00:00 EDT')).toBe('2003-06-10T04:00:00-04:00')
    expect(fromRfc822('Mon, 30 Feb 2003 04:00:00 +0000')).toBeUndefined()
    expect(fromRfc822('yesterday')).toBeUndefined()
  })

  it("reads WordPress's local and UTC times as one date with the site's offset", () => {
    expect(fromWordPress('2017-03-04 10:20:30', '2017-03-04 02:20:30')).toBe(
      '2017-03-04T10:20:30+08:00',
    )
    expect(fromWordPress('2017-05-01 09:00:00', '0000-00-00 00:00:00')).toBeUndefined()
  })
})

describe('RSS 2.0', () => {
  const pages = rssArchive(250, 50)
  const page = readFeedPage(pages.get('/feed.xml')!, `${OLD_SITE}/feed.xml`)

  it('keeps each item as readers had it: guid, link, dates with offsets, authors, tags', () => {
    const all = items(page)
    expect(all).toHaveLength(50)
    const s = story(250)
    expect(all[0]).toEqual({
      guid: s.guid,
      title: s.title,
      link: s.link,
      content_html: s.html,
      summary: 'Summary of story 250.',
      published: s.rfc3339,
      authors: [{ name: s.author }],
      tags: [s.category],
      image: `${OLD_SITE}/images/250.jpg`,
      enclosures: [
        { url: `${OLD_SITE}/audio/250.mp3`, mime_type: 'audio/mpeg', size_in_bytes: 1250 },
      ],
      language: 'en',
    })
  })

  it("follows RFC 5005's prev-archive link, resolved against the page", () => {
    expect(page.links).toEqual({ prevArchive: `${OLD_SITE}/archive/4.xml` })
    const first = readFeedPage(pages.get('/archive/1.xml')!, `${OLD_SITE}/archive/1.xml`)
    expect(first.links).toEqual({})
    expect(items(first).map((i) => i.guid)).toContain(story(1).guid)
  })

  it('refuses an item with a date it cannot read, or with neither guid nor link, naming why', () => {
    const doc = `<rss version="2.0"><channel><title>t</title>
      <item><title>bad date</title><guid>a</guid><pubDate>someday</pubDate><description>x</description></item>
      <item><title>no id</title><description>x</description></item>
      <item><title>by link</title><link>/p/3</link><author>news@old.test (Wang)</author></item>
    </channel></rss>`
    const read = readFeedPage(doc, `${OLD_SITE}/feed.xml`).results
    expect(read[0]).toEqual({
      ok: false,
      refused: {
        guid: 'a',
        title: 'bad date',
        reason: 'pubDate "someday" is not a date that can be read',
        link: undefined,
      },
    })
    expect(read[1]).toMatchObject({
      ok: false,
      refused: { reason: 'the item has no guid and no link' },
    })
    expect(read[2]).toMatchObject({
      ok: true,
      item: { guid: `${OLD_SITE}/p/3`, authors: [{ name: 'Wang', email: 'news@old.test' }] },
    })
  })

  it('says clearly what a page that is not a feed is', () => {
    expect(() => readFeedPage('<html><body>hi</body></html>', 'http://x.test/')).toThrow(NotAFeed)
    expect(() => readFeedPage('<rss><channel>', 'http://x.test/')).toThrow(/not well-formed/)
    expect(() => readFeedPage('{"items": []}', 'http://x.test/')).toThrow(/not a JSON Feed/)
  })
})

describe('Atom', () => {
  const pages = atomPaged(60, 25)
  it('reads entries, persons, categories by label, enclosures and rel="next"', () => {
    const page = readFeedPage(pages.get('/atom.xml')!, `${OLD_SITE}/atom.xml`)
    expect(page.links).toEqual({ next: `${OLD_SITE}/atom.xml?page=2` })
    const all = items(page)
    expect(all).toHaveLength(25)
    const s = story(60)
    expect(all[0]).toEqual({
      guid: s.guid,
      title: s.title,
      link: s.link,
      content_html: s.html,
      summary: 'Summary of story 60.',
      published: s.rfc3339,
      updated: s.rfc3339,
      authors: [{ name: s.author, url: `${OLD_SITE}/authors/0` }],
      tags: [s.category],
      enclosures: [
        { url: `${OLD_SITE}/audio/60.mp3`, mime_type: 'audio/mpeg', size_in_bytes: 1060 },
      ],
      language: 'en',
    })
  })

  it('keeps xhtml content as markup, escapes text content, and inherits the feed author', () => {
    const doc = `<feed xmlns="http://www.w3.org/2005/Atom"><id>f</id><title>t</title>
      <author><name>Desk</name></author>
      <entry><id>urn:1</id><title type="text">A &lt;b&gt; title</title><updated>2020-01-02T03:04:05-05:00</updated>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One <em>two</em> &amp; three</p></div></content></entry>
      <entry><id>urn:2</id><title>t2</title><updated>2020-01-02T03:04:05Z</updated><content>a &lt; b</content></entry>
      <entry><id>urn:3</id><title>t3</title><updated>2020-01-02</updated></entry>
    </feed>`
    const [x, t, bad] = readFeedPage(doc, 'http://old.test/atom').results
    expect(x).toMatchObject({
      ok: true,
      item: {
        title: 'A <b> title',
        content_html: '<p>One <em>two</em> &amp; three</p>',
        published: '2020-01-02T03:04:05-05:00',
        authors: [{ name: 'Desk' }],
      },
    })
    expect(t).toMatchObject({ ok: true, item: { content_html: '<p>a &lt; b</p>' } })
    expect(bad).toMatchObject({
      ok: false,
      refused: { guid: 'urn:3', reason: expect.stringContaining('updated') },
    })
  })
})

describe('JSON Feed', () => {
  it('reads items, attachments and next_url', () => {
    const pages = jsonFeedPaged(45, 20)
    const page = readFeedPage(pages.get('/feed.json')!, `${OLD_SITE}/feed.json`)
    expect(page.links).toEqual({ next: `${OLD_SITE}/feed.json?page=2` })
    const s = story(40)
    expect(items(page)[5]).toEqual({
      guid: s.guid,
      title: s.title,
      link: s.link,
      content_html: s.html,
      summary: 'Summary of story 40.',
      published: s.rfc3339,
      authors: [{ name: s.author }],
      tags: [s.category],
      image: `${OLD_SITE}/images/40.jpg`,
      enclosures: [
        { url: `${OLD_SITE}/audio/40.mp3`, mime_type: 'audio/mpeg', size_in_bytes: 1040 },
      ],
    })
  })

  it('takes a number as id (JSON Feed 1.0 sites), 1.0 authors, and refuses a bad date', () => {
    const doc = JSON.stringify({
      version: 'https://jsonfeed.org/version/1',
      items: [
        { id: 7, content_text: 'hello', author: { name: 'A' } },
        { id: 'x', content_text: 'y', date_published: '2020-13-01T00:00:00Z' },
      ],
    })
    const [a, b] = readFeedPage(doc, 'http://old.test/feed.json').results
    expect(a).toMatchObject({
      ok: true,
      item: { guid: '7', content_text: 'hello', authors: [{ name: 'A' }] },
    })
    expect(b).toMatchObject({
      ok: false,
      refused: { guid: 'x', reason: expect.stringContaining('date_published') },
    })
  })
})

describe('the walk through an archive', () => {
  it('follows links it has not read, and stops at a loop or at the end', () => {
    let walk = visit({ visited: [] }, 'http://old.test/feed.xml')
    expect(
      nextPage(walk, { prevArchive: 'http://old.test/a/2.xml', next: 'http://old.test/p2' }),
    ).toEqual({
      url: 'http://old.test/a/2.xml',
    })
    walk = visit(walk, 'http://old.test/a/2.xml')
    expect(nextPage(walk, { prevArchive: 'http://old.test/feed.xml#top' })).toEqual({
      done: 'loop',
      url: 'http://old.test/feed.xml#top',
    })
    expect(nextPage(walk, {})).toEqual({ done: 'complete' })
  })
})
