#!/usr/bin/env node
// `npm run bench:inputs`: the CPU time the write path spends on each pathological input shape
// (bench/shapes.mjs, and the import's own in src/articles/import/shapes.ts) at 100 KB and 1 MiB, inside workerd (bench/inputs-worker.ts under
// `wrangler dev`), as a ratio to a plain 1 MiB article's. The target is every 1 MiB input
// handled or refused within 50 ms of CPU. Figures are only comparable within one run.
//
// BENCH_SHAPES (a regular expression) picks shapes; BENCH_TIMEOUT_S (60) gives up on a shape
// that takes longer, and restarts the Worker, whose isolate is still busy with it.
import { startWorker } from './lib/devserver.mjs'
import { serverCpuSeconds } from './lib/processes.mjs'

const SIZES = [
  ['100 KB', 100 * 1024],
  ['1 MiB', 1024 * 1024],
]
const PICK = new RegExp(process.env.BENCH_SHAPES ?? '.')
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 60) * 1000
/** Measured runs add up to about this much CPU, so /proc's 10 ms ticks stay a small error. */
const MEASURE_MS = 600
const TARGET_MS = 50
const PROBE = { config: 'bench/inputs.wrangler.toml', readyPath: '/?shape=plain-text&bytes=1000' }

/** Runs `shape` `iterations` times in the probe: its answer and the CPU ms each run took. */
async function run(worker, shape, bytes, iterations) {
  const before = serverCpuSeconds(worker)
  const res = await fetch(
    `${worker.base}/?shape=${shape}&bytes=${bytes}&iterations=${iterations}`,
    { signal: AbortSignal.timeout(TIMEOUT_MS) },
  )
  if (!res.ok) throw new Error(`probe failed on ${shape}: ${res.status} ${await res.text()}`)
  const result = await res.json()
  const cpuMs =
    before === undefined ? undefined : ((serverCpuSeconds(worker) - before) * 1000) / iterations
  return { ...result, cpuMs }
}

/** One shape at one size: a first run (which also warms the JIT), then enough to measure. */
async function measure(worker, shape, bytes) {
  const first = await run(worker, shape, bytes, 1)
  const estimate = Math.max(first.cpuMs ?? first.medianMs, first.medianMs, 1)
  if (estimate > MEASURE_MS) return first
  const iterations = Math.min(50, Math.max(3, Math.round(MEASURE_MS / estimate)))
  return run(worker, shape, bytes, iterations)
}

function answerOf(r) {
  if (r.status === 200) return 'stored'
  const detail = /"detail":"((?:[^"\\]|\\.)*)"/.exec(r.refusal ?? '')?.[1] ?? r.refusal ?? ''
  return `${r.status} ${detail.replace(/\s+/g, ' ').slice(0, 70)}`
}

let worker = await startWorker(PROBE)
const rows = []
try {
  console.log(`write path CPU per input shape, in workerd (wrangler dev); target ${TARGET_MS} ms`)
  // The JSON bodies of bench/shapes.mjs, then pasted pages for the text import.
  const names = await (await fetch(`${worker.base}/shapes`)).json()
  for (const shape of names.filter((s) => PICK.test(s) || s === 'plain-text')) {
    for (const [size, bytes] of SIZES) {
      try {
        rows.push({ shape, size, ...(await measure(worker, shape, bytes)) })
      } catch (e) {
        if (e.name !== 'TimeoutError') throw e
        rows.push({ shape, size, timedOut: true })
        // The isolate is still working on it: start a fresh Worker for the next shape.
        await worker.stop()
        worker = await startWorker(PROBE)
      }
      const r = rows.at(-1)
      process.stderr.write(`  ${shape} ${size}: ${r.timedOut ? 'timed out' : answerOf(r)}\n`)
    }
  }
} finally {
  await worker.stop()
}

const cpu = (r) => (r.timedOut ? Infinity : (r.cpuMs ?? r.medianMs))
const plain = rows.find((r) => r.shape === 'plain-text' && r.size === '1 MiB')
const yardstick = cpu(plain)
const ms = (v) => (v === Infinity ? `> ${TIMEOUT_MS / 1000} s` : `${v.toFixed(1)} ms`)
console.log(
  `\n${'shape'.padEnd(28)} ${'size'.padEnd(7)} ${'CPU'.padStart(10)} ${'in-isolate'.padStart(11)} ${'ratio'.padStart(8)}  answer`,
)
for (const r of rows) {
  const ratio = cpu(r) === Infinity ? '' : `${(cpu(r) / yardstick).toFixed(2)}×`
  const wall = r.timedOut ? '' : ms(r.medianMs)
  console.log(
    `${r.shape.padEnd(28)} ${r.size.padEnd(7)} ${ms(cpu(r)).padStart(10)} ${wall.padStart(11)} ${ratio.padStart(8)}  ${r.timedOut ? '' : answerOf(r)}`,
  )
}
const over = rows.filter((r) => r.size === '1 MiB' && cpu(r) > TARGET_MS)
console.log(
  `\nratio: CPU over the plain 1 MiB article's (${ms(yardstick)}). CPU is workerd's and wrangler's, from /proc, per run; in-isolate is the median wall time of the runs.`,
)
console.log(
  over.length
    ? `over ${TARGET_MS} ms at 1 MiB: ${over.map((r) => `${r.shape} (${ms(cpu(r))})`).join(', ')}`
    : `every 1 MiB shape handled or refused within ${TARGET_MS} ms`,
)
