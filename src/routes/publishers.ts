import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../env'
import { newToken, requireToken, tokenHash } from '../http/auth'
import { deskOf, unwrap } from '../desk/client'
import { readJsonBody } from '../http/validate'

/** `POST /api/publishers` body. */
export const PublisherInput = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be 1 to 64 lowercase letters, digits, "-" or "_"')
    .refine((s) => s !== 'admin', 'is reserved'),
  display_name: z.string().trim().min(1).max(200).optional(),
  default_author: z.string().trim().min(1).max(200).optional(),
})

/** Publisher management, admin only: issue (token shown once), list, revoke. */
export const publishers = new Hono<AppEnv>()

publishers.use('*', requireToken({ adminOnly: true }))

publishers.post('/', async (c) => {
  const input = await readJsonBody(c, PublisherInput)
  const token = newToken()
  const publisher = unwrap(await deskOf(c.env).addPublisher(input, await tokenHash(token)))
  c.header('Location', `/api/publishers/${input.name}`)
  // The only time the token is ever shown: only its hash is stored.
  return c.json({ ...publisher, token }, 201)
})

publishers.get('/', async (c) => c.json({ items: await deskOf(c.env).listPublishers() }))

publishers.delete('/:name', async (c) => {
  unwrap(await deskOf(c.env).revokePublisher(c.req.param('name')))
  return c.body(null, 204)
})
