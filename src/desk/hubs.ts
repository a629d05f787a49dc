/**
 * WebSub (W3C): telling hubs which feeds changed, so subscribers hear of it without polling.
 *
 * A hub fetches the feed it is told about, from any location, so it hears of a change only
 * after the change's second purge, when KV has propagated and no stale copy remains. Each
 * changed feed is pinged once per hub per second-pass slot, however many writes touched it,
 * through a Cloudflare Queue: the consumer pings with retries and backoff, and what still
 * fails after the last retry goes to a dead-letter queue whose consumer logs it.
 */
import type { Article } from '../articles/model'
import { scriptOf, SCRIPTS } from '../articles/script'
import { tagSpellings } from '../articles/variants'
import { ALL, listingTag } from '../edge/tags'
import { FEED_FORMATS, feedPath, scriptPrefix } from '../urls'

/** A feed URL to announce, and the cache tag whose purge must come first. */
export interface Topic {
  topic: string
  tag: string
}

/** The dead-letter queue of WebSub pings, as wrangler.toml names it. */
export const DEAD_LETTER_QUEUE = 'edgefeed-hub-pings-failed'

/** One ping: the queue's message. */
export interface HubPing {
  hub: string
  topic: string
}

/**
 * Every feed a change to these articles touches, in every format: the site's and each tag
 * spelling's. The `/zh-Hans` and `/zh-Hant` feeds change with a Chinese article even on a
 * site in another language, so they are named when the site or a changed article is Chinese.
 */
export function changedFeeds(baseUrl: string, siteLanguage: string, changed: Article[]): Topic[] {
  const tags = [...new Set(changed.flatMap(tagSpellings))]
  const chinese = [siteLanguage, ...changed.map((a) => a.language)].some(
    (language) => scriptOf(language) !== undefined,
  )
  const prefixes = ['', ...(chinese ? SCRIPTS.map(scriptPrefix) : [])]
  return prefixes.flatMap((prefix) =>
    [undefined, ...tags].flatMap((tag) =>
      FEED_FORMATS.map((format) => ({
        topic: baseUrl + prefix + feedPath(format, tag),
        tag: tag === undefined ? ALL : listingTag(tag),
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

  done(topic: string, due: number): void {
    this.sql.exec('DELETE FROM pings WHERE topic = ? AND due_ms = ?', topic, due)
  }
}

/** A queue's `sendBatch` takes at most 100 messages. */
const BATCH = 100

/** Puts one message per hub and topic on the queue. */
export async function enqueuePings(queue: Queue<HubPing>, hubs: string[], topics: string[]) {
  const messages = hubs.flatMap((hub) => topics.map((topic) => ({ body: { hub, topic } })))
  for (let i = 0; i < messages.length; i += BATCH) {
    await queue.sendBatch(messages.slice(i, i + BATCH))
  }
}

/** Seconds before the n-th retry of a failed ping: `base`, twice that, ... at most an hour. */
export function retryDelay(attempts: number, base: number): number {
  return Math.min(3600, base * 2 ** Math.max(0, attempts - 1))
}

/** Sends one publish ping; true when the hub accepted it. */
export async function ping({ hub, topic }: HubPing): Promise<boolean> {
  try {
    const res = await fetch(hub, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }),
    })
    // The body is not read; cancelling it frees the connection at once.
    await res.body?.cancel()
    if (res.ok) return true
    console.warn(JSON.stringify({ websub: { hub, topic, status: res.status } }))
  } catch (error) {
    console.warn(JSON.stringify({ websub: { hub, topic, error: String(error) } }))
  }
  return false
}

/** The queue consumer: ping each; a failure is retried later with backoff. */
export async function deliverPings(batch: MessageBatch<HubPing>, retrySeconds: number) {
  await Promise.all(
    batch.messages.map(async (message) => {
      if (await ping(message.body)) message.ack()
      else message.retry({ delaySeconds: retryDelay(message.attempts, retrySeconds) })
    }),
  )
}

/** The dead-letter queue's consumer: what every retry failed to deliver, logged, not lost. */
export function logUndelivered(batch: MessageBatch<HubPing>): void {
  for (const message of batch.messages) {
    // `attempts` here would count the dead-letter queue's own deliveries, not the hub's.
    console.error(JSON.stringify({ websub_undelivered: message.body }))
    message.ack()
  }
}
