/**
 * Bearer tokens: the admin's (a secret, `ADMIN_TOKEN`) and each publisher's, issued by the
 * admin, shown once and stored only as a hash. The request side (the header's grammar, the
 * refusals) is src/http/auth.ts.
 */
import { base64url, hex, sha256 } from '../digest'
import { getPublisherByHash } from '../store/publishers'
import type { Principal } from './principal'
import { SCOPES } from './scopes'

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

/** The admin's principal: its id owns what the admin token created. */
const ADMIN: Principal = { id: 'admin', name: 'admin', admin: true, scopes: SCOPES }

/**
 * Who a token belongs to, or undefined: the admin, or the publisher whose token hash KV holds
 * (revoked tokens are gone from KV within about a minute; the coordinator refuses their writes
 * at once).
 */
export async function identify(
  token: string,
  adminToken: string,
  env: Pick<Env, 'ARTICLES'>,
): Promise<Principal | undefined> {
  if (await secretsEqual(token, adminToken)) return ADMIN
  if (!token.startsWith(TOKEN_PREFIX)) return undefined
  const publisher = await getPublisherByHash(env.ARTICLES, await tokenHash(token))
  if (!publisher) return undefined
  const principal: Principal = {
    id: publisher.id,
    name: publisher.name,
    admin: false,
    // Issued before scopes existed: it may do what every token could then.
    scopes: publisher.scopes ?? SCOPES,
  }
  if (publisher.default_author) principal.defaultAuthor = publisher.default_author
  return principal
}
