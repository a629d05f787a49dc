#!/usr/bin/env node
// `npm run bench`: what the Worker still does behind Workers Cache (a feed's cache miss, a
// publish through the coordinator) beside a constant-response baseline and the storage
// floors on the same runtime, loaded from 127.0.0.1 with autocannon; render CPU time
// in-isolate beside the `feed` package; the cost model. The runtime is
// `wrangler dev` (what `npm start` runs), or with BENCH_RUNTIME=miniflare the same bundles in
// Miniflare directly, without wrangler dev's proxy in front of every request.
// Figures are only comparable within one run: report them as ratios to the baseline.
import autocannon from 'autocannon'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { costTable } from '../bench/cost-model.mjs'
import { benchArticle } from '../bench/fixtures.mjs'
import { benchPhoto } from '../bench/photo.mjs'
import { startWorker } from './lib/devserver.mjs'
import { startMiniflare } from './lib/miniflare.mjs'
import { serverCpuSeconds } from './lib/processes.mjs'
import { archiveServer, importThroughput, oneByOneThroughput } from '../bench/imports.mjs'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16)
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 1000)
const PUBLISHES = Number(process.env.BENCH_PUBLISHES ?? 400)
const IMPORTS = Number(process.env.BENCH_IMPORT_ITEMS ?? 500)
const ALONE = Math.max(1, Math.round(PUBLISHES / 4))
// Local KV lives in SQLite files; on tmpfs the disk of a shared machine stops being the
// bottleneck, and the figures describe the Worker rather than the disk.
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 24)
const PHOTO_BYTES = 5 * 1024 * 1024
// Local KV lives in SQLite files (R2 in files too); see below.
const STATE_DIR = process.env.BENCH_STATE_DIR ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir())
const RUNTIME = process.env.BENCH_RUNTIME ?? 'wrangler'
if (!['wrangler', 'miniflare'].includes(RUNTIME)) {
  throw new Error(`BENCH_RUNTIME is "wrangler" (the default) or "miniflare", not "${RUNTIME}"`)
}

function load(url, options = {}) {
  // A fixed number of requests (`amount`) replaces the time bound. autocannon notices the end
  // on its next sample tick: ticks of 0.1 s (not 1 s) keep `duration` close to the real time.
  const bound = options.amount ? {} : { duration: SECONDS }
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections: CONNECTIONS, sampleInt: 100, ...bound, ...options },
      (err, result) => (err ? reject(err) : resolve(result)),
    )
  })
}

/** Requests per second over the whole run. */
function rate(r) {
  return r.requests.total / r.duration
}

function row(name, r, baseline) {
  const rps = rate(r)
  const ratio = baseline ? (rps / rate(baseline)).toFixed(2) + '×' : '1.00×'
  const errors = r.errors + r.non2xx
  return `${name.padEnd(34)} ${rps.toFixed(0).padStart(8)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   ${ratio.padStart(7)} of baseline${errors ? `   (${errors} errors)` : ''}`
}

/**
 * The four Workers; Miniflare instances start one after another, to tell their workerd apart.
 * The storage floor (bench/floor-worker.ts) makes a publish's storage operations (an RPC to a
 * Durable Object, its SQLite, the KV keys) and nothing else: what any Worker storing the same
 * keys would pay on this runtime.
 */
async function startAll(archive) {
  const vars = { PAGE_SIZE: '50', IMPORT_ALLOW_HOSTS: archive.host, IMPORT_PAUSE_SECONDS: '0' }
  const app = { vars, stateDir: STATE_DIR }
  const baseline = { config: 'bench/baseline.wrangler.toml', readyPath: '/' }
  const probe = { config: 'bench/render.wrangler.toml', readyPath: '/?items=1&iterations=1' }
  const floor = { config: 'bench/floor.wrangler.toml', readyPath: '/', stateDir: STATE_DIR }
  const all = [app, baseline, probe, floor]
  if (RUNTIME === 'miniflare') {
    for (const options of all) started.push(await startMiniflare(options))
    return started
  }
  const starts = await Promise.allSettled(all.map(startWorker))
  // The ones that did start are stopped in `finally` even when another failed.
  for (const s of starts) if (s.status === 'fulfilled') started.push(s.value)
  const failed = starts.find((s) => s.status === 'rejected')
  if (failed) throw failed.reason
  return started
}

