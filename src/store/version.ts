import { VERSION_KEY } from './keys'

/**
 * The content version: an opaque value rewritten (blindly, never read-modify-written) on
 * every change, which the edge cache keys pages on. It also carries the time of the change,
 * which is every page's `Last-Modified`, deletions included.
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

function parse(raw: string | null): ContentVersion {
  if (!raw) return INITIAL
  const changed = Number(raw.split('-')[0])
  return { value: raw, changed: Number.isFinite(changed) ? changed : 0 }
}

/** The current version, served from KV's own edge cache for up to VERSION_CACHE_TTL seconds. */
export async function readVersion(kv: KVNamespace): Promise<ContentVersion> {
  return parse(await kv.get(VERSION_KEY, { cacheTtl: VERSION_CACHE_TTL }))
}

/** Called with a new version while it is written to KV, e.g. to update the edge's memo. */
export type VersionListener = (version: ContentVersion) => Promise<void>

/**
 * Records a change and returns the new version. Call it only once the change is readable:
 * a page rendered under the new version is cached for as long as that version lasts.
 */
export async function bumpVersion(
  kv: KVNamespace,
  onVersion?: VersionListener,
  now = Date.now(),
): Promise<ContentVersion> {
  const raw = `${now}-${crypto.randomUUID().slice(0, 8)}`
  const version = parse(raw)
  await Promise.all([kv.put(VERSION_KEY, raw), onVersion?.(version)])
  return version
}
