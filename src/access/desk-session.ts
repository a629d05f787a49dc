/**
 * The desk's request side: who a session cookie names (asked of the coordinator, which keeps
 * sessions), and the two checks on every state-changing desk request: it comes from the
 * desk's own origin, and it carries the session's CSRF token.
 */
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { withSignIn } from '../http/desk'
import { problem } from '../http/problem'
import type { DeskSession } from '../desk/signin'
import { SCOPES } from './scopes'
import { secretsEqual, tokenHash } from './tokens'
import { CSRF_HEADER, relyingParty, sameOrigin, sessionIdOf } from './session-rules'

const SAFE_METHODS = new Set(['GET', 'HEAD'])

/** Refuses a state-changing request that does not come from the desk's own origin. */
export function checkOrigin(c: Context<AppEnv>): void {
  if (SAFE_METHODS.has(c.req.method)) return
  if (!sameOrigin(c.req.header('Origin'), relyingParty(c.var.baseUrl).origin)) {
    throw problem(403, {
      title: 'Forbidden',
      detail: 'Desk requests that change anything must come from the desk itself (Origin).',
    })
  }
}

/** The session a request's cookie names, if it is live; sets `deskSession` and `principal`. */
export async function findSession(c: Context<AppEnv>): Promise<boolean> {
  const id = sessionIdOf(c.req.header('Cookie'))
  if (!id) return false
  const hash = await tokenHash(id)
  const session = await withSignIn(c.env, async (s) => await s.session(hash))
  if (!session) return false
  useSession(c, session)
  return true
}

/** Makes `session` the request's: `deskSession`, and the principal its writes carry. */
export function useSession(c: Context<AppEnv>, session: DeskSession): void {
  c.set('deskSession', session)
  c.set('principal', {
    ...session.writer,
    scopes: session.writer.scopes ?? SCOPES,
    ...(session.defaultAuthor ? { defaultAuthor: session.defaultAuthor } : {}),
  })
}

/**
 * Lets a request through with a live session; one that changes anything must also come from
 * the desk's origin and carry the session's CSRF token.
 */
export const requireDeskSession: MiddlewareHandler<AppEnv> = async function requireDeskSession(
  c,
  next,
) {
  checkOrigin(c)
  if (!(await findSession(c))) {
    throw problem(401, {
      title: 'Unauthorized',
      detail: 'Sign in to the desk: the session is missing, has expired or was ended.',
    })
  }
  if (!SAFE_METHODS.has(c.req.method)) {
    const sent = c.req.header(CSRF_HEADER)
    if (!sent || !(await secretsEqual(sent, c.var.deskSession!.csrf))) {
      throw problem(403, {
        title: 'Forbidden',
        detail: `The ${CSRF_HEADER} header is missing or is not this session's. Reload the desk.`,
      })
    }
  }
  await next()
}
