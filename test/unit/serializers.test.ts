/**
 * The serializers against every way the npm `feed` package 6.0.0 was measured to break a
 * feed (see docs/architecture.md, "Why our own feed serializers"). Fixed dates; parsed with a real XML parser.
 */
import { describe, expect, it } from 'vitest'
import { renderAtom } from '../../src/feeds/atom'
import { feedItem } from '../../src/feeds/build'
import { renderJson } from '../../src/feeds/json'
import type { Feed, FeedItem } from '../../src/feeds/model'
import { renderRss } from '../../src/feeds/rss'
import type { Timestamp } from '../../src/time'
import { parseXml } from '../support/parse'

const ts = (s: string) => s as Timestamp
const text = (node: any): string => (typeof node === 'string' ? node : node['#text'])

function item(overrides: Partial<FeedItem> = {}): FeedItem {
  return {
    id: 'https://news.example.org/articles/a',
    url: 'https://news.example.org/articles/a',
    title: 'Title',
    summary: 'Summary',
    contentHtml: '<p>Body</p>',
    published: ts('2022-04-08T10:30:00+08:00'),
    updated: ts('2022-04-09T08:00:00+08:00'),
    authors: [{ name: 'Author' }],
    tags: ['tag'],
    language: 'zh-Hant',
    attachments: [],
    ...overrides,
  }
}

function feed(items: FeedItem[]): Feed {
  return {
    id: 'https://news.example.org/',
    title: 'Site',
    description: 'About',
    language: 'zh-Hant',
    updated: ts('2022-04-09T08:00:00+08:00'),
    authors: [{ name: 'Site', url: 'https://news.example.org/' }],
    links: {
      self: 'https://news.example.org/feed.xml',
      alternate: 'https://news.example.org/',
      first: 'https://news.example.org/feed.xml',
      translations: [],
      hubs: [],
    },
    items,
    deleted: [],
  }
}

const render = (i: FeedItem) => ({
  rss: parseXml(renderRss(feed([i]))).rss.channel.item[0],
  atom: parseXml(renderAtom(feed([i]))).feed.entry[0],
  json: JSON.parse(renderJson(feed([i]))).items[0],
})

