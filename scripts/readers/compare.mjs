// What a reader shows of a feed, compared item by item with the JSON Feed of the same listing:
// ids, exact titles, the link, the instant, every author, categories, the files (enclosures and
// photos, against the article itself), and the links and images in the content, which must be
// absolute.
import { Parser } from 'htmlparser2'
import { compareFiles, meantFiles } from './files.mjs'

/** Every `<a href>` and `<img src>` of some HTML, in order. */
export function urlsIn(html) {
  const links = []
  const images = []
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'a' && attrs.href !== undefined) links.push(attrs.href)
        if (name === 'img' && attrs.src !== undefined) images.push(attrs.src)
      },
    },
    { decodeEntities: true },
  )
  parser.end(html ?? '')
  return { links, images }
}

const absolute = (url) => /^(https?|mailto):/i.test(url)
/** One spelling per URL: readers differ in how they escape what URLs hold. */
const normal = (url) => {
  try {
    return absolute(url) ? new URL(url).href : url
  } catch {
    return url
  }
}
const seconds = (date) => Math.floor(Date.parse(date) / 1000)
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b)
/** How a reader shows several authors when it keeps one string: the names joined, as RSS has them. */
const joined = (names) => names.join(', ')

/**
 * The differences between what a reader shows of one document and the JSON Feed of the same
 * listing, each with its kind (`title`, `authors`...) and a line saying it; empty when none.
 * @param {{items: object[]}} shown what the reader printed for the document
 * @param {{authors?: {name: string}[], items: object[]}} expected the listing's JSON Feed
 * @param {object} options
 * @param {(title: string) => string} [options.title] how the reader shows a title, if not as it is
 * @param {'rss' | 'atom' | 'json'} options.format the document's format
 * @param {{channels: string[], length: boolean}} [options.files] what the reader shows of the
 *   format's files (scripts/readers/readers.mjs); files are not compared without it
 * @param {Map<string, object>} options.articles the articles as the API stored them, by feed id
 * @param {Record<string, number>} options.notes counts what the reader does that is no fault
 */
export function compareFeed(shown, expected, options) {
  const { format, files, articles, notes } = options
  const titleShown = options.title ?? ((title) => title)
  const problems = []
  const problem = (kind, text) => problems.push({ kind, text })
  const byId = new Map(shown.items.map((item) => [item.id, item]))
  const wanted = new Set(expected.items.map((item) => item.id))
  for (const item of shown.items) {
    if (!wanted.has(item.id))
      problem('extra item', `shows an item the feed does not have: ${item.id}`)
  }
  if (byId.size !== shown.items.length) problem('extra item', 'shows an item twice')
  const feedAuthors = (expected.authors ?? []).map((a) => a.name)
  for (const want of expected.items) {
    const got = byId.get(want.id)
    if (!got) {
      problem('missing item', `does not show ${want.id}`)
      continue
    }
    const differ = (what, a, b) =>
      problem(what, `${want.id}: ${what} ${JSON.stringify(a)}, not ${JSON.stringify(b)}`)
    if (got.title !== titleShown(want.title)) differ('title', got.title, titleShown(want.title))
    if (got.link !== want.url) differ('link', got.link, want.url)
    if (got.published !== seconds(want.date_published))
      differ('published', got.published, seconds(want.date_published))
    // An item that names no author is by the feed's authors (JSON Feed 1.1, RFC 4287): a reader
    // may show those, or none.
    const authors = (want.authors ?? []).map((a) => a.name)
    const shownAuthors = joined(got.authors.filter((name) => name !== null))
    const authorsOk =
      shownAuthors === joined(authors) ||
      (authors.length === 0 && shownAuthors === joined(feedAuthors))
    if (!authorsOk || got.authors.includes(null)) differ('authors', got.authors, authors)
    if (got.categories !== null && !same(got.categories, want.tags))
      differ('categories', got.categories, want.tags)
    const article = articles.get(want.id)
    if (files && !article) problem('files', `${want.id}: no article to compare its files with`)
    else if (files) {
      for (const text of compareFiles(got.files, meantFiles(article, format), files, notes))
        problem('files', `${want.id}: ${text}`)
    }
    const inContent = urlsIn(got.content)
    const inFeed = urlsIn(want.content_html)
    for (const kind of ['links', 'images']) {
      const relative = inContent[kind].filter((url) => !absolute(url))
      if (relative.length) differ(`relative ${kind} in the content`, relative, [])
      const a = inContent[kind].map(normal)
      const b = inFeed[kind].map(normal)
      if (!relative.length && !same(a, b)) differ(`${kind} in the content`, a, b)
    }
  }
  return problems
}
