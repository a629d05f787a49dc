/**
 * WebSub (W3C) on the coordinator's side: which feeds a change touches, and holding their
 * pings until hubs may hear of them.
 *
 * A hub fetches the feed it is told about, from any location, so it hears of a change only
 * after the change's second purge, when KV has propagated and no stale copy remains. Each
 * changed feed is pinged once per hub per second-pass slot, however many writes touched it,
 * through a Cloudflare Queue, whose consumer (src/fanout/websub.ts) does the pinging.
 */
import type { Article } from '../articles/model'
import { scriptOf, SCRIPTS } from '../articles/script'
import { listingsOf, type Listing } from '../articles/listings'
import { listingTag } from '../edge/tags'
import { pingsFor, type HubPing } from '../fanout/websub'
import { FEED_FORMATS, feedPath, scriptPrefix } from '../urls'

/** A feed URL to announce, and the cache tag whose purge must come first. */
export interface Topic {
  topic: string
  tag: string
}

/**
 * Every feed a change to these articles touches, in every format: the site's, each tag
 * spelling's and each author's. The `/zh-Hans` and `/zh-Hant` feeds change with a Chinese
 * article even on a site in another language, so they are named when the site or a changed
 * article is Chinese.
 */
export function changedFeeds(baseUrl: string, siteLanguage: string, changed: Article[]): Topic[] {
  const listings = new Map<string, Listing>()
  for (const listing of changed.flatMap(listingsOf)) {
    for (const name of listing.spellings) {
      const named = { kind: listing.kind, name }
      listings.set(feedPath('rss', named), named)
    }
  }
  const chinese = [siteLanguage, ...changed.map((a) => a.language)].some(
    (language) => scriptOf(language) !== undefined,
  )
  const prefixes = ['', ...(chinese ? SCRIPTS.map(scriptPrefix) : [])]
  return prefixes.flatMap((prefix) =>
    [undefined, ...listings.values()].flatMap((listing) =>
      FEED_FORMATS.map((format) => ({
        topic: baseUrl + prefix + feedPath(format, listing),
        tag: listingTag(listing),
      })),
    ),
  )
}

/** Pings waiting for their tag's second purge, in the coordinator's SQLite. */
export class Pings {
  constructor(private readonly sql: SqlStorage) {}

  schedule(topics: Topic[], due: number): void {
    if (topics.length === 0) return
    this.sql.exec(
      `INSERT OR IGNORE INTO pings (topic, tag, due_ms)
       SELECT value ->> '$.topic', value ->> '$.tag', ? FROM json_each(?)`,
      due,
      JSON.stringify(topics),
    )
  }

  /** Topics due by `now` whose tag has no purge outstanding up to their due time. */
  ready(now: number): { topic: string; due: number }[] {
    return this.sql
      .exec<{ topic: string; due_ms: number }>(
        `SELECT DISTINCT p.topic, p.due_ms FROM pings p WHERE p.due_ms <= ?
           AND NOT EXISTS (SELECT 1 FROM purges q WHERE q.tag = p.tag AND q.due_ms <= p.due_ms)
         ORDER BY p.due_ms, p.topic`,
        now,
      )
      .toArray()
      .map((r) => ({ topic: r.topic, due: r.due_ms }))
  }

  /** Those of `topics` with a ping due before `until` not yet handed to the queue. */
  waitingAmong(topics: string[], until: number): string[] {
    return this.sql
      .exec<{ topic: string }>(
        'SELECT DISTINCT topic FROM pings WHERE due_ms < ? AND topic IN (SELECT value FROM json_each(?))',
        until,
        JSON.stringify(topics),
      )
      .toArray()
      .map((r) => r.topic)
  }

  /** Pings not yet handed to the queue. */
  waiting(): number {
    return this.sql.exec<{ n: number }>('SELECT count(*) AS n FROM pings').one().n
  }

  done(topic: string, due: number): void {
    this.sql.exec('DELETE FROM pings WHERE topic = ? AND due_ms = ?', topic, due)
  }
}

/** A queue's `sendBatch` takes at most 100 messages. */
const BATCH = 100

/** Puts the pings that tell every hub of `topics` on the queue (src/fanout/websub.ts). */
export async function enqueuePings(queue: Queue<HubPing>, hubs: string[], topics: string[]) {
  const messages = pingsFor(hubs, topics).map((body) => ({ body }))
  for (let i = 0; i < messages.length; i += BATCH) {
    await queue.sendBatch(messages.slice(i, i + BATCH))
  }
}
