/**
 * WebSub (W3C) publish pings, the queue's side. Each message asks one hub to fetch up to
 * TOPICS_PER_PING changed feeds in one request, naming each with its own `hub.url` (the
 * PubSubHubbub 0.3 publish notification allows the field to repeat; Google's hub and
 * Superfeedr take it). The coordinator decides what to ping and when (src/desk/pings.ts).
 *
 * A hub is someone else's server, so every ping has a timeout and follows no redirect: a hub
 * that hangs or sends the request elsewhere fails that message alone, which is retried with
 * backoff; what still fails after the last retry goes to a dead-letter queue whose consumer
 * logs it. Messages are pinged at once, each on its own, so one slow hub never holds up
 * another hub or another batch of topics.
 */

/** The dead-letter queue of WebSub pings, as wrangler.toml names it. */
export const DEAD_LETTER_QUEUE = 'edgefeed-hub-pings-failed'

/** The most topics one publish request names. */
export const TOPICS_PER_PING = 100

/** How long a hub has to answer a ping. */
export const PING_TIMEOUT_MS = 10_000

/** One ping: the queue's message. */
export interface HubPing {
  kind: 'websub'
  hub: string
  /** At most TOPICS_PER_PING feed URLs. */
  topics: string[]
}

/** The messages that tell every hub of `topics`: one per hub per TOPICS_PER_PING topics. */
export function pingsFor(hubs: string[], topics: string[]): HubPing[] {
  const batches: string[][] = []
  for (let i = 0; i < topics.length; i += TOPICS_PER_PING) {
    batches.push(topics.slice(i, i + TOPICS_PER_PING))
  }
  return hubs.flatMap((hub) =>
    batches.map((batch) => ({ kind: 'websub' as const, hub, topics: batch })),
  )
}

/** Seconds before the n-th retry of a failed ping: `base`, twice that, ... at most an hour. */
export function retryDelay(attempts: number, base: number): number {
  return Math.min(3600, base * 2 ** Math.max(0, attempts - 1))
}

/** Why a hub did not take a ping: its status (a redirect included), or the fetch's error. */
export type PingFailure = { status: number; location?: string } | { error: string }

/**
 * Sends one publish request; undefined when the hub accepted it (a 2xx), else why not. A
 * redirect is not followed: the pings would go to a host nobody configured.
 */
export async function ping(
  { hub, topics }: HubPing,
  timeoutMs = PING_TIMEOUT_MS,
): Promise<PingFailure | undefined> {
  const body = new URLSearchParams({ 'hub.mode': 'publish' })
  for (const topic of topics) body.append('hub.url', topic)
  try {
    const res = await fetch(hub, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    // The body is not read; cancelling it frees the connection at once.
    await res.body?.cancel()
    if (res.status >= 200 && res.status < 300) return undefined
    const location = res.headers.get('Location')
    return { status: res.status, ...(location ? { location: location.slice(0, 200) } : {}) }
  } catch (error) {
    return { error: String(error).slice(0, 200) }
  }
}

/**
 * The queue consumer: each message pinged at once; one taken is acknowledged, one refused
 * is retried later with backoff and logged in one line (its hub, how many topics, why).
 */
export async function deliverPings(
  messages: readonly Message<HubPing>[],
  retrySeconds: number,
  timeoutMs = PING_TIMEOUT_MS,
) {
  await Promise.all(
    messages.map(async (message) => {
      const failure = await ping(message.body, timeoutMs)
      if (!failure) return message.ack()
      const { hub, topics } = message.body
      console.warn(
        JSON.stringify({
          websub: { hub, topics: topics.length, attempt: message.attempts, ...failure },
        }),
      )
      message.retry({ delaySeconds: retryDelay(message.attempts, retrySeconds) })
    }),
  )
}

/** The dead-letter queue's consumer: what every retry failed to deliver, logged, not lost. */
export function logUndelivered(messages: readonly Message<HubPing>[]): void {
  for (const message of messages) {
    // `attempts` here would count the dead-letter queue's own deliveries, not the hub's.
    const { hub, topics } = message.body
    console.error(JSON.stringify({ websub_undelivered: { hub, topics } }))
    message.ack()
  }
}
