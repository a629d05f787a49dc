/**
 * The one module that reaches Workers Cache's purge API (`ctx.cache`). Purges are scoped to
 * the entrypoint that sends them, so they run inside the cached entrypoint (src/index.ts);
 * the write coordinator asks it to over RPC.
 *
 * Workers Cache has no local form: `ctx.cache` is undefined in `wrangler dev` and in tests,
 * by Cloudflare's choice. There each purge it would send is written to the log as one JSON
 * line, `{"purge":{"tags":[...]}}`, so a developer sees what a write invalidates (and the
 * tests replay those lines against a model of Workers Cache).
 */

/** Workers Cache takes at most 100 tags in one request. */
export const TAGS_PER_REQUEST = 100

/** What the service asks of Workers Cache: purges only (both passes purge; see caching.md). */
type Purger = Pick<CacheContext, 'purge'>

const LOCAL: Purger = {
  purge(options) {
    console.log(JSON.stringify({ purge: options }))
    return Promise.resolve({ success: true, errors: [] })
  },
}

/** The entrypoint's Workers Cache, or the local stand-in that logs. */
export function workersCache(ctx: { cache?: CacheContext }): Purger {
  return ctx.cache ?? LOCAL
}

/** Sends one request for `tags` (at most TAGS_PER_REQUEST); resolves to Workers Cache's answer. */
export async function sendPurge(cache: Purger, tags: string[]): Promise<CachePurgeResult> {
  if (tags.length === 0) return { success: true, errors: [] }
  if (tags.length > TAGS_PER_REQUEST) {
    throw new RangeError(
      `${tags.length} tags in one purge; Workers Cache takes ${TAGS_PER_REQUEST}`,
    )
  }
  try {
    return await cache.purge({ tags })
  } catch (error) {
    // A thrown purge is a failed one: the coordinator keeps the tags and tries again.
    return { success: false, errors: [{ code: 0, message: String(error) }] }
  }
}
