import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './env'
import { problem } from './problem'

/** Who is making a write. Publisher tokens (issue 8) will add non-admin principals. */
export interface Principal {
  name: string
  admin: boolean
}

const REALM = 'edgefeed'

async function sha256(text: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
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

/**
 * Lets a request through only with `Authorization: Bearer <ADMIN_TOKEN>`. Without an
 * ADMIN_TOKEN configured every write answers 503: the service fails closed.
 */
export function requireAdmin(): MiddlewareHandler<AppEnv> {
  return async function requireAdmin(c, next) {
    const expected = c.var.config.adminToken
    if (!expected) {
      throw problem(503, {
        title: 'Publishing is not configured',
        detail:
          'ADMIN_TOKEN is not set, so every write is refused. Set it with `wrangler secret put ADMIN_TOKEN` (or in .dev.vars locally).',
      })
    }
    const header = c.req.header('Authorization')
    if (!header) throw unauthorized('Send Authorization: Bearer <token>.')
    const match = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(header)
    if (!match)
      throw unauthorized('The Authorization header must be "Bearer <token>".', 'invalid_request')
    if (!(await secretsEqual(match[1]!, expected)))
      throw unauthorized('The token is not valid.', 'invalid_token')
    c.set('principal', { name: 'admin', admin: true })
    await next()
  }
}
