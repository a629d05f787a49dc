/**
 * Copying an article's images from other hosts into R2, the queue's side: each message names
 * an article whose write asked for it. Its images are fetched (public hosts only, each with a
 * time limit), checked and stored like an upload of its publisher's, within the site's hourly
 * budget; the coordinator then points the article at the copies. A host that fails for now is
 * tried again with backoff; after the last attempt, what is left is reported as failed.
 */
import type { Draft } from '../articles/build'
import { loadConfig } from '../config'
import type { Writer } from '../desk/protocol'
import { deskOf } from '../http/desk'
import { MediaRefusal } from '../media/errors'
import { fetchImage } from '../media/fetch-image'
import type { RehostResult } from '../media/rehost'
import { checkFile, storeFile } from '../media/store'
import { kindOf } from '../media/types'

/** The queue's message: copy the images of article `id`. */
export interface RehostMessage {
  kind: 'rehost'
  id: string
  /** The site's address, for the copies' URLs. */
  baseUrl: string
  /** An imported article's: pointing it at its copies pings no hub (docs/migration.md). */
  quiet?: boolean
}

/** Attempts before what is left is reported as failed (the queue allows a few more). */
export const REHOST_ATTEMPTS = 5
/** Images fetched at once for one article. */
const AT_ONCE = 4

/**
 * After a write whose draft asked for copies (src/media/rehost.ts), asks the queue to make
 * them; a replayed answer asks nothing again. Resolves to the reply, to send.
 */
export async function queueRehost<R extends { id: string; status: number; replayed?: boolean }>(
  queue: Queue,
  draft: Draft,
  reply: R,
  baseUrl: string,
): Promise<R> {
  if (draft.fields.rehost?.state === 'queued' && !reply.replayed && reply.status !== 204) {
    await queue.send({ kind: 'rehost', id: reply.id, baseUrl } satisfies RehostMessage)
  }
  return reply
}

/** A queue's `sendBatch` takes at most 100 messages. */
const SEND_BATCH = 100

/** Asks the queue to copy the images of imported articles `ids`, quietly. */
export async function queueQuietRehost(queue: Queue, ids: string[], baseUrl: string) {
  for (let i = 0; i < ids.length; i += SEND_BATCH) {
    await queue.sendBatch(
      ids.slice(i, i + SEND_BATCH).map((id) => ({
        body: { kind: 'rehost', id, baseUrl, quiet: true } satisfies RehostMessage,
      })),
    )
  }
}

/** Seconds before the n-th retry: a minute, doubling, at most an hour. */
const retryDelay = (attempts: number) => Math.min(3600, 60 * 2 ** Math.max(0, attempts - 1))

type Outcome = { copied: RehostResult['copied'][number] } | { failed: string; transient: boolean }

/** Copies one image for `owner`. */
async function copy(env: Env, url: string, owner: string, baseUrl: string): Promise<Outcome> {
  const fetched = await fetchImage(url, { userAgent: `edgefeed (+${baseUrl}/)` })
  if (!fetched.ok) return { failed: fetched.reason, transient: fetched.transient }
  try {
    // The bytes decide what the file is; a host's Content-Type is not taken on trust.
    const checked = await checkFile(fetched.bytes, '')
    if (kindOf(checked.type) !== 'image') {
      return { failed: `is not an image but ${checked.type}`, transient: false }
    }
    const writer: Writer = { id: owner, name: owner, admin: owner === 'admin' }
    const site = { baseUrl, mediaPublicUrl: loadConfig(env).mediaPublicUrl }
    const { file } = await storeFile(env.MEDIA, deskOf(env), writer, checked, site)
    const facts = { mime_type: file.type, size_in_bytes: file.size }
    return { copied: { from: url, to: file.url, file: facts } }
  } catch (error) {
    if (!(error instanceof MediaRefusal)) throw error
    return { failed: error.detail, transient: error.status === 503 }
  }
}

/** One message: its article's images still to copy, within the budget; the rest retried. */
async function rehostOne(message: Message<RehostMessage>, env: Env): Promise<void> {
  const { id, baseUrl, quiet = false } = message.body
  const desk = deskOf(env)
  const job = await desk.rehostJob(id)
  if (!job) return message.ack()
  const last = message.attempts >= REHOST_ATTEMPTS
  const granted = await desk.takeRehostBudget(job.pending.length)
  const result: RehostResult = { copied: [], failed: [] }
  let again = false
  const outcomes: [string, Outcome][] = []
  const todo = job.pending.slice(0, granted)
  for (let i = 0; i < todo.length; i += AT_ONCE) {
    const batch = todo.slice(i, i + AT_ONCE)
    const done = await Promise.all(batch.map((url) => copy(env, url, job.owner, baseUrl)))
    outcomes.push(...done.map((o, k): [string, Outcome] => [batch[k]!, o]))
  }
  for (const [url, outcome] of outcomes) {
    if ('copied' in outcome) result.copied.push(outcome.copied)
    else if (outcome.transient && !last) again = true
    else result.failed.push({ url, reason: outcome.failed })
  }
  for (const url of job.pending.slice(granted)) {
    if (!last) again = true
    else result.failed.push({ url, reason: "the site's hourly limit of copies was reached" })
  }
  if (result.copied.length || result.failed.length) {
    const applied = await desk.applyRehost(id, result, baseUrl, quiet)
    if (!applied.ok && applied.refusal.status !== 404) throw new Error(applied.refusal.detail)
  }
  console.log(
    JSON.stringify({
      rehost: {
        id,
        copied: result.copied.length,
        failed: result.failed.length,
        again,
        attempt: message.attempts,
      },
    }),
  )
  if (again) message.retry({ delaySeconds: retryDelay(message.attempts) })
  else message.ack()
}

/** The queue consumer for copies: each article on its own, so one slow host holds up one. */
export async function rehostImages(messages: readonly Message<RehostMessage>[], env: Env) {
  await Promise.all(
    messages.map(async (message) => {
      try {
        await rehostOne(message, env)
      } catch (error) {
        console.error(
          JSON.stringify({ rehost_failed: { id: message.body.id, error: String(error) } }),
        )
        message.retry({ delaySeconds: retryDelay(message.attempts) })
      }
    }),
  )
}

/** What reaches the dead-letter queue: logged, not lost. */
export function logUncopied(messages: readonly Message<RehostMessage>[]): void {
  for (const message of messages) {
    console.error(JSON.stringify({ rehost_undelivered: message.body }))
    message.ack()
  }
}
