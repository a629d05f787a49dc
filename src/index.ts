/**
 * The Worker's entrypoints. The default one is the site, cached by Workers Cache
 * (`[cache] enabled = true`): a repeated request for a page or feed is answered by the cache
 * without running it. It also purges its own cache for the write coordinator, because a
 * purge reaches only the cache of the entrypoint that sends it; and it consumes the queue of
 * WebSub pings.
 */
import { WorkerEntrypoint } from 'cloudflare:workers'
import { app } from './app'
import { sendPurge, workersCache } from './edge/purge'
import { consume, type FanoutMessage } from './fanout/consumer'
import { deskOf } from './http/desk'

export { Desk } from './desk/desk'
export { ArchiveImport } from './workflows/archive-import'

export default class Site extends WorkerEntrypoint<Env> {
  override fetch(request: Request): Response | Promise<Response> {
    return app.fetch(request, this.env, this.ctx)
  }

  /** Purges this entrypoint's cache of `tags` (at most 100). RPC calls skip the cache. */
  async purgeTags(tags: string[]): Promise<CachePurgeResult> {
    return sendPurge(workersCache(this.ctx), tags)
  }

  /** The daily collection of files no article has used for MEDIA_GRACE_DAYS (docs/media.md). */
  override async scheduled(_controller: ScheduledController): Promise<void> {
    const collected = await deskOf(this.env).collectMedia()
    console.log(JSON.stringify({ media_collected: collected }))
  }

  override async queue(batch: MessageBatch<FanoutMessage>): Promise<void> {
    await consume(batch, this.env)
  }
}