describe('serializers', () => {
  it('drop control characters instead of writing them raw', () => {
    const out = render(item({ title: 'a\u0001b\u001fc\uFFFEd', contentHtml: '<p>x\u0000y</p>' }))
    expect(out.rss.title).toBe('abcd')
    expect(text(out.atom.title)).toBe('abcd')
    expect(out.rss['content:encoded']).toBe('<p>xy</p>')
  })

  it('keep `]]>`, even twice, from ending anything', () => {
    const evil = 'a]]>b]]>c'
    const out = render(item({ title: evil, contentHtml: `<p>${evil}</p>`, summary: evil }))
    expect(out.rss.title).toBe(evil)
    expect(out.rss['content:encoded']).toBe(`<p>${evil}</p>`)
    expect(text(out.atom.content)).toBe(`<p>${evil}</p>`)
    expect(text(out.atom.summary)).toBe(evil)
  })

  it('escape `<`, `&` and quotes in category labels and terms', () => {
    const tag = 'C<T> & "D"'
    const out = render(item({ tags: [tag] }))
    expect(out.rss.category).toEqual([tag])
    expect(out.atom.category[0]['@term']).toBe(tag)
    expect(out.atom.category[0]['@label']).toBe(tag)
    expect(out.json.tags).toEqual([tag])
  })

  it('give every Atom category a term', () => {
    const out = parseXml(renderAtom(feed([item({ tags: ['a', '經開區'] })]))).feed.entry[0]
    expect(
      out.category.every((c: any) => typeof c['@term'] === 'string' && c['@term'].length > 0),
    ).toBe(true)
  })

  it('mark Atom titles as text so `Vec<T>` keeps `<T>`', () => {
    const out = render(item({ title: 'Vec<T> & Box<dyn Error>' }))
    expect(out.atom.title['@type']).toBe('text')
    expect(text(out.atom.title)).toBe('Vec<T> & Box<dyn Error>')
    expect(out.rss.title).toBe('Vec<T> & Box<dyn Error>')
  })

  it('accept ids that are not URLs, and mark the RSS guid as not a permalink', () => {
    const out = render(item({ id: 'tag:news.example.org,2022:a' }))
    expect(out.atom.id).toBe('tag:news.example.org,2022:a')
    expect(text(out.rss.guid)).toBe('tag:news.example.org,2022:a')
    expect(out.rss.guid['@isPermaLink']).toBe('false')
  })

  it('keep literal entity text literal', () => {
    const out = render(item({ title: 'Tom &amp; Jerry &lt;3', summary: '&nbsp;' }))
    expect(out.rss.title).toBe('Tom &amp; Jerry &lt;3')
    expect(text(out.atom.title)).toBe('Tom &amp; Jerry &lt;3')
    expect(out.json.title).toBe('Tom &amp; Jerry &lt;3')
    // RSS readers render <description> as HTML, so it carries the summary as escaped HTML.
    expect(out.rss.description).toBe('&amp;nbsp;')
    expect(out.atom.summary['#text']).toBe('&nbsp;')
  })

  it('write RSS plain-text elements with hexadecimal references, as its profile asks', () => {
    const rss = renderRss(feed([item({ title: 'Vec<T> & co', tags: ['a&b'] })]))
    expect(rss).toContain('<title>Vec&#x3C;T&#x3E; &#x26; co</title>')
    expect(rss).toContain('<category>a&#x26;b</category>')
    expect(parseXml(rss).rss.channel.item[0].title).toBe('Vec<T> & co')
  })

  it("keep the publisher's offset in every format", () => {
    const out = render(item())
    expect(out.rss.pubDate).toBe('Fri, 08 Apr 2022 10:30:00 +0800')
    expect(out.atom.published).toBe('2022-04-08T10:30:00+08:00')
    expect(out.atom.updated).toBe('2022-04-09T08:00:00+08:00')
    expect(out.json.date_published).toBe('2022-04-08T10:30:00+08:00')
    expect(out.json.date_modified).toBe('2022-04-09T08:00:00+08:00')
    const negative = render(item({ published: ts('2022-01-02T03:04:05-05:30') }))
    expect(negative.rss.pubDate).toBe('Sun, 02 Jan 2022 03:04:05 -0530')
  })

  it('write JSON Feed 1.1 with authors and language, never the deprecated author', () => {
    const doc = JSON.parse(renderJson(feed([item()])))
    expect(doc.version).toBe('https://jsonfeed.org/version/1.1')
    expect(doc.language).toBe('zh-Hant')
    expect(doc.authors).toEqual([{ name: 'Site', url: 'https://news.example.org/' }])
    expect(doc.items[0].authors).toEqual([{ name: 'Author' }])
    expect(JSON.stringify(doc)).not.toMatch(/"author"/)
  })

  it('name every RSS author in one dc:creator, the form every reader shows in full', () => {
    const authors = [{ name: '王小明', email: 'w@example.org' }, { name: 'Jane' }, { name: 'Li' }]
    const out = render(item({ authors }))
    // One <author> or <dc:creator> each: newsboat shows the last, gofeed the first, and
    // SimplePie reads <author>'s name as an address (scripts/readers/). <author> beside
    // <dc:creator> is the W3C validator's DuplicateItemSemantics.
    expect(out.rss['dc:creator']).toEqual(['王小明, Jane, Li'])
    expect(out.rss.author).toBeUndefined()
    expect(render(item({ authors: [] })).rss['dc:creator']).toBeUndefined()
  })

  it('leave out an Atom summary that would be empty, which the W3C validator warns of', () => {
    expect(render(item({ summary: '' })).atom.summary).toBeUndefined()
    expect(text(render(item({ summary: 'S' })).atom.summary)).toBe('S')
  })

  it('give an RSS item its image as an enclosure, which gofeed reads and media:content not', () => {
    const out = render(
      item({ image: { url: 'https://img.example.org/a.jpg?w=2&h=1', type: 'image/jpeg' } }),
    )
    expect(out.rss.enclosure).toEqual({
      '@url': 'https://img.example.org/a.jpg?w=2&h=1',
      '@length': '0',
      '@type': 'image/jpeg',
    })
    // Not both: SimplePie would list the image twice.
    expect(out.rss['media:content']).toBeUndefined()
    // An enclosure must have a type: an image whose type is unknown is media:content.
    const untyped = render(item({ image: { url: 'https://img.example.org/photo?id=4' } })).rss
    expect(untyped.enclosure).toBeUndefined()
    expect(untyped['media:content']).toEqual({
      '@url': 'https://img.example.org/photo?id=4',
      '@medium': 'image',
    })
  })

  it('give a lead image of ours its type and length in every enclosure, and no other field in JSON Feed', () => {
    const url = `https://news.example.org/media/${'a'.repeat(64)}`
    const out = render(item({ image: { url, type: 'image/webp', length: 48213 } }))
    expect(out.rss.enclosure).toEqual({ '@url': url, '@length': '48213', '@type': 'image/webp' })
    expect(out.rss['media:content']).toBeUndefined()
    expect(out.atom.link.filter((l: any) => l['@rel'] === 'enclosure')).toEqual([
      { '@rel': 'enclosure', '@type': 'image/webp', '@href': url, '@length': '48213' },
    ])
    // JSON Feed 1.1's image is a URL: it has no place for a type or a size.
    expect(out.json.image).toBe(url)
    expect(Object.keys(out.json).filter((k) => k.startsWith('image') || k.startsWith('_'))).toEqual(
      ['image'],
    )
    // Atom's enclosure of an image whose type is unknown says nothing it does not know.
    const untyped = render(item({ image: { url: 'https://img.example.org/photo?id=4' } })).atom
    expect(untyped.link.find((l: any) => l['@rel'] === 'enclosure')).toEqual({
      '@rel': 'enclosure',
      '@href': 'https://img.example.org/photo?id=4',
    })
  })

  it("take a lead image's type and size from the article, else its type from its URL", () => {
    const stored = {
      id: 'a',
      title: 'T',
      summary: '',
      content_html: '<p>x</p>',
      authors: [],
      published: ts('2022-04-08T10:30:00+08:00'),
      updated: ts('2022-04-08T10:30:00+08:00'),
      tags: [],
      language: 'en',
    }
    const base = 'https://news.example.org'
    const ours = `${base}/media/${'b'.repeat(64)}`
    const facts = { mime_type: 'image/avif', size_in_bytes: 301 }
    expect(feedItem({ ...stored, image: ours, image_file: facts }, base).image).toEqual({
      url: ours,
      type: 'image/avif',
      length: 301,
    })
    // Stored before the facts were kept: as before, what the URL says, which is nothing here.
    expect(feedItem({ ...stored, image: ours }, base).image).toEqual({ url: ours })
    const jpg = 'https://img.example.org/a.JPG'
    expect(feedItem({ ...stored, image: jpg }, base).image).toEqual({
      url: jpg,
      type: 'image/jpeg',
    })
    expect(feedItem(stored, base).image).toBeUndefined()
  })

  it('escape attribute values, whitespace included', () => {
    const out = parseXml(renderAtom(feed([item({ tags: ['a\tb'] })]))).feed.entry[0]
    expect(out.category[0]['@term']).toBe('a\tb')
  })

  it('link pages with first and next', () => {
    const paged = feed([item()])
    paged.links = {
      ...paged.links,
      self: 'https://x/feed.xml?cursor=2',
      next: 'https://x/feed.xml?cursor=3&limit=2',
    }
    const rss = parseXml(renderRss(paged)).rss.channel['atom:link']
    expect(rss.map((l: any) => l['@rel'])).toEqual(['self', 'first', 'next'])
    expect(rss[2]['@href']).toBe('https://x/feed.xml?cursor=3&limit=2')
    const atom = parseXml(renderAtom(paged)).feed.link
    expect(atom.map((l: any) => l['@rel'])).toEqual(['self', 'alternate', 'first', 'next'])
    expect(JSON.parse(renderJson(paged)).next_url).toBe('https://x/feed.xml?cursor=3&limit=2')
  })

  it('give the same document for the same content', () => {
    expect(renderRss(feed([item()]))).toBe(renderRss(feed([item()])))
    expect(renderAtom(feed([item()]))).toBe(renderAtom(feed([item()])))
  })
})

