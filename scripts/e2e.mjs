#!/usr/bin/env node
// End-to-end: a real `wrangler dev`, the hostile and readers' corpora published through the
// API, and every feed (site, per tag, zh-Hans, paged) read by real clients: xmllint, jing with
// the RFC 4287 schema, the feed readers of scripts/readers/ (feedparser, newsboat, gofeed,
// SimplePie) compared item by item with the JSON Feed and, for enclosures and photos, with the
// articles themselves, and, where ../shared is present, the W3C Feed Validation Service driver.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expandArticle } from '../test/corpus/expand.mjs'
import { startWorker } from './lib/devserver.mjs'
import { checkReaders } from './readers/check.mjs'
import { checkMedia, publishMedia } from './lib/media-e2e.mjs'
import { validateFeeds } from './lib/validate-feed.mjs'
import { checkMicroformats } from './lib/microformats.mjs'
import { checkOpml } from './lib/opml-e2e.mjs'
import { micropubRocks } from './lib/micropub-rocks.mjs'

const ATOM_RNC = '../shared/tools/validate/schemas/atom.rnc'
const SITE_ME = [
  'https://mastodon.example/@edgefeed',
  'https://bsky.example/profile/edgefeed.example',
]
const tally = { passed: 0, failed: 0, skipped: 0 }

function check(name, ok, detail = '') {
  tally[ok ? 'passed' : 'failed']++
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? `\n     ${detail.split('\n').join('\n     ')}` : ''}`,
  )
}
function skip(name, why) {
  tally.skipped++
  console.log(`skip ${name}: ${why}`)
}
function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0
}

const FILES = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' }
const work = mkdtempSync(join(tmpdir(), 'edgefeed-e2e-'))

// A local WebSub hub that records publish pings, each naming its feeds in repeated
// `hub.url` fields. At `/` it refuses a request with 503 when it names a feed not seen
// before, so the queue's retry is exercised; at `/down` it refuses every ping, so they end in
// the dead-letter queue.
const pings = []
const refused = new Set()
const hub = createServer((req, res) => {
  let body = ''
  req.on('data', (d) => (body += d))
  req.on('end', () => {
    const params = new URLSearchParams(body)
    const topics = params.getAll('hub.url')
    const down = req.url === '/down'
    const first = topics.some((t) => !refused.has(t))
    if (!down) for (const t of topics) refused.add(t)
    const status = down || first ? 503 : 204
    pings.push({ hub: req.url, mode: params.get('hub.mode'), topics, status })
    res.writeHead(status).end()
  })
})
await new Promise((r) => hub.listen(0, '127.0.0.1', r))
const hubUrl = `http://127.0.0.1:${hub.address().port}/`
// Pings wait for each change's second purge, after KV's propagation window: 2 s here.
const worker = await startWorker({
  vars: {
    WEBSUB_HUBS: `${hubUrl},${hubUrl}down`,
    KV_PROPAGATION_SECONDS: '2',
    WEBSUB_RETRY_SECONDS: '0',
    SITE_ME: SITE_ME.join(','),
  },
})
const { base, token } = worker
console.log(`wrangler dev on ${base}`)

