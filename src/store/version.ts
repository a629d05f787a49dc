import { VERSION_KEY } from './keys'

/**
 * The content version: an opaque value that every change replaces, which the edge cache keys
 * pages on. It also carries the time of the change, which is every page's `Last-Modified`,
 * deletions included.
 *
 * KV takes about one write per second to one key and refuses more with 429, while a newsroom's
 * import script may publish several articles a second. A refused write of `meta:version` is
 * therefore retried after the answer (the location that made the change sees it at once
 * through the edge memo in cache.ts), and dropped once a newer version has been written.
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

/** The current version, served from KV's own edge cache for up to VERSION_CACHE_TTL seconds. */
export async function readVersion(kv: KVNamespace): Promise<ContentVersion> {
  return parse(await kv.get(VERSION_KEY, { cacheTtl: VERSION_CACHE_TTL }))
}

/** The newest version this isolate has written to KV. */
let newestWritten: ContentVersion | undefined

/**
 * Writes `version` to KV. Should KV refuse, the answer need not wait: the retries are handed
 * to `later` (the request's `waitUntil`).
 */
export async function writeVersion(
  kv: KVNamespace,
  version: ContentVersion,
  later: (retries: Promise<void>) => void,
): Promise<void> {
  const refused = await tryWrite(kv, version)
  if (refused) later(retryWrite(kv, version, refused))
}

/** Writes the version; returns the error when KV refuses. */
async function tryWrite(kv: KVNamespace, version: ContentVersion): Promise<unknown> {
  try {
    await kv.put(VERSION_KEY, version.value)
  } catch (err) {
    return err ?? new Error('KV refused the write')
  }
  if (!newestWritten || isNewer(version, newestWritten)) newestWritten = version
  return undefined
}

async function retryWrite(kv: KVNamespace, version: ContentVersion, error: unknown) {
  for (const delay of RETRY_DELAYS_MS) {
    await new Promise((resolve) => setTimeout(resolve, delay))
    // A newer version written meanwhile makes this one unnecessary.
    if (newestWritten && !isNewer(version, newestWritten)) return
    error = await tryWrite(kv, version)
    if (!error) return
  }
  console.error(`could not write ${VERSION_KEY} ${version.value}; the next change will`, error)
}