describe('translations', () => {
  it('link an Atom feed to its other scripts with hreflang, and each entry to itself alone', () => {
    const f = feed([item({ externalUrl: 'https://origin.example/a' })])
    f.links.translations = [
      { language: 'zh-Hans', href: 'https://news.example.org/zh-Hans/atom.xml' },
    ]
    const doc = parseXml(renderAtom(f)).feed
    expect(doc.link.filter((l: any) => l['@hreflang'])).toEqual([
      {
        '@rel': 'alternate',
        '@type': 'application/atom+xml',
        '@hreflang': 'zh-Hans',
        '@href': 'https://news.example.org/zh-Hans/atom.xml',
      },
    ])
    // feedparser and newsboat keep an entry's last alternate, SimplePie and gofeed its first.
    expect(doc.entry[0].link.filter((l: any) => l['@rel'] === 'alternate')).toEqual([
      { '@rel': 'alternate', '@type': 'text/html', '@href': 'https://news.example.org/articles/a' },
    ])
  })
})

describe('deleted entries (RFC 6721)', () => {
  it('appear in Atom only, with the entry id and the deletion time', () => {
    const f = feed([item()])
    f.deleted = [{ ref: 'https://news.example.org/articles/gone', when: '2024-01-02T03:04:05Z' }]
    const doc = parseXml(renderAtom(f)).feed
    expect(doc['@xmlns:at']).toBe('http://purl.org/atompub/tombstones/1.0')
    expect(doc['at:deleted-entry']).toEqual({
      '@ref': 'https://news.example.org/articles/gone',
      '@when': '2024-01-02T03:04:05Z',
    })
    const rss = parseXml(renderRss(f)).rss.channel
    expect(rss.item.map((i: any) => i.link)).toEqual([['https://news.example.org/articles/a']])
    expect(Object.keys(rss).filter((k) => k.includes('deleted'))).toEqual([])
    const json = JSON.parse(renderJson(f))
    expect(json.items.map((i: any) => i.id)).toEqual(['https://news.example.org/articles/a'])
    expect(Object.keys(json).filter((k) => k.includes('deleted'))).toEqual([])
  })
})

