import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { problem } from './problem'
import { getPublisherByHash } from '../store/publishers'
import { base64url, hex, sha256 } from '../digest'
import type { Principal } from './principal'

const REALM = 'edgefeed'
/** `ef_` and 43 base64url characters: 256 random bits, recognisable by secret scanners. */
const TOKEN_PREFIX = 'ef_'

/** The hex SHA-256 of a token: the only form in which publisher tokens are stored. */
export async function tokenHash(token: string): Promise<string> {
  return hex(await sha256(token))
}

/** A new publisher token. */
export function newToken(): string {
  return TOKEN_PREFIX + base64url(crypto.getRandomValues(new Uint8Array(32)))
}

/** Compares two secrets in time that does not depend on where they differ, or on their lengths. */
export async function secretsEqual(a: string, b: string): Promise<boolean> {
  const [ha, hb] = await Promise.all([sha256(a), sha256(b)])
  return crypto.subtle.timingSafeEqual(ha, hb)
}

function unauthorized(detail: string, error?: 'invalid_request' | 'invalid_token') {
  const challenge = error ? `Bearer realm="${REALM}", error="${error}"` : `Bearer realm="${REALM}"`
  return problem(401, { title: 'Unauthorized', detail }, { 'WWW-Authenticate': challenge })
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

/** The admin's principal: its id owns what the admin token created. */
const ADMIN: Principal = { id: 'admin', name: 'admin', admin: true }

/** Who a token belongs to, or undefined. Publisher tokens are looked up by their hash. */
export async function principalFor(
  token: string,
  adminToken: string,
  kv: KVNamespace,
): Promise<Principal | undefined> {
  if (await secretsEqual(token, adminToken)) return ADMIN
  if (!token.startsWith(TOKEN_PREFIX)) return undefined
  const publisher = await getPublisherByHash(kv, await tokenHash(token))
  if (!publisher) return undefined
  const principal: Principal = { id: publisher.id, name: publisher.name, admin: false }
  if (publisher.default_author) principal.defaultAuthor = publisher.default_author
  return principal
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
export function requireToken(options: { adminOnly?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return async function requireToken(c, next) {
    const adminToken = adminTokenOf(c)
    const token = bearerToken(c.req.header('Authorization'))
    if (token === undefined) throw unauthorized('Send Authorization: Bearer <token>.')
    const principal = await principalFor(token, adminToken, c.env.ARTICLES)
    if (!principal) throw unauthorized('The token is not valid, or was revoked.', 'invalid_token')
    if (options.adminOnly && !principal.admin) {
      throw problem(403, {
        title: 'Forbidden',
        detail: 'Only the admin token may manage publishers.',
      })
    }
    c.set('principal', principal)
    await next()
  }
}
