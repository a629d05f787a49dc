/**
 * Locally, Workers Cache does not exist and each purge the Worker would send is written to
 * the log as one JSON line (src/edge/purge.ts). The Worker, its Durable Object and the tests
 * share one isolate under the vitest integration, so the tests read those lines here, to
 * replay them against the model of Workers Cache, and keep them out of the test output.
 */
export interface PurgeLine {
  purge: CachePurgeOptions
}

const listeners = new Set<(line: PurgeLine) => void>()

/** Calls `listener` with every purge line until the returned function is called. */
export function onPurgeLine(listener: (line: PurgeLine) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

const PURGE_LINE = /^\{"purge":/

const CAPTURING = Symbol.for('edgefeed.capturePurgeLines')

/** Installed by test/setup.ts, once however many test files share the isolate. */
export function capturePurgeLines(): void {
  const installed = console as unknown as Record<symbol, boolean>
  if (installed[CAPTURING]) return
  installed[CAPTURING] = true
  const log = console.log.bind(console)
  console.log = (...args: unknown[]) => {
    const [first] = args
    if (args.length === 1 && typeof first === 'string' && PURGE_LINE.test(first)) {
      const line = JSON.parse(first) as PurgeLine
      for (const listener of listeners) listener(line)
      return
    }
    log(...args)
  }
}