describe('attachments', () => {
  const files = [
    {
      url: 'https://news.example.org/media/a?x=1&y=2',
      type: 'audio/mpeg',
      length: 1234,
      seconds: 61.6,
      title: '第一集 <live>',
    },
    { url: 'https://cdn.example.com/b.mp4', type: 'video/mp4' },
  ]

  it('RSS: the first is the enclosure (length 0 when unknown), each other is media:content', () => {
    const rss = parseXml(renderRss(feed([item({ attachments: files })]))).rss.channel.item[0]
    expect(rss.enclosure).toEqual({
      '@url': 'https://news.example.org/media/a?x=1&y=2',
      '@length': '1234',
      '@type': 'audio/mpeg',
    })
    // Not the enclosure again: SimplePie lists an <enclosure> and a media:content of one file
    // as two files.
    expect(rss['media:content']).toEqual({
      '@url': 'https://cdn.example.com/b.mp4',
      '@type': 'video/mp4',
      '@medium': 'video',
    })
    const unknown = parseXml(renderRss(feed([item({ attachments: [files[1]!] })])))
    expect(unknown.rss.channel.item[0].enclosure['@length']).toBe('0')
    expect(unknown.rss.channel.item[0]['media:content']).toBeUndefined()
  })

  it('RSS: a later file is media:content with its size, duration and title', () => {
    const rss = parseXml(renderRss(feed([item({ attachments: [files[1]!, files[0]!] })]))).rss
      .channel.item[0]
    expect(rss.enclosure['@url']).toBe('https://cdn.example.com/b.mp4')
    expect(rss['media:content']).toEqual({
      '@url': 'https://news.example.org/media/a?x=1&y=2',
      '@type': 'audio/mpeg',
      '@medium': 'audio',
      '@fileSize': '1234',
      '@duration': '62',
      'media:title': { '#text': '第一集 <live>', '@type': 'plain' },
    })
  })

  it('RSS: every file once, whatever an item carries', () => {
    const photos = [{ url: 'https://news.example.org/media/p', alt: '' }]
    const image = { url: 'https://news.example.org/media/lead', type: 'image/png', length: 7 }
    for (const shape of [
      { image },
      { image, attachments: files },
      { image, photos },
      { image: { url: photos[0]!.url }, photos, attachments: files },
      { image: { url: 'https://cdn.example.com/x' }, attachments: files },
    ]) {
      const rss = parseXml(renderRss(feed([item(shape)]))).rss.channel.item[0]
      const urls = [rss.enclosure, rss['media:content']]
        .flat()
        .filter(Boolean)
        .map((f: any) => f['@url'])
      expect(urls.length, JSON.stringify(shape)).toBe(new Set(urls).size)
      const carried = [shape.image, ...(shape.photos ?? []), ...(shape.attachments ?? [])]
      expect(urls.sort()).toEqual([...new Set(carried.map((f) => f.url))].sort())
    }
  })

  it('Atom: each is a link rel="enclosure" with its length and title', () => {
    const entry = parseXml(renderAtom(feed([item({ attachments: files })]))).feed.entry[0]
    expect(entry.link.filter((l: any) => l['@rel'] === 'enclosure')).toEqual([
      {
        '@rel': 'enclosure',
        '@type': 'audio/mpeg',
        '@href': 'https://news.example.org/media/a?x=1&y=2',
        '@length': '1234',
        '@title': '第一集 <live>',
      },
      { '@rel': 'enclosure', '@type': 'video/mp4', '@href': 'https://cdn.example.com/b.mp4' },
    ])
  })

  it('JSON Feed: attachments, with what is known of each', () => {
    const [json] = JSON.parse(renderJson(feed([item({ attachments: files })]))).items
    expect(json.attachments).toEqual([
      {
        url: 'https://news.example.org/media/a?x=1&y=2',
        mime_type: 'audio/mpeg',
        title: '第一集 <live>',
        size_in_bytes: 1234,
        duration_in_seconds: 61.6,
      },
      { url: 'https://cdn.example.com/b.mp4', mime_type: 'video/mp4' },
    ])
    const none = JSON.parse(renderJson(feed([item()]))).items[0]
    expect(none.attachments).toBeUndefined()
  })
})

