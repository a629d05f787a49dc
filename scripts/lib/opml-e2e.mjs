// The site's OPML as feed readers take it: well-formed, every feed once and answering, and
// imported by newsboat (`-i`) as the same list. Its author outlines name the author listings
// the other steps read, so the e2e reads authors' feeds by the addresses the site gives them.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { fetchAgainIfClosed } from './devserver.mjs'

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => name === 'outline',
})

/** Every feed outline under `outline`, with the listing (its parent outline) it belongs to. */
function feedsOf(outlines, listing = '') {
  return outlines.flatMap((o) =>
    o.xmlUrl ? [{ ...o, listing }] : feedsOf(o.outline ?? [], o.text),
  )
}

/**
 * Checks /feeds.opml and answers the author listings it names: `{name, prefix}` with `prefix`
 * the listing's path on `base` (`/authors/jane-doe`).
 */
export async function checkOpml(base, { check, skip, has }) {
  const res = await fetchAgainIfClosed(`${base}/feeds.opml`)
  const text = await res.text()
  const valid = XMLValidator.validate(text)
  check('feeds.opml is well-formed OPML 2.0', res.ok && valid === true, JSON.stringify(valid))
  const doc = parser.parse(text)
  const groups = doc.opml?.body?.outline ?? []
  const feeds = feedsOf(groups)
  const urls = feeds.map((f) => f.xmlUrl)
  check(
    'feeds.opml lists each feed once, grouped as the site, tags, then authors',
    urls.length > 0 && new Set(urls).size === urls.length && groups.length === 3,
    `${urls.length} feeds, ${new Set(urls).size} distinct, ${groups.length} groups`,
  )
  // The outlines name the public site; the e2e's Worker answers on `base`.
  const local = (url) => base + new URL(url).pathname + new URL(url).search
  // A few at a time: wrangler dev is one process, and hundreds at once only test its sockets.
  const broken = []
  for (let i = 0; i < urls.length; i += 6) {
    await Promise.all(
      urls.slice(i, i + 6).map(async (u) => {
        const res = await fetchAgainIfClosed(local(u))
        await res.arrayBuffer()
        if (res.status !== 200) broken.push([u, res.status])
      }),
    )
  }
  check('every feed feeds.opml lists answers 200', broken.length === 0, JSON.stringify(broken))

  if (has('newsboat')) {
    const dir = mkdtempSync(join(tmpdir(), 'edgefeed-opml-'))
    writeFileSync(join(dir, 'feeds.opml'), text)
    const run = spawnSync(
      'newsboat',
      [
        '-C',
        join(dir, 'config'),
        '-u',
        join(dir, 'urls'),
        '-c',
        join(dir, 'cache.db'),
        '-i',
        join(dir, 'feeds.opml'),
      ],
      { encoding: 'utf8', env: { ...process.env, HOME: dir } },
    )
    const imported = run.status === 0 ? readFileSync(join(dir, 'urls'), 'utf8') : ''
    const read = imported
      .split('\n')
      .map((line) => line.split(/\s+/)[0])
      .filter((u) => u?.startsWith('http'))
    check(
      'newsboat imports feeds.opml as the same feeds',
      JSON.stringify([...read].sort()) === JSON.stringify([...urls].sort()),
      `${read.length} of ${urls.length} imported; ${run.stderr}`.slice(0, 500),
    )
    rmSync(dir, { recursive: true, force: true })
  } else skip('newsboat imports feeds.opml', 'apt-get install newsboat')

  const authors = new Map()
  for (const feed of feeds) {
    const path = new URL(feed.htmlUrl).pathname
    if (path.startsWith('/authors/')) authors.set(feed.listing, path)
  }
  return [...authors].map(([name, prefix]) => ({ name, prefix }))
}
