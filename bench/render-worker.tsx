// Times rendering inside workerd: the same code paths a cache miss runs, minus KV, and the
// npm `feed` package rendering the same items, for comparison.
import { Feed } from 'feed'
import { buildArticle } from '../src/articles/build'
import { ArticleInput } from '../src/articles/schema'
import { loadConfig } from '../src/config'
import { renderAtom } from '../src/feeds/atom'
import { buildFeed } from '../src/feeds/build'
import { renderJson } from '../src/feeds/json'
import { renderRss } from '../src/feeds/rss'
import type { Article } from '../src/articles/model'
import { ListPage } from '../src/views/list-page'
import { labelsFor } from '../src/views/labels'
import { benchArticle } from './fixtures.mjs'
import { stripLocation } from '../src/media/gps'

const config = loadConfig({
  SITE_URL: 'https://news.example.org',
  SITE_TIMEZONE: 'Asia/Taipei',
  SITE_LANGUAGE: 'zh-Hant',
})
const baseUrl = 'https://news.example.org'

function articles(n: number): Article[] {
  return Array.from({ length: n }, (_, i) =>
    buildArticle(ArticleInput.parse(benchArticle(i)), {
      id: `a${i}`,
      publisher: 'bench',
      now: Date.UTC(2024, 0, 1),
      timeZone: config.timeZone,
      defaultLanguage: config.language,
    }),
  )
}

const site = {
  title: 'edgefeed',
  description: '',
  baseUrl,
  prefix: '',
  lang: 'zh-Hant',
  timeZone: 'Asia/Taipei',
  chinese: true,
  me: [],
  labels: labelsFor('zh-Hant'),
}
const meta = { title: 'edgefeed', lang: 'zh-Hant', path: '/' }

/** The same items through the `feed` package (6.x), as a project that used it would write them. */
function packageFeed(items: Article[]): Feed {
  const feed = new Feed({
    title: config.siteTitle,
    description: config.siteDescription,
    id: `${baseUrl}/`,
    link: `${baseUrl}/`,
    language: config.language,
    updated: new Date(Math.max(...items.map((a) => Date.parse(a.updated)))),
    copyright: '',
    feedLinks: {
      rss: `${baseUrl}/feed.xml`,
      atom: `${baseUrl}/atom.xml`,
      json: `${baseUrl}/feed.json`,
    },
  })
  for (const a of items) {
    feed.addItem({
      title: a.title,
      id: `${baseUrl}/articles/${a.id}`,
      link: `${baseUrl}/articles/${a.id}`,
      description: a.summary,
      content: a.content_html,
      date: new Date(a.updated),
      published: new Date(a.published),
      author: a.authors.map((au) => ({ name: au.name })),
      category: a.tags.map((name) => ({ name })),
    })
  }
  return feed
}

/** A page as a listing reads it: its items and its Last-Modified. */
const page = (items: Article[]) => ({ items, changedMs: Date.parse(items[0]?.updated ?? '') || 0 })

const RENDERERS: Record<string, (items: Article[]) => string> = {
  rss: (items) => renderRss(buildFeed(config, { format: 'rss', baseUrl }, page(items))),
  atom: (items) => renderAtom(buildFeed(config, { format: 'atom', baseUrl }, page(items))),
  json: (items) => renderJson(buildFeed(config, { format: 'json', baseUrl }, page(items))),
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- hono/jsx stringifies to HTML
  html: (items) => String(<ListPage site={site} meta={meta} heading="edgefeed" articles={items} />),
  'feed rss': (items) => packageFeed(items).rss2(),
  'feed atom': (items) => packageFeed(items).atom1(),
  'feed json': (items) => packageFeed(items).json1(),
}

/** Milliseconds per call of `work` (which returns a size in bytes), after warming the JIT. */
function time(work: () => number, iterations: number): { ms: number; bytes: number } {
  let bytes = 0
  for (let i = 0; i < 20; i++) bytes = work()
  // The median of ten batches: one garbage collection or a noisy neighbour moves a mean.
  const batches: number[] = []
  const perBatch = Math.max(1, Math.round(iterations / 10))
  for (let b = 0; b < 10; b++) {
    const start = performance.now()
    for (let i = 0; i < perBatch; i++) work()
    batches.push((performance.now() - start) / perBatch)
  }
  batches.sort((x, y) => x - y)
  return { ms: (batches[4]! + batches[5]!) / 2, bytes }
}

/**
 * What an upload computes on a photo besides storing it, in milliseconds per MiB: taking its
 * location out (GPS stripping), and its SHA-256. The photo is POSTed.
 */
async function uploadCpu(photo: Uint8Array, iterations: number) {
  const mib = photo.length / (1024 * 1024)
  const strip = async () => (await stripLocation(photo.slice(), 'image/jpeg')).bytes.length
  const hash = async () => (await crypto.subtle.digest('SHA-256', photo)).byteLength
  // The isolate's clock moves in whole milliseconds: batches of `iterations` runs are timed,
  // and the median batch's time per run is taken.
  const timeAsync = async (work: () => Promise<number>) => {
    for (let i = 0; i < 3; i++) await work()
    const batches: number[] = []
    for (let b = 0; b < 5; b++) {
      const start = performance.now()
      for (let i = 0; i < iterations; i++) await work()
      batches.push((performance.now() - start) / iterations)
    }
    batches.sort((a, b) => a - b)
    return batches[2]! / mib
  }
  const copy = () => Promise.resolve(photo.slice().length)
  return {
    mib,
    stripMsPerMib: await timeAsync(strip),
    copyMsPerMib: await timeAsync(copy),
    hashMsPerMib: await timeAsync(hash),
  }
}

export default {
  async fetch(request: Request) {
    const url = new URL(request.url)
    if (request.method === 'POST' && url.pathname === '/upload-cpu') {
      const photo = new Uint8Array(await request.arrayBuffer())
      return Response.json(await uploadCpu(photo, Number(url.searchParams.get('iterations') ?? 20)))
    }
    const n = Number(url.searchParams.get('items') ?? 50)
    const iterations = Number(url.searchParams.get('iterations') ?? 200)
    const items = articles(n)
    const result: Record<string, { ms: number; bytes: number }> = {}
    for (const [name, render] of Object.entries(RENDERERS)) {
      result[name] = time(() => render(items).length, iterations)
    }
    // What a publish computes before it writes: validating and building one article.
    let k = 0
    const build = () =>
      buildArticle(ArticleInput.parse(benchArticle(k++)), {
        id: 'b',
        publisher: 'bench',
        now: Date.UTC(2024, 0, 1),
        timeZone: config.timeZone,
        defaultLanguage: config.language,
      })
    result.build = time(() => JSON.stringify(build()).length, iterations)
    return Response.json({ items: n, iterations, result })
  },
}