try {
  // 1. Publish the corpora. The readers' one says what each write answers.
  const corpus = ['hostile', 'readers'].flatMap(
    (name) => JSON.parse(readFileSync(`test/corpus/${name}.json`, 'utf8')).articles,
  )
  const stored = []
  const answers = []
  for (const { article, expect } of corpus) {
    const res = await fetch(`${base}/api/articles`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(expandArticle(article)),
    })
    if (res.status !== 201) {
      check(`publish ${article.id}`, false, `${res.status} ${await res.text()}`)
      continue
    }
    const answer = await res.json()
    stored.push(answer)
    if (expect?.warnings) {
      const got = {
        language: answer.language,
        warnings: (answer.warnings ?? []).map((w) => w.pointer),
      }
      answers.push({
        id: article.id,
        ok: JSON.stringify(got) === JSON.stringify(expect),
        got,
        expect,
      })
    }
  }
  check(`published the corpora (${stored.length} articles)`, stored.length === corpus.length)
  // Articles with photos, audio, video and a document, uploaded to R2: the readers below show
  // their files, compared with the articles' own attachments, whose sizes are R2's.
  const media = await publishMedia(base, token)
  stored.push(...media.articles)
  const sizes = media.articles
    .flatMap((a) => a.attachments ?? [])
    .filter((a) => media.uploads.has(a.url))
  check(
    `media: each attachment of ours carries the size R2 stores (${sizes.length} files)`,
    sizes.length === 3 && sizes.every((a) => a.size_in_bytes === media.uploads.get(a.url).size),
    JSON.stringify(sizes),
  )
  const leads = media.articles.filter((a) => media.uploads.has(a.image))
  check(
    `media: each lead image of ours carries the type and size R2 stores (${leads.length} images)`,
    leads.length === 3 &&
      leads.every(({ image, image_file: file }) => {
        const upload = media.uploads.get(image)
        return file?.mime_type === upload.type && file.size_in_bytes === upload.size
      }),
    JSON.stringify(leads.map((a) => [a.image, a.image_file])),
  )
  check(
    `each write answers the language it stored and warns of the relative URLs it could not resolve (${answers.length} articles)`,
    answers.every((a) => a.ok),
    JSON.stringify(answers.filter((a) => !a.ok)),
  )
  // One deleted article, so that Atom carries an at:deleted-entry for the validators.
  const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }
  await fetch(`${base}/api/articles`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ id: 'deleted', title: 'Deleted', content_text: 'x', tags: ['經開區'] }),
  })
  const deleted = await fetch(`${base}/api/articles/deleted`, { method: 'DELETE', headers: auth })
  check('deleted an article', deleted.status === 204)

  // Newest first; articles at the same instant in id order, as the index keys sort.
  const instant = (a) => Math.floor(Date.parse(a.published) / 1000)
  stored.sort((a, b) => instant(b) - instant(a) || (a.id < b.id ? -1 : 1))
  const tags = [...new Set(stored.flatMap((a) => a.tags))]

  // 2. Fetch every feed: the site's and each tag's, whole, plus the site's paged walk.
  const docs = []
  let n = 0
  async function fetchDoc(format, path, expected) {
    const res = await fetch(base + path)
    const body = await res.text()
    const file = join(work, `${n++}-${FILES[format]}`)
    writeFileSync(file, body)
    docs.push({ format, path, file, body, status: res.status, expected })
    return body
  }
  // The lists of tags and authors follow the articles once the coordinator has settled.
  for (const end = Date.now() + 60_000; Date.now() < end;) {
    const status = await (await fetch(`${base}/api/status`, { headers: auth })).json()
    if (status.settled) break
    await new Promise((r) => setTimeout(r, 250))
  }
  // The OPML names every feed; its author outlines are the author listings read below.
  const authors = await checkOpml(base, { check, skip, has })
  check(
    'feeds.opml names every author the articles credit',
    new Set(stored.flatMap((a) => a.authors.map((x) => x.name))).size === authors.length,
    `${authors.map((a) => a.name).join(', ')} of ${[...new Set(stored.flatMap((a) => a.authors.map((x) => x.name)))].join(', ')}`,
  )
  for (const format of Object.keys(FILES)) {
    await fetchDoc(format, `/${FILES[format]}?limit=100`, stored)
    for (const { name, prefix } of authors) {
      await fetchDoc(
        format,
        `${prefix}/${FILES[format]}?limit=100`,
        stored.filter((a) => a.authors.some((x) => x.name === name)),
      )
    }
    // Converted titles: the readers compare these with their JSON Feed below.
    await fetchDoc(format, `/zh-Hans/${FILES[format]}?limit=100`)
    for (const tag of tags) {
      const path = `/tags/${encodeURIComponent(tag)}/${FILES[format]}?limit=100`
      await fetchDoc(
        format,
        path,
        stored.filter((a) => a.tags.includes(tag)),
      )
    }
  }
  const walked = []
  let next = `/feed.json?limit=5`
  for (let pages = 0; next && pages < 20; pages++) {
    const page = JSON.parse(await fetchDoc('json', next, stored.slice(pages * 5, pages * 5 + 5)))
    walked.push(...page.items.map((i) => i.id))
    next = page.next_url ? page.next_url.replace(base, '') : undefined
  }
  check(
    'JSON Feed paging visits every article once, newest first',
    JSON.stringify(walked) === JSON.stringify(stored.map((a) => `${base}/articles/${a.id}`)),
  )
  next = `/atom.xml?limit=5`
  for (let pages = 0; next && pages < 20; pages++) {
    const body = await fetchDoc('atom', next, stored.slice(pages * 5, pages * 5 + 5))
    next = /<link rel="next" type="application\/atom\+xml" href="([^"]+)"/
      .exec(body)?.[1]
      ?.replaceAll('&amp;', '&')
      .replace(base, '')
  }
  next = `/feed.xml?limit=5`
  for (let pages = 0; next && pages < 20; pages++) {
    const body = await fetchDoc('rss', next, stored.slice(pages * 5, pages * 5 + 5))
    next = /<atom:link rel="next" type="application\/rss\+xml" href="([^"]+)"/
      .exec(body)?.[1]
      ?.replaceAll('&amp;', '&')
      .replace(base, '')
  }
  check(
    `every feed answered 200 (${docs.length} documents, ${tags.length} tags)`,
    docs.every((d) => d.status === 200),
    docs
      .filter((d) => d.status !== 200)
      .map((d) => `${d.status} ${d.path}`)
      .join('\n'),
  )

  const xml = docs.filter((d) => d.format !== 'json')
  const atom = docs.filter((d) => d.format === 'atom')
  check(
    'Atom announces the deleted article (RFC 6721)',
    atom[0].body.includes(`<at:deleted-entry ref="${base}/articles/deleted"`),
  )

  // 3. xmllint: well-formed.
  if (has('xmllint')) {
    const r = spawnSync('xmllint', ['--noout', ...xml.map((d) => d.file)], { encoding: 'utf8' })
    check(`xmllint: ${xml.length} RSS and Atom documents are well-formed`, r.status === 0, r.stderr)
  } else skip('xmllint', 'not installed (apt-get install libxml2-utils)')

  // 4. jing: Atom against RFC 4287's RELAX NG schema.
  if (!has('jing')) skip('jing', 'not installed (apt-get install jing)')
  else if (!existsSync(ATOM_RNC))
    skip('jing', `${ATOM_RNC} is absent (../shared exists only in this project's CI)`)
  else {
    const r = spawnSync('jing', ['-c', ATOM_RNC, ...atom.map((d) => d.file)], { encoding: 'utf8' })
    // Debian's jing wrapper warns about optional jars it cannot find; those are not findings.
    const findings = (r.stdout + r.stderr)
      .split('\n')
      .filter((l) => l && !/Unable to locate/.test(l))
    check(
      `jing: ${atom.length} Atom documents match the RFC 4287 schema`,
      r.status === 0 && findings.length === 0,
      findings.join('\n'),
    )
  }

  // 5. Feed readers, as their users run them, each compared item by item with the JSON Feed of
  // the same listing: the site, every tag, zh-Hans, the site's second page and every author.
  const secondPage = new URL(
    JSON.parse(docs.find((d) => d.path === '/feed.json?limit=5').body).next_url,
  )
  const listings = [
    { prefix: '', query: '?limit=100' },
    ...tags.map((tag) => ({ prefix: `/tags/${encodeURIComponent(tag)}`, query: '?limit=100' })),
    { prefix: '/zh-Hans', query: '?limit=100' },
    { prefix: `/zh-Hans/tags/${encodeURIComponent('经开区')}`, query: '?limit=100' },
    { prefix: '', query: secondPage.search },
    ...authors.map(({ prefix }) => ({ prefix, query: '?limit=100' })),
  ]
  const readers = await checkReaders(base, listings, stored, { check, skip })
  console.log(`     problems per reader and kind: ${JSON.stringify(readers)}`)

  // 5b. Pages as microformats2: every article an h-entry, every list an h-feed, each with the
  // site's h-card and its rel="me" profiles.
  await checkMicroformats(
    base,
    { articles: stored, tags, authorPages: authors.map((a) => a.prefix), me: SITE_ME },
    { check },
  )

  // 6. JSON Feed: strict parse, version, ids, titles.
  const jsonProblems = []
  for (const d of docs.filter((x) => x.format === 'json')) {
    try {
      const feed = JSON.parse(d.body)
      if (feed.version !== 'https://jsonfeed.org/version/1.1')
        jsonProblems.push(`${d.path}: version ${feed.version}`)
      const titles = feed.items.map((i) => i.title)
      const want = d.expected?.map((a) => a.title) ?? titles
      if (JSON.stringify(titles) !== JSON.stringify(want))
        jsonProblems.push(`${d.path}: titles differ`)
      if (new Set(feed.items.map((i) => i.id)).size !== feed.items.length)
        jsonProblems.push(`${d.path}: duplicate ids`)
      if (/[\ud800-\udfff]/u.test(d.body)) jsonProblems.push(`${d.path}: lone surrogate`)
    } catch (e) {
      jsonProblems.push(`${d.path}: ${e.message}`)
    }
  }
  check(
    'JSON Feed documents parse strictly, are version 1.1, titles exact and in order',
    jsonProblems.length === 0,
    jsonProblems.join('\n'),
  )

  // 7. WebSub, through the queue. Once the corpus's pings are done, one more article: once
  // the hub at / recovers from its refusal, each feed the article changed is accepted
  // exactly once; every ping to the hub at /down ends in the dead-letter log.
  const undelivered = () =>
    new Set(
      [
        ...worker
          .log()
          .matchAll(/"websub_undelivered":\{"hub":"[^"]*\/down","topics":(\[[^\]]*\])/g),
      ].flatMap((m) => JSON.parse(m[1])),
    )
  const accepted = () =>
    pings.filter((p) => p.hub === '/' && p.status === 204).flatMap((p) => p.topics)
  const expected = [
    `${base}/feed.xml`,
    `${base}/zh-Hans/atom.xml`,
    `${base}/tags/${encodeURIComponent('經開區')}/feed.json`,
    `${base}/zh-Hant/tags/${encodeURIComponent('经开区')}/feed.xml`,
  ]
  // Pings go out after each change's second purge and through the queue's batching: wait
  // until `done` holds and no request has come for three seconds (at most 90 s).
  const quiet = async (done) => {
    let last = -1
    let still = 0
    for (const end = Date.now() + 90_000; Date.now() < end;) {
      await new Promise((r) => setTimeout(r, 1000))
      still = pings.length === last ? still + 1 : 0
      last = pings.length
      if (still >= 3 && (await done())) return
    }
  }
  const deadLettered = () => accepted().every((t) => undelivered().has(t))
  const handedToQueue = async () => {
    const status = await (await fetch(`${base}/api/status`, { headers: auth })).json()
    return status.pings_waiting === 0 && status.purges_waiting === 0
  }
  await quiet(async () => (await handedToQueue()) && deadLettered())
  const corpusPings = pings.length
  pings.length = 0
  refused.clear()
  await fetch(`${base}/api/articles`, {
    method: 'POST',
    headers: auth,
    // In Traditional Chinese, so that its feeds change in both scripts.
    body: JSON.stringify({
      id: 'pinged',
      title: '經開區推送測試',
      content_text: '經開區昨日舉辦論壇。',
      tags: ['經開區'],
    }),
  })
  await quiet(
    async () =>
      (await handedToQueue()) && expected.every((t) => accepted().includes(t)) && deadLettered(),
  )
  const once = accepted().length === new Set(accepted()).size
  check(
    `WebSub: the hub got hub.mode=publish once for every feed a publish changed, after a refused first try (${accepted().length} feeds in ${pings.filter((p) => p.hub === '/').length} requests; the corpus: ${corpusPings} requests)`,
    expected.every((t) => accepted().includes(t)) &&
      once &&
      pings.every((p) => p.mode === 'publish' && p.topics.length <= 100) &&
      pings.some((p) => p.hub === '/' && p.status === 503),
    JSON.stringify({
      missing: expected.filter((t) => !accepted().includes(t)),
      twice: accepted()
        .filter((t, i, all) => all.indexOf(t) !== i)
        .slice(0, 3),
    }),
  )
  check(
    `WebSub: every ping a hub never took ends in the dead-letter queue's log (${undelivered().size} feeds)`,
    accepted().length > 0 && accepted().every((t) => undelivered().has(t)),
  )

  // 7b. Media: the MP3 served with Range, a photo without its GPS; their articles are in the
  // feeds the validators read next.
  await checkMedia(base, media, { check, skip })

  // 8. The shared validator driver (W3C feedvalidator, JSON Feed schema), where present.
  validateFeeds(
    Object.entries(FILES).flatMap(([format, file]) => [
      [`${base}/${file}?limit=100`, format],
      [`${base}/zh-Hans/${file}?limit=100`, format],
    ]),
    { check, skip },
  )

  // 9. micropub.rocks' server tests, as a Micropub client runs them.
  await micropubRocks({ base, token, check, skip })

  // 10. A scheduled article survives a restart of `wrangler dev`: its alarm is in the Durable
  // Object's storage, kept on disk with KV.
  await restartedRelease()
} catch (error) {
  check('end-to-end run', false, `${error.stack}\n${error.cause ?? ''}\n${worker.log()}`)
} finally {
  await worker.stop()
  hub.close()
  rmSync(work, { recursive: true, force: true })
}

