/**
 * The queue consumer: what runs after a write, outside the coordinator, with the queue's
 * retries and dead-letter queue. Each message says by its `kind` what it asks for.
 */
import { loadConfig } from '../config'
import { logUncopied, rehostImages, type RehostMessage } from './rehost'
import { DEAD_LETTER_QUEUE, deliverPings, logUndelivered, type HubPing } from './websub'

/** Every kind of message the queue carries. */
export type FanoutMessage = HubPing | RehostMessage

const ofKind = <K extends FanoutMessage['kind']>(batch: MessageBatch<FanoutMessage>, kind: K) =>
  batch.messages.filter(
    (m): m is Message<Extract<FanoutMessage, { kind: K }>> => m.body.kind === kind,
  )

/** Consumes one batch, handing each kind of message to its own consumer. */
export async function consume(batch: MessageBatch<FanoutMessage>, env: Env): Promise<void> {
  const pings = ofKind(batch, 'websub')
  const copies = ofKind(batch, 'rehost')
  if (batch.queue === DEAD_LETTER_QUEUE) {
    logUndelivered(pings)
    logUncopied(copies)
    return
  }
  await Promise.all([
    deliverPings(pings, loadConfig(env).websubRetrySeconds),
    rehostImages(copies, env),
  ])
}
