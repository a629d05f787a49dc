/**
 * The Worker's side of the write coordinator: its stub, and its answers turned into HTTP.
 */
import type { Context } from 'hono'
import type { AppEnv } from '../env'
import type { Principal } from '../access/principal'
import type { Outcome, Reply, Writer } from '../desk/protocol'
import { problem } from './problem'
import { insufficientScopeChallenge } from './auth'

/** The site's coordinator: one object, whichever location asks. */
export function deskOf(env: Env) {
  return env.DESK.getByName('site')
}

/** The principal as the coordinator needs it. */
export function writerOf(principal: Principal): Writer {
  return { id: principal.id, name: principal.name, admin: principal.admin }
}

/** The value of a successful outcome; a refusal is thrown as its problem response. */
export function unwrap<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value
  const { status, ...details } = outcome.refusal
  throw problem(status, details, details.scope ? insufficientScopeChallenge(details.scope) : {})
}

/**
 * A write's answer as an HTTP response. A delete is 204 without a body, unless the request
 * prefers the representation (RFC 7240's `Prefer: return=representation`): then 200 with the
 * id, the state and what the delete set in motion (its `delivery`).
 */
export function sendReply(c: Context<AppEnv>, reply: Reply): Response {
  if (reply.location) c.header('Location', reply.location)
  if (reply.replayed) c.header('Idempotent-Replayed', 'true')
  const json = { 'Content-Type': 'application/json' }
  if (reply.status === 204 || reply.json === null) {
    if (reply.json === null || !prefersRepresentation(c.req.header('Prefer'))) {
      return c.body(null, 204)
    }
    return c.body(reply.json, 200, { ...json, 'Preference-Applied': 'return=representation' })
  }
  return c.body(reply.json, reply.status, json)
}

function prefersRepresentation(prefer: string | undefined): boolean {
  return (prefer ?? '')
    .split(',')
    .some((p) => /^\s*return\s*=\s*"?representation"?\s*(;|$)/i.test(p))
}

/** The coordinator's sign-in state as an RPC stub (src/desk/signin.ts). */
export type SignInStub = Awaited<ReturnType<ReturnType<typeof deskOf>['signIn']>>

/**
 * Runs `use` with the coordinator's sign-in state, then releases the stub: an RPC stub held
 * until garbage collection keeps the object's side of it alive.
 */
export async function withSignIn<T>(env: Env, use: (signIn: SignInStub) => Promise<T>): Promise<T> {
  const stub = await deskOf(env).signIn()
  try {
    return await use(stub)
  } finally {
    const dispose = (Symbol as { dispose?: symbol }).dispose
    const release =
      dispose && (stub as unknown as Record<symbol, (() => void) | undefined>)[dispose]
    release?.call(stub)
  }
}