describe('photos', () => {
  const photos = [
    {
      url: 'https://news.example.org/media/p1',
      alt: '論壇會場',
      caption: '會場 <全景>',
      credit: '王小明',
    },
    { url: 'https://cdn.example.com/p2.jpg', alt: '' },
  ]

  it('RSS: each is media:content, described by its caption (else its alt text) and credited', () => {
    const rss = parseXml(renderRss(feed([item({ image: { url: photos[0]!.url }, photos })]))).rss
      .channel.item[0]
    expect(rss['media:content']).toEqual([
      {
        '@url': 'https://news.example.org/media/p1',
        '@medium': 'image',
        'media:description': { '#text': '會場 <全景>', '@type': 'plain' },
        'media:credit': '王小明',
      },
      { '@url': 'https://cdn.example.com/p2.jpg', '@medium': 'image' },
    ])
    // The lead image is the first photo: not listed twice, and not an enclosure.
    expect(rss.enclosure).toBeUndefined()
    const alt = parseXml(
      renderRss(feed([item({ photos: [{ url: photos[0]!.url, alt: '會場' }] })])),
    )
    expect(alt.rss.channel.item[0]['media:content']['media:description']['#text']).toBe('會場')
  })

  it('RSS: an image that is not a photo leaves the one enclosure to an attachment', () => {
    const files = [{ url: 'https://news.example.org/media/a', type: 'audio/mpeg', length: 9 }]
    const image = { url: 'https://news.example.org/media/lead', type: 'image/jpeg', length: 5 }
    const rss = parseXml(renderRss(feed([item({ image, attachments: files })]))).rss.channel.item[0]
    expect(rss.enclosure['@type']).toBe('audio/mpeg')
    // As media:content, with what is known of it.
    expect(rss['media:content']).toEqual({
      '@url': 'https://news.example.org/media/lead',
      '@type': 'image/jpeg',
      '@medium': 'image',
      '@fileSize': '5',
    })
  })
})
