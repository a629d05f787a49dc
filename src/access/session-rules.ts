/**
 * The desk's sign-in rules, pure so they are tested in Node: how long links and sessions
 * live, the session cookie, which origin a desk request must come from, and the relying
 * party a passkey is bound to.
 */

/** An enrolment link works for a day, once. */
export const ENROLMENT_TTL_MS = 24 * 3600_000
/** A WebAuthn challenge must be answered within five minutes (the ceremony's own timeout). */
export const CHALLENGE_TTL_MS = 5 * 60_000
/** A session nobody used for eight hours (a working day) is over... */
export const SESSION_IDLE_MS = 8 * 3600_000
/** ...and none lasts more than a week, however busy. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3600_000

/** A session's last use is written at most once a minute: a busy desk is not a write per click. */
export const SESSION_TOUCH_MS = 60_000

/**
 * `__Host-`: the browser keeps it only when set over a secure origin (http://localhost counts),
 * with `Path=/` and no `Domain`, so no subdomain can set or read it.
 */
export const SESSION_COOKIE = '__Host-edgefeed-desk'

/** The header the desk's script sends the session's CSRF token in. */
export const CSRF_HEADER = 'X-CSRF-Token'

/** Why a stored enrolment cannot be used, or undefined when it can. */
export function enrolmentRefusal(
  enrolment: { expiresMs: number; usedMs: number | null },
  now: number,
): 'used' | 'expired' | undefined {
  if (enrolment.usedMs !== null) return 'used'
  if (now >= enrolment.expiresMs) return 'expired'
  return undefined
}

/** True while a session is neither idle too long nor too old. */
export function sessionAlive(session: { createdMs: number; seenMs: number }, now: number): boolean {
  return now - session.seenMs < SESSION_IDLE_MS && now - session.createdMs < SESSION_ABSOLUTE_MS
}

/** The `Set-Cookie` value that starts (or, with an empty id, ends) a desk session. */
export function sessionCookie(id: string): string {
  const lifetime = id ? `Max-Age=${SESSION_ABSOLUTE_MS / 1000}` : 'Max-Age=0'
  return `${SESSION_COOKIE}=${id}; ${lifetime}; Path=/; Secure; HttpOnly; SameSite=Strict`
}

/** The session id in a `Cookie` header, if it holds one of the right shape. */
export function sessionIdOf(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined
  for (const part of cookieHeader.split(';')) {
    const [name, value] = part.trim().split('=', 2)
    if (name === SESSION_COOKIE && value && /^[A-Za-z0-9_-]{43}$/.test(value)) return value
  }
  return undefined
}

/** The relying party: the site's host (`SITE_URL`) and origin passkeys are bound to. */
export interface RelyingParty {
  id: string
  origin: string
}

/**
 * The relying party for a request: SITE_URL's, else the request's own origin (local runs
 * only: the app refuses a non-loopback host without SITE_URL before this is asked).
 */
export function relyingParty(baseUrl: string): RelyingParty {
  const { hostname, origin } = new URL(baseUrl)
  return { id: hostname, origin }
}

/**
 * True when a state-changing request comes from the desk's own origin. Browsers send
 * `Origin` on every POST, PUT and DELETE, so a request without one is refused too: it is not
 * the desk's script.
 */
export function sameOrigin(originHeader: string | undefined, expected: string): boolean {
  return originHeader !== undefined && originHeader === expected
}
