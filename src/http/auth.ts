/**
 * Bearer authentication on the request side: the header's grammar (RFC 6750), the refusals,
 * and the middleware. Who a token belongs to is asked of `identify` (src/access/tokens.ts),
 * given when the middleware is built, so this plumbing reads no storage itself.
 */
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import type { Principal } from '../access/principal'
import { problem } from './problem'

const REALM = 'edgefeed'

/** Finds who a token belongs to: the admin, a publisher, or no one. */
export type Identify = (
  token: string,
  adminToken: string,
  env: Env,
) => Promise<Principal | undefined>

function unauthorized(detail: string, error?: 'invalid_request' | 'invalid_token') {
  const challenge = error ? `Bearer realm="${REALM}", error="${error}"` : `Bearer realm="${REALM}"`
  return problem(401, { title: 'Unauthorized', detail }, { 'WWW-Authenticate': challenge })
}

/**
 * The challenge of a request whose token lacks `scope` (RFC 6750 §3): the API answers it with
 * 403, Micropub with its own 401.
 */
export function insufficientScopeChallenge(scope: string): Record<string, string> {
  return {
    'WWW-Authenticate': `Bearer realm="${REALM}", error="insufficient_scope", scope="${scope}"`,
  }
}

/** The token of an `Authorization: Bearer` header (RFC 6750's grammar), if it is one. */
export function parseBearer(header: string): string | undefined {
  return /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(header)?.[1]
}

/** The bearer token of a request: undefined without one, an error for a malformed header. */
function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined
  const token = parseBearer(header)
  if (token === undefined) {
    throw unauthorized('The Authorization header must be "Bearer <token>".', 'invalid_request')
  }
  return token
}

/**
 * The admin token, or 503 without one: with no ADMIN_TOKEN configured every write is refused,
 * so the service fails closed. Micropub answers the same refusal in its own format.
 */
export function adminTokenOf(c: Context<AppEnv>): string {
  const adminToken = c.var.config.adminToken
  if (!adminToken) {
    throw problem(503, {
      title: 'Publishing is not configured',
      detail:
        'ADMIN_TOKEN is not set, so every write is refused. Set it with `wrangler secret put ADMIN_TOKEN` (or in .dev.vars locally).',
    })
  }
  return adminToken
}

/**
 * Lets a request through with the admin token or a publisher token (or, with `adminOnly`,
 * the admin token alone: publishers get 403). Without an ADMIN_TOKEN configured every call
 * answers 503: the service fails closed.
 */
export function requireToken(options: {
  identify: Identify
  adminOnly?: boolean
}): MiddlewareHandler<AppEnv> {
  const { identify, adminOnly = false } = options
  return async function requireToken(c, next) {
    // A desk session (src/access/desk-session.ts) has already said who is asking.
    if (c.get('principal')) {
      if (adminOnly && !c.var.principal.admin) {
        throw problem(403, { title: 'Forbidden', detail: 'Only the admin token may do this.' })
      }
      return next()
    }
    const adminToken = adminTokenOf(c)
    const token = bearerToken(c.req.header('Authorization'))
    if (token === undefined) throw unauthorized('Send Authorization: Bearer <token>.')
    const principal = await identify(token, adminToken, c.env)
    if (!principal) throw unauthorized('The token is not valid, or was revoked.', 'invalid_token')
    if (adminOnly && !principal.admin) {
      throw problem(403, {
        title: 'Forbidden',
        detail: 'Only the admin token may do this.',
      })
    }
    c.set('principal', principal)
    await next()
  }
}
