/**
 * Signing in to the desk through Cloudflare Access: when the site sets ACCESS_TEAM_DOMAIN and
 * ACCESS_AUD, a request that carries Access's signed token, verified, opens a desk session for
 * the publisher whose access email it names, as a passkey sign-in does. Without those vars the
 * header is ignored: anyone can send it to a Worker that Access does not stand in front of.
 */
import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { base64url } from '../digest'
import { withSignIn } from '../http/desk'
import { ACCESS_HEADER, accessEmail } from './cloudflare-access'
import { useSession } from './desk-session'
import { sessionCookie } from './session-rules'
import { tokenHash } from './tokens'

const REFUSALS = {
  invalid: 'The Cloudflare Access token is not valid for this site.',
  expired: 'The Cloudflare Access token has expired: sign in to Access again.',
  'no email': 'The Cloudflare Access token names no email (a service token cannot use the desk).',
  'keys unavailable': "Cloudflare Access's signing keys could not be fetched: try again shortly.",
} as const

/**
 * Opens a session from the request's Access token: `opened` (the cookie is set and the request
 * is signed in), `absent` (Access is not configured, or the request carries no token), or a
 * refusal's words. A refused token stores nothing.
 */
export async function accessSignIn(
  c: Context<AppEnv>,
): Promise<{ opened: true } | { absent: true } | { refused: string }> {
  const app = c.var.config.access
  const token = c.req.header(ACCESS_HEADER)
  if (!app || !token) return { absent: true }
  const verified = await accessEmail(token, app)
  if ('refused' in verified) return { refused: REFUSALS[verified.refused] }
  const id = base64url(crypto.getRandomValues(new Uint8Array(32)))
  const csrf = base64url(crypto.getRandomValues(new Uint8Array(32)))
  const idHash = await tokenHash(id)
  const outcome = await withSignIn(c.env, async (s) =>
    s.accessSignIn(verified.email, { idHash, csrf }),
  )
  if (!outcome.ok) return { refused: outcome.refusal.detail }
  useSession(c, outcome.value)
  c.header('Set-Cookie', sessionCookie(id))
  return { opened: true }
}
