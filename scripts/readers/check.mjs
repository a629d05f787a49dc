// The readers' step of `npm run e2e`: every reader reads every listing in each format it
// supports, and what it shows is compared item by item with the listing's JSON Feed.
import { fetchAgainIfClosed } from '../lib/devserver.mjs'
import { compareFeed } from './compare.mjs'
import { READERS, readFeeds } from './readers.mjs'

const FILES = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' }
/** What feedparser calls each format when it recognises it. */
const FEEDPARSER_VERSIONS = { rss: 'rss20', atom: 'atom10' }
const SHOWN_PROBLEMS = 40

/**
 * @param {string} base the Worker's origin
 * @param {{prefix: string, query: string}[]} listings e.g. `{prefix: '/zh-Hans', query: '?limit=100'}`
 * @param {object[]} articles every article the listings show, as the API stored them: what
 *   each item's files are compared with
 * @param {{check: Function, skip: Function}} report the e2e tally
 * @returns {Promise<Record<string, Record<string, number>>>} per reader, problems per kind
 */
export async function checkReaders(base, listings, articles, { check, skip }) {
  const byFeedId = new Map(articles.map((a) => [`${base}/articles/${a.id}`, a]))
  const expected = new Map()
  for (const { prefix, query } of listings) {
    const res = await fetchAgainIfClosed(`${base}${prefix}/${FILES.json}${query}`)
    expected.set(`${prefix}|${query}`, await res.json())
  }
  const summary = {}
  for (const reader of READERS) {
    const missing = reader.missing()
    if (missing) {
      skip(reader.name, `not installed (${missing})`)
      continue
    }
    const docs = listings.flatMap(({ prefix, query }) =>
      reader.formats.map((format) => ({
        format,
        url: `${base}${prefix}/${FILES[format]}${query}`,
        json: expected.get(`${prefix}|${query}`),
      })),
    )
    const shown = readFeeds(
      reader,
      docs.map((d) => d.url),
    )
    const problems = []
    const kinds = {}
    const notes = {}
    docs.forEach((doc, i) => {
      const feed = shown[i]
      const where = doc.url.replace(base, '')
      if (feed.error) problems.push(`${where}: ${feed.error}`)
      if (feed.bozo) problems.push(`${where}: bozo (${feed.bozo})`)
      if (reader.name === 'feedparser' && feed.version !== FEEDPARSER_VERSIONS[doc.format])
        problems.push(`${where}: read as ${feed.version}`)
      const options = {
        title: reader.title,
        format: doc.format,
        files: reader.files[doc.format],
        articles: byFeedId,
        notes,
      }
      for (const { kind, text } of compareFeed(feed, doc.json, options)) {
        problems.push(`${where}: ${text}`)
        kinds[kind] = (kinds[kind] ?? 0) + 1
      }
    })
    summary[reader.name] = kinds
    const items = shown.reduce((n, feed) => n + feed.items.length, 0)
    const files = shown.reduce(
      (n, feed) => n + feed.items.reduce((m, item) => m + item.files.length, 0),
      0,
    )
    check(
      `${reader.name}: ${docs.length} documents (${reader.formats.join(', ')}), ${items} items shown as their JSON Feed has them, ${files} files as their articles have them`,
      problems.length === 0,
      [
        JSON.stringify(kinds),
        ...problems.slice(0, SHOWN_PROBLEMS),
        problems.length > SHOWN_PROBLEMS ? `... and ${problems.length - SHOWN_PROBLEMS} more` : '',
      ].join('\n'),
    )
    console.log(`     ${reader.name} shows ${reader.limits}`)
    if (Object.keys(notes).length)
      console.log(`     ${reader.name}, counted, not failed: ${JSON.stringify(notes)}`)
  }
  return summary
}
