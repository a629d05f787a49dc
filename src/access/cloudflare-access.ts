/**
 * Cloudflare Access in front of the desk: the `Cf-Access-Jwt-Assertion` header Access adds to
 * every request it lets through, verified as Cloudflare documents it (RS256 against the team's
 * published keys, `aud`, `iss`, `exp` and `nbf`) with jose, and read for the email it names.
 * Anything else about the request is not trusted: the header alone could be sent by anyone
 * who reaches the Worker without passing Access.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose'
import type { AccessConfig } from '../config'

export const ACCESS_HEADER = 'Cf-Access-Jwt-Assertion'

/** Access rotates its keys every six weeks, publishing the next before using it. */
const KEYS_MAX_AGE_MS = 60 * 60 * 1000

/**
 * Each team's key set, kept for the isolate's life: jose fetches the keys once, again after
 * KEYS_MAX_AGE_MS, and again when a token names a key it does not hold (at most every 30 s).
 */
const keySets = new Map<string, JWTVerifyGetKey>()

function keysOf(issuer: string): JWTVerifyGetKey {
  let keys = keySets.get(issuer)
  if (!keys) {
    keys = createRemoteJWKSet(new URL(`${issuer}/cdn-cgi/access/certs`), {
      cacheMaxAge: KEYS_MAX_AGE_MS,
      timeoutDuration: 5_000,
    })
    keySets.set(issuer, keys)
  }
  return keys
}

/** Why a token was not accepted, in words for the person refused (no detail an attacker needs). */
export type AccessRefusal = 'invalid' | 'expired' | 'no email' | 'keys unavailable'

/**
 * The email an Access token vouches for, or why it is refused. Only RS256 is accepted, so a
 * token cannot choose a weaker algorithm or `none`.
 */
export async function accessEmail(
  token: string,
  app: AccessConfig,
): Promise<{ email: string } | { refused: AccessRefusal }> {
  try {
    const { payload } = await jwtVerify(token, keysOf(app.issuer), {
      algorithms: ['RS256'],
      issuer: app.issuer,
      audience: app.aud,
      requiredClaims: ['exp'],
    })
    const email = typeof payload.email === 'string' ? payload.email.trim().toLowerCase() : ''
    return email ? { email } : { refused: 'no email' }
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { refused: 'expired' }
    const keys = error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid
    // Not jose's own error: the keys could not be fetched at all.
    if (keys || !(error instanceof errors.JOSEError)) return { refused: 'keys unavailable' }
    return { refused: 'invalid' }
  }
}
