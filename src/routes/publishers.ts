import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../env'
import { newToken, requireToken, tokenHash } from '../auth'
import { problem } from '../problem'
import { deletePublisher, listPublishers, putPublisher, type Publisher } from '../store/publishers'
import { readJsonBody } from './validate'

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
  const existing = await listPublishers(c.var.kv)
  if (existing.some((p) => p.publisher.name === input.name)) {
    throw problem(409, { title: 'Conflict', detail: `A publisher named "${input.name}" exists.` })
  }
  const token = newToken()
  const publisher: Publisher = { ...input, created: new Date().toISOString() }
  await putPublisher(c.var.kv, await tokenHash(token), publisher)
  c.header('Location', `/api/publishers/${input.name}`)
  // The only time the token is ever shown: only its hash is stored.
  return c.json({ ...publisher, token }, 201)
})

publishers.get('/', async (c) => {
  const all = await listPublishers(c.var.kv)
  return c.json({ items: all.map((p) => p.publisher).sort((a, b) => a.name.localeCompare(b.name)) })
})

publishers.delete('/:name', async (c) => {
  const name = c.req.param('name')
  if (!(await deletePublisher(c.var.kv, name))) {
    throw problem(404, { title: 'Not Found', detail: `No publisher is named "${name}".` })
  }
  return c.body(null, 204)
})
