/**
 * The `Idempotency-Key` request header (IETF draft-ietf-httpapi-idempotency-key-header): a
 * client that may send a write twice (a timeout, a crashed script) names it, and gets the
 * first answer again instead of a second write. The coordinator keeps the answers
 * (src/desk/replies.ts); here the key is read and the request fingerprinted.
 */
import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { hex, sha256 } from '../digest'
import { problem } from './problem'
import type { Idempotency } from '../desk/protocol'

/** Printable ASCII, as a structured-field string holds it, and not too long to store. */
const KEY = /^[\x20-\x7E]{1,255}$/

/**
 * The request's key and the hash of what it asks (method, path, query, media type, body),
 * or undefined without the header. Reads the body, which Hono keeps for the route.
 */
export async function idempotencyOf(c: Context<AppEnv>): Promise<Idempotency | undefined> {
  const header = c.req.header('Idempotency-Key')
  if (header === undefined) return undefined
  // Sent as a structured-field string, `"key"`; a bare token is taken as the key as well.
  const key = /^"(.*)"$/.exec(header.trim())?.[1] ?? header.trim()
  if (!KEY.test(key)) {
    throw problem(400, {
      title: 'Invalid Idempotency-Key',
      detail: 'Idempotency-Key must be 1 to 255 printable ASCII characters, e.g. a UUID.',
      errors: [{ pointer: '', detail: 'Idempotency-Key is not valid' }],
    })
  }
  const url = new URL(c.req.url)
  const head = `${c.req.method} ${url.pathname}${url.search}\n${c.req.header('Content-Type') ?? ''}\n`
  const body = new Uint8Array(await c.req.arrayBuffer())
  const bytes = new Uint8Array(head.length * 3 + body.length)
  const { written } = new TextEncoder().encodeInto(head, bytes)
  bytes.set(body, written)
  return { key, fingerprint: hex(await sha256(bytes.slice(0, written + body.length).buffer)) }
}
