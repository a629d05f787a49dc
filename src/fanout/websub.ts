/**
 * WebSub (W3C) pings, the queue's side: each message asks one hub to fetch one changed feed.
 * The consumer pings with retries and backoff; what still fails after the last retry goes to
 * a dead-letter queue whose consumer logs it. The coordinator decides what to ping and when
 * (src/desk/pings.ts).
 */

/** The dead-letter queue of WebSub pings, as wrangler.toml names it. */
export const DEAD_LETTER_QUEUE = 'edgefeed-hub-pings-failed'

/** One ping: the queue's message. */
export interface HubPing {
  hub: string
  topic: string
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
