/**
 * The queue consumer: what runs after a write, outside the coordinator, with the queue's
 * retries and dead-letter queue. Each message says by its `kind` what it asks for.
 */
import { loadConfig } from '../config'
import { DEAD_LETTER_QUEUE, deliverPings, logUndelivered, type HubPing } from './websub'

/** Every kind of message the queue carries. */
export type FanoutMessage = HubPing

/** Consumes one batch, handing each kind of message to its own consumer. */
export async function consume(batch: MessageBatch<FanoutMessage>, env: Env): Promise<void> {
  const pings = batch.messages.filter((m) => m.body.kind === 'websub')
  if (batch.queue === DEAD_LETTER_QUEUE) return logUndelivered(pings)
  await deliverPings(pings, loadConfig(env).websubRetrySeconds)
}