async function post(base, token, body) {
  const res = await fetch(`${base}/api/articles`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (res.status !== 201) throw new Error(`seed failed: ${res.status} ${await res.text()}`)
}

/**
 * Milliseconds from each publish's answer to the first purge of its page that the Worker
 * logs (locally each purge it would send is a JSON line in wrangler dev's output).
 */
async function firstPurgeDelays(worker, count) {
  const delays = []
  for (let i = 0; i < count; i++) {
    const id = `purge-delay-${i}`
    const seen = worker.log().length
    await post(worker.base, worker.token, { ...benchArticle(i), id })
    const answered = performance.now()
    const tag = `"a:${id}"`
    for (let end = answered + 10_000; performance.now() < end;) {
      if (worker.log().slice(seen).includes(tag)) break
      await new Promise((r) => setTimeout(r, 2))
    }
    delays.push(performance.now() - answered)
  }
  return delays.sort((a, b) => a - b)
}

/** MiB per second of `UPLOADS` requests made by `send(i)`, four at a time. */
async function throughput(send) {
  const start = performance.now()
  let next = 0
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let i = next++; i < UPLOADS; i = next++) {
        const res = await send(i)
        if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`)
        await res.arrayBuffer()
      }
    }),
  )
  return (UPLOADS * PHOTO_BYTES) / 2 ** 20 / ((performance.now() - start) / 1000)
}

/** A photo's upload through edgefeed against a bare R2 put, and its CPU in the isolate. */
async function uploadRuns(app, floor, probe) {
  const photos = Array.from({ length: UPLOADS * 2 }, (_, i) => benchPhoto(PHOTO_BYTES, i))
  const headers = { Authorization: `Bearer ${app.token}`, 'Content-Type': 'image/jpeg' }
  const api = await throughput((i) =>
    fetch(`${app.base}/api/media`, { method: 'POST', headers, body: photos[i] }),
  )
  const bare = await throughput((i) =>
    fetch(`${floor.base}/r2`, { method: 'PUT', body: photos[UPLOADS + i] }),
  )
  const cpu = await (
    await fetch(`${probe.base}/upload-cpu?iterations=30`, { method: 'POST', body: photos[0] })
  ).json()
  return { api, floor: bare, cpu }
}

const started = []
const archive = await archiveServer(IMPORTS)
try {
  console.log(
    `starting edgefeed, the baseline, the render probe and the storage floor in ${RUNTIME}...`,
  )
  const [app, baseline, probe, floor] = await startAll(archive)
  // First, with Workers Cache's purge budget full, as a site that publishes now and then has it.
  const delays = app.log ? await firstPurgeDelays(app, 10) : undefined

  console.log(
    `seeding edgefeed and the storage floor with ${ARTICLES} articles of ~5 KB Chinese text (8 at a time)...`,
  )
  for (const worker of [app, floor]) {
    for (let i = 0; i < ARTICLES; i += 8) {
      await Promise.all(
        Array.from({ length: Math.min(8, ARTICLES - i) }, (_, k) =>
          post(worker.base, worker.token, benchArticle(i + k)),
        ),
      )
    }
  }

  // Publishing first, while no other load runs: one publisher alone, then eight at once.
  // The storage floor takes the same load, so that the publish can be read against it.
  let n = ARTICLES
  const publishing = (worker, connections, amount) =>
    load(`${worker.base}/api/articles`, {
      connections,
      amount,
      method: 'POST',
      headers: { Authorization: `Bearer ${worker.token}`, 'Content-Type': 'application/json' },
      requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify(benchArticle(n++)) }) }],
    })
  /** Publishing alone, then eight at once, with the runtime's CPU ms per publish of the eight. */
  async function publishRuns(worker) {
    const alone = await publishing(worker, 1, ALONE)
    const cpuBefore = serverCpuSeconds(worker)
    const concurrent = await publishing(worker, 8, PUBLISHES)
    const cpu =
      cpuBefore === undefined
        ? undefined
        : ((serverCpuSeconds(worker) - cpuBefore) * 1000) / PUBLISHES
    return { alone, concurrent, cpu }
  }
  const { alone, concurrent: publish, cpu: cpuPerPublish } = await publishRuns(app)
  const stored = await publishRuns(floor)

  const feedUrl = `${app.base}/feed.xml`
  const feed = await fetch(feedUrl)
  const feedBody = await feed.arrayBuffer()
  const items = (new TextDecoder().decode(feedBody).match(/<item>/g) ?? []).length
  await fetch(baseline.base, {
    method: 'POST',
    headers: { 'Content-Type': 'application/rss+xml' },
    body: feedBody,
  })
  console.log(
    `/feed.xml: ${items} items, ${(feedBody.byteLength / 1024).toFixed(0)} KiB; ${SECONDS} s per run, ${CONNECTIONS} connections; KV in ${STATE_DIR}\n`,
  )

  // Locally there is no Workers Cache: every request for a page is a miss, as the Worker
  // itself sees it behind the cache. The read floor makes only its KV reads.
  const base = await load(baseline.base)
  console.log(row('baseline (constant bytes)', base))
  const miss = await load(feedUrl)
  console.log(row('miss: /feed.xml rendered', miss, base))
  const reads = await load(`${floor.base}/feed`)
  console.log(row('read floor: its list() and get()', reads, base))
  console.log(row(`publish, 1 publisher (${ALONE})`, alone, base))
  console.log(row(`publish, 8 concurrent (${PUBLISHES})`, publish, base))
  console.log(row(`storage floor, 1 publisher`, stored.alone, base))
  console.log(row(`storage floor, 8 concurrent`, stored.concurrent, base))
  const runtime = RUNTIME === 'wrangler' ? 'wrangler dev and its workerd' : 'workerd'
  if (cpuPerPublish !== undefined && stored.cpu !== undefined) {
    console.log(
      `  runtime CPU per publish (${runtime}): ${cpuPerPublish.toFixed(1)} ms, storage floor ${stored.cpu.toFixed(1)} ms`,
    )
  }
  const floorP99 = stored.concurrent.latency.p99
  const p99Ratio = publish.latency.p99 / floorP99
  const rateRatio = rate(publish) / rate(stored.concurrent)
  console.log(
    `  miss against the read floor: requests/s ${(rate(miss) / rate(reads)).toFixed(2)}×; publish against the storage floor, 8 concurrent: p99 ${p99Ratio.toFixed(2)}×, requests/s ${rateRatio.toFixed(2)}×`,
  )
  if (delays) {
    const at = (q) => delays[Math.min(delays.length - 1, Math.floor(q * delays.length))].toFixed(0)
    console.log(
      `  from a publish's answer to its first purge (${delays.length} publishes one at a time, purge budget full): median ${at(0.5)} ms, max ${at(1)} ms`,
    )
  }

  // An archive imported by the Workflow, against the same stories published one at a time.
  try {
    const imported = await importThroughput(app, archive.source)
    const byOne = await oneByOneThroughput(app, IMPORTS)
    console.log(
      `  archive import of ${imported.items} items (a Workflow, batches of 100): ${imported.perSecond.toFixed(0)} items/s in ${imported.seconds.toFixed(1)} s; the same items published one by one: ${byOne.perSecond.toFixed(0)} items/s in ${byOne.seconds.toFixed(1)} s; import ${(imported.perSecond / byOne.perSecond).toFixed(1)}×`,
    )
  } catch (error) {
    console.log(`  archive import not measured on ${RUNTIME}: ${String(error).slice(0, 200)}`)
  }

  const cpu = await (await fetch(`${probe.base}/?items=50&iterations=300`)).json()
  console.log(
    `\nrender CPU time in-isolate, ${cpu.items} items of ~5 KB, median of 10 batches of ${cpu.iterations / 10}:`,
  )
  const { build, ...renders } = cpu.result
  for (const [name, r] of Object.entries(renders)) {
    console.log(`  ${name.padEnd(9)} ${r.ms.toFixed(3)} ms   (${(r.bytes / 1024).toFixed(0)} KiB)`)
  }
  const vs = (ours, theirs) => (cpu.result[ours].ms / cpu.result[theirs].ms).toFixed(2)
  console.log(
    `  against the feed package, same items: RSS ${vs('rss', 'feed rss')}×, Atom ${vs('atom', 'feed atom')}×, JSON Feed ${vs('json', 'feed json')}×`,
  )
  console.log(
    `publish CPU time in-isolate (validate and build one article): ${build.ms.toFixed(3)} ms`,
  )

  const media = await uploadRuns(app, floor, probe)
  console.log(
    `\nuploads of a ${(PHOTO_BYTES / 2 ** 20).toFixed(0)} MiB photo (${UPLOADS}, 4 at a time, each its own bytes):`,
  )
  console.log(
    `  POST /api/media (checked, GPS stripped, hashed, recorded, put)  ${media.api.toFixed(1)} MiB/s`,
  )
  console.log(
    `  bare R2 put of the same bytes (upload floor)                    ${media.floor.toFixed(1)} MiB/s`,
  )
  console.log(`  upload against the floor: ${(media.api / media.floor).toFixed(2)}×`)
  const cpu5 = media.cpu
  console.log(
    `  in-isolate CPU per MiB: GPS stripping ${cpu5.stripMsPerMib.toFixed(3)} ms (a copy of the bytes alone ${cpu5.copyMsPerMib.toFixed(3)} ms), SHA-256 ${cpu5.hashMsPerMib.toFixed(3)} ms`,
  )

  console.log(`\ncost model (bench/cost-model.mjs):\n${costTable()}`)
  console.log(
    `\ntargets: publish p99 ≤ 1.5× the storage floor's: ${p99Ratio.toFixed(2)}×; publish requests/s ≥ 0.8× the floor's: ${rateRatio.toFixed(2)}×; RSS render of 50 items against the feed package: ${vs('rss', 'feed rss')}×`,
  )
} finally {
  await Promise.all(started.map((w) => w.stop()))
  await archive.close()
}
