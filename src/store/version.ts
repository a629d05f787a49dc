import { VERSION_KEY } from './keys'

/**
 * The content version: an opaque value that every change replaces, which the edge cache keys
 * pages on. It also carries the time of the change, which is every page's `Last-Modified`,
 * deletions included.
 *
 * KV takes about one write per second to one key and refuses more with 429, while a newsroom's
 * import script may publish several articles a second. So `meta:version` is not written once
 * per change in the answer. Each isolate writes the newest version it knows after the answer,
 * at most once a second while changes keep coming (the location that made the change sees
 * it at once through the edge memo in version-memo.ts). Refused writes are retried, with the
 * newest version by then.
 */
export interface ContentVersion {
  /** Opaque and unique per change. */
  value: string
  /** When the change happened, in milliseconds; 0 before the first publish. */
  changed: number
}

/** How long one location may keep reading a version after another location changed it. */
export const VERSION_CACHE_TTL = 60

const INITIAL: ContentVersion = { value: '0', changed: 0 }

/** Waits before each retry of a refused version write; then the failure is logged. */
const RETRY_DELAYS_MS = [1000, 2000, 4000]

function parse(raw: string | null): ContentVersion {
  if (!raw) return INITIAL
  const changed = Number(raw.split('-')[0])
  return { value: raw, changed: Number.isFinite(changed) ? changed : 0 }
}

/** A version for a change made at `now`. */
export function newVersion(now = Date.now()): ContentVersion {
  return { value: `${now}-${crypto.randomUUID().slice(0, 8)}`, changed: now }
}

/** True when `a` is a later change than `b`. */
export function isNewer(a: ContentVersion, b: ContentVersion): boolean {
  return a.changed > b.changed || (a.changed === b.changed && a.value > b.value)
}

/** The later change of `a` and `b` (`a` when there is no `b`). */
export function newest<T extends ContentVersion>(a: T, b: T | undefined): T {
  return b && isNewer(b, a) ? b : a
}

/** The current version, served from KV's own edge cache for up to VERSION_CACHE_TTL seconds. */
export async function readVersion(kv: KVNamespace): Promise<ContentVersion> {
  return parse(await kv.get(VERSION_KEY, { cacheTtl: VERSION_CACHE_TTL }))
}

/** KV takes about one write a second to one key: a burst's writes are this far apart. */
const WRITE_INTERVAL_MS = 1000

/**
 * The writer runs in the `waitUntil` of the request that started it, which the runtime ends
 * 30 s after the answer at the latest. A change made when the writer is older than this
 * starts a new writer in its own request, and the old one stops.
 */
const WRITER_HANDOVER_MS = 10_000

/** The newest change this isolate made, and the newest version it has written to KV. */
let newestKnown: ContentVersion | undefined
let newestWritten: ContentVersion | undefined
/** The writer now running in this isolate, if any. */
let writer: { started: number } | undefined

/**
 * Records a change for other locations: KV's `meta:version` will hold this version, or a
 * newer one, within about a second (longer while KV refuses writes). Returns at once: the
 * location that made the change sees it through the edge memo (version-memo.ts), and the
 * writing runs in `later` (the request's `waitUntil`). One writer runs per isolate and writes
 * the newest version it knows, so a burst of changes costs one write a second rather than one
 * each, which KV would refuse (429) and which would contend for the one key.
 */
export function writeVersion(
  kv: KVNamespace,
  version: ContentVersion,
  later: (writing: Promise<void>) => void,
): void {
  newestKnown = newest(version, newestKnown)
  const now = Date.now()
  if (writer && now - writer.started < WRITER_HANDOVER_MS) return // it will write this too
  const mine = { started: now }
  writer = mine
  later(
    writeUntilCaughtUp(kv, mine).finally(() => {
      if (writer === mine) writer = undefined
    }),
  )
}

function behind(): boolean {
  return !!newestKnown && (!newestWritten || isNewer(newestKnown, newestWritten))
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Writes the newest known version until KV holds it: at once when idle, then at most once a
 * second while changes keep coming (KV's limit for one key). A refusal is retried after the
 * delays above; after the last one the failure is logged and left to the next change.
 */
async function writeUntilCaughtUp(kv: KVNamespace, self: { started: number }): Promise<void> {
  let refusals = 0
  let wait = 0
  while (writer === self && behind()) {
    if (wait) {
      await sleep(wait)
      if (writer !== self) return // handed over to a newer writer
    }
    const version = newestKnown!
    try {
      await kv.put(VERSION_KEY, version.value)
    } catch (error) {
      wait = RETRY_DELAYS_MS[refusals++] ?? 0
      if (wait) continue
      console.error(`could not write ${VERSION_KEY} ${version.value}; the next change will`, error)
      return
    }
    refusals = 0
    wait = WRITE_INTERVAL_MS
    newestWritten = newest(version, newestWritten)
  }
}
