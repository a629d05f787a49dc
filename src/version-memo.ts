/**
 * The version memo: a location's newest known content version, kept in the Cache API, which
 * every isolate in the location reads before it looks a page up (cache.ts). A change puts it
 * before its answer goes out, so that the location's next request sees the change, whichever
 * isolate takes that request.
 */
import type { ContentVersion } from './store/version'
import { INTERNAL_PATH } from './urls'

/** A location's newest known version, and when it was last compared with KV (ms). */
export interface VersionMemo extends ContentVersion {
  checked: number
}

/** Seconds the memo is kept: long, so that a location never goes back to an older version. */
const VERSION_MEMO_SECONDS = 24 * 3600

function memoUrl(origin: string): string {
  return `${origin}${INTERNAL_PATH}/version`
}

/** The memo as the location's cache holds it now. */
export async function readMemo(origin: string): Promise<VersionMemo | undefined> {
  const memo = await caches.default.match(memoUrl(origin))
  return memo ? memo.json<VersionMemo>() : undefined
}

/** Makes `memo` the location's memo, replacing what its cache held. */
export async function rememberVersion(origin: string, memo: VersionMemo): Promise<void> {
  await caches.default.put(
    memoUrl(origin),
    new Response(JSON.stringify(memo), {
      headers: { 'Cache-Control': `max-age=${VERSION_MEMO_SECONDS}` },
    }),
  )
}
