// The machine's processes as Linux's /proc shows them, for the benchmark's CPU figures.
// Elsewhere (no /proc) the list is empty and those figures are left out.
import { existsSync, readdirSync, readFileSync } from 'node:fs'

/** USER_HZ: the unit of /proc's CPU times, 100 on every Linux we run on. */
const TICKS_PER_SECOND = 100

/** Whether CPU times can be read here. */
export const canReadCpu = existsSync('/proc/self/stat')

/** @returns {{ pid: number, name: string, ppid: number, group: number, cpuSeconds: number }[]} */
export function processes() {
  if (!canReadCpu) return []
  const found = []
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      // `pid (name) state ppid pgrp ...`; the name may hold spaces and parentheses.
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      found.push({
        pid: Number(pid),
        name,
        ppid: Number(fields[1]),
        group: Number(fields[2]),
        cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
      })
    } catch {
      // the process ended while we looked
    }
  }
  return found
}

/**
 * CPU seconds a server has used so far: the processes of wrangler dev's group (Node and its
 * workerd), or Miniflare's workerd (`pids`). Undefined where CPU times can not be read.
 */
export function serverCpuSeconds(server) {
  if (!canReadCpu) return undefined
  return processes()
    .filter((p) => (server.pids ? server.pids.includes(p.pid) : p.group === server.group))
    .reduce((sum, p) => sum + p.cpuSeconds, 0)
}
