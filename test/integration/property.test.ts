/**
 * Property-based: articles drawn from all of Unicode (controls, lone surrogates, XML and
 * HTML metacharacters) must never break a feed or put an element on a page that the
 * sanitiser does not allow. `npm run fuzz` runs more of them with a random seed.
 */
import { reset } from 'cloudflare:test'
import fc from 'fast-check'
import { Parser } from 'htmlparser2'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { client, parseXml } from '../helpers'

const RUNS = inject('fuzzRuns')
const SEED = inject('fuzzSeed')
// Printed so that a failure can be replayed: FUZZ_SEED=<seed> npm run fuzz.
console.info(
  `property.test.ts: ${RUNS} runs, seed ${SEED} (replay: FUZZ_SEED=${SEED} npm run fuzz)`,
)

afterAll(() => reset())

/** Any UTF-16 code unit, so lone surrogates come up, weighted towards the troublemakers. */
const unit = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)) },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((n) => String.fromCodePoint(n)),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '<',
      '>',
      '&',
      '"',
      "'",
      ']]>',
      '&amp;',
      '\u0000',
      '\uFFFE',
      '\uD800',
      '\r\n',
      '\u200B',
      '\uFEFF',
      'e\u0301',
      '經',
      '👨‍👩‍👧',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '<script>',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:x">',
      '<svg onload=x>',
      '<p>',
      '</p>',
      '<style>',
      '<iframe>',
    ),
  },
)
const text = (max: number) =>
  fc.array(unit, { minLength: 1, maxLength: max }).map((u) => u.join(''))

const article = fc.record(
  {
    title: text(40),
    content_html: text(200),
    summary: text(30),
    tags: fc.array(text(10), { maxLength: 3 }),
    authors: fc.array(fc.record({ name: text(10) }), { maxLength: 2 }),
  },
  { requiredKeys: ['title', 'content_html'] },
)

/** Elements the page layout uses plus everything the sanitiser allows. */
const PAGE_ELEMENTS = new Set(
  'html head meta title link script body header nav main footer article aside section button code h1 h2 h3 h4 h5 h6 p br hr blockquote pre code kbd samp var em strong b i u s del ins mark small sub sup q cite abbr time ruby rt rp a ul ol li dl dt dd figure figcaption img table thead tbody tfoot tr th td caption span div data wbr'.split(
    ' ',
  ),
)

describe(`${RUNS} random articles (seed ${SEED})`, { timeout: 60_000 + RUNS * 200 }, () => {
  const c = client()
  // Published once, in batches of 100 at once; the tests below only read what was stored.
  const statuses: number[] = []
  const refusals: unknown[][] = []
  let accepted: readonly string[] = []
  beforeAll(
    async () => {
      const ids: string[] = []
      const samples = fc.sample(article, { numRuns: RUNS, seed: SEED })
      for (let i = 0; i < samples.length; i += 100) {
        const responses = await Promise.all(samples.slice(i, i + 100).map((a) => c.post(a)))
        for (const res of responses) {
          statuses.push(res.status)
          const body = await res.json<any>()
          if (res.status === 201) ids.push(body.id)
          else refusals.push(body.errors ?? [])
        }
      }
      accepted = Object.freeze(ids)
    },
    60_000 + RUNS * 200,
  )

  it('are each stored or refused with 400, never a 500', () => {
    expect(statuses.filter((s) => s !== 201 && s !== 400)).toEqual([])
    expect(refusals.every((errors) => errors.length > 0)).toBe(true)
    expect(accepted.length).toBeGreaterThan(RUNS / 2)
  })

  it('leave every feed page well-formed and JSON Feed valid I-JSON', async () => {
    const strip = (url?: string) => url?.replace('https://news.example.org', '')
    const walk = async (
      first: string,
      read: (body: string) => { items: unknown[]; next?: string },
    ) => {
      let count = 0
      for (let next: string | undefined = first; next;) {
        const page = read(await (await c.get(next)).text())
        count += page.items.length
        next = strip(page.next)
      }
      return count
    }
    const xmlNext = (links: any[] = []) => links.find((l) => l['@rel'] === 'next')?.['@href']
    const rss = await walk('/feed.xml?limit=100', (body) => {
      const channel = parseXml(body).rss.channel
      return { items: channel.item ?? [], next: xmlNext(channel['atom:link']) }
    })
    const atom = await walk('/atom.xml?limit=100', (body) => {
      const feed = parseXml(body).feed
      return { items: feed.entry ?? [], next: xmlNext(feed.link) }
    })
    const json = await walk('/feed.json?limit=100', (body) => {
      // I-JSON (RFC 7493): no lone surrogate, raw or escaped.
      expect(body.isWellFormed()).toBe(true)
      expect(body).not.toMatch(
        /\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F]/,
      )
      const feed = JSON.parse(body)
      return { items: feed.items, next: feed.next_url }
    })
    expect({ rss, atom, json }).toEqual({
      rss: accepted.length,
      atom: accepted.length,
      json: accepted.length,
    })
  })

  it('never put an element or attribute on a page that the sanitiser does not allow', async () => {
    for (const id of accepted) {
      const html = await (await c.get(`/articles/${id}`)).text()
      const parser = new Parser({
        onopentag(name, attribs) {
          expect(PAGE_ELEMENTS.has(name), `<${name}> on /articles/${id}`).toBe(true)
          // The page's own two scripts only: the copy buttons and the JSON-LD data block.
          if (name === 'script') {
            expect(attribs.src === '/app.js' || attribs.type === 'application/ld+json').toBe(true)
          }
          for (const [attr, value] of Object.entries(attribs)) {
            expect(attr.startsWith('on'), `${attr} on /articles/${id}`).toBe(false)
            expect(value).not.toMatch(/^\s*(javascript|vbscript|data):/i)
          }
        },
      })
      parser.end(html)
    }
  })
})
