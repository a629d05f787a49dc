import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { identify, newToken, tokenHash } from '../access/tokens'
import { requireToken } from '../http/auth'
import { deskOf, unwrap, withSignIn } from '../http/desk'
import { readJsonBody } from '../http/validate'
import { AccessEmailInput, PublisherInput } from '../http/publisher-schema'
import { docs } from '../http/api-docs'
import { apiPublisherPath, deskEnrolPath } from '../urls'
import { deskDocs } from '../http/desk-docs'
import { base64url } from '../digest'

/** Publisher management, admin only: issue (token shown once), list, revoke. */
export const publishers = new Hono<AppEnv>()

publishers.use('*', requireToken({ identify, adminOnly: true }))

publishers.post('/', docs.createPublisher, async (c) => {
  const input = await readJsonBody(c, PublisherInput)
  const token = newToken()
  const publisher = unwrap(await deskOf(c.env).addPublisher(input, await tokenHash(token)))
  c.header('Location', apiPublisherPath(input.name))
  // The only time the token is ever shown: only its hash is stored.
  return c.json({ ...publisher, token }, 201)
})

publishers.get('/', docs.listPublishers, async (c) =>
  c.json({ items: await deskOf(c.env).listPublishers() }),
)

publishers.delete('/:name', docs.revokePublisher, async (c) => {
  unwrap(await deskOf(c.env).revokePublisher(c.req.param('name')))
  return c.body(null, 204)
})

/** The email Cloudflare Access signs the publisher in to the desk with (src/access/cloudflare-access.ts). */
publishers.put('/:name/access-email', deskDocs.setAccessEmail, async (c) => {
  const { email } = await readJsonBody(c, AccessEmailInput)
  return c.json(unwrap(await deskOf(c.env).setAccessEmail(c.req.param('name'), email)))
})

/** A one-time link that registers a desk passkey for the publisher (src/routes/desk-auth.ts). */
publishers.post('/:name/enrolments', deskDocs.createEnrolment, async (c) => {
  const token = base64url(crypto.getRandomValues(new Uint8Array(32)))
  const { expires } = unwrap(
    await withSignIn(c.env, async (s) =>
      s.createEnrolment(c.req.param('name'), await tokenHash(token)),
    ),
  )
  return c.json({ url: c.var.baseUrl + deskEnrolPath(token), expires }, 201)
})