async function restartedRelease() {
  const state = mkdtempSync(join(tmpdir(), 'edgefeed-restart-'))
  const token = 'restart-token'
  let first = await startWorker({ state, token })
  try {
    // Beyond the minute a `published` time may run ahead of the clock and still count as now.
    const release = new Date(Date.now() + 70_000).toISOString()
    const res = await fetch(`${first.base}/api/articles`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        id: 'embargoed',
        title: 'Embargoed',
        content_text: 'x',
        published: release,
      }),
    })
    const scheduled = res.status === 201 && (await res.json()).state === 'scheduled'
    const hidden = (await fetch(`${first.base}/articles/embargoed`)).status === 404
    // Down until after the release time: the alarm fires when the object is back.
    await first.stop()
    await new Promise((r) => setTimeout(r, Date.parse(release) - Date.now() + 1000))
    first = await startWorker({ state, token })
    let status = 0
    for (const end = Date.now() + 30_000; Date.now() < end && status !== 200;) {
      await new Promise((r) => setTimeout(r, 500))
      status = (await fetch(`${first.base}/articles/embargoed`)).status
    }
    check(
      'a scheduled article is released by its alarm after wrangler dev restarts',
      scheduled && hidden && status === 200,
      JSON.stringify({ scheduled, hidden, status }),
    )
  } finally {
    await first.stop()
    rmSync(state, { recursive: true, force: true })
  }
}

console.log(`\ne2e: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`)
console.log(`${tally.passed} passed, ${tally.failed} failed`)
process.exit(tally.failed ? 1 : 0)
