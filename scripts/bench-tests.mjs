#!/usr/bin/env node
// `npm run bench:tests`: how long each part of `npm test` takes, wall clock and CPU (the
// children's user and system time, from /proc), one part after another. Timings belong here,
// never in a test: on a shared machine compare the CPU column, which load barely moves.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const STEPS = [
  ['typecheck', ['npm', 'run', '--silent', 'typecheck']],
  ['dry-run bundle', ['npm', 'run', '--silent', 'build:check']],
  ['unit (Node)', ['npx', 'vitest', 'run', '--project', 'unit']],
  ['workers (workerd)', ['npx', 'vitest', 'run', '--project', 'workers']],
]

/** CPU seconds of every child this process has waited for (Linux), or undefined. */
function childCpuSeconds() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // cutime and cstime, in USER_HZ ticks (100 a second).
    return (Number(fields[13]) + Number(fields[14])) / 100
  } catch {
    return undefined
  }
}

const rows = []
for (const [name, [command, ...args]] of STEPS) {
  const cpuBefore = childCpuSeconds()
  const start = performance.now()
  const run = spawnSync(command, args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  })
  const wall = (performance.now() - start) / 1000
  const cpu = cpuBefore === undefined ? undefined : childCpuSeconds() - cpuBefore
  rows.push({ name, wall, cpu, ok: run.status === 0 })
}
const total = rows.reduce((sum, r) => ({ wall: sum.wall + r.wall, cpu: sum.cpu + (r.cpu ?? 0) }), {
  wall: 0,
  cpu: 0,
})
console.log(`${'part of npm test'.padEnd(20)} ${'wall s'.padStart(8)} ${'CPU s'.padStart(8)}`)
for (const r of [...rows, { name: 'total', ...total, ok: rows.every((r) => r.ok) }]) {
  const cpu = r.cpu === undefined ? '—' : r.cpu.toFixed(1)
  console.log(
    `${r.name.padEnd(20)} ${r.wall.toFixed(1).padStart(8)} ${cpu.padStart(8)}${r.ok ? '' : '  (failed)'}`,
  )
}
process.exit(rows.every((r) => r.ok) ? 0 : 1)
