import { env } from 'cloudflare:workers'
import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, client, kvSnapshot, publish } from '../helpers'

afterEach(() => reset())

/** Revokes a publisher with the admin token; the status. */
const revoke = async (name: string) =>
  (await client().json('DELETE', `/api/publishers/${name}`)).status

async function issue(name: string, extra: Record<string, string> = {}) {
  const res = await client().json('POST', '/api/publishers', { name, ...extra })
  expect(res.status).toBe(201)
  return res.json<{ name: string; token: string }>()
}

describe('publisher tokens', () => {
  it('issues a token once, stores only its hash, lists publishers without tokens', async () => {
    const desk = await issue('city-desk', { display_name: 'City desk' })
    expect(desk.token).toMatch(/^ef_[A-Za-z0-9_-]{43}$/)
    const stored = JSON.stringify(await kvSnapshot())
    expect(stored).not.toContain(desk.token)
    expect(stored).not.toContain(desk.token.slice(3))
    const digest = new Uint8Array(
      await crypto.subtle.digest('SHA-256', new TextEncoder().encode(desk.token)),
    )
    const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('')
    expect(Object.keys(await kvSnapshot())).toContain(`publisher:${hex}`)
    const list = await (await client().api('/api/publishers')).json<any>()
    expect(list.items).toEqual([
      {
        id: expect.stringMatching(/^p_[0-9a-f]{32}$/),
        name: 'city-desk',
        display_name: 'City desk',
        scopes: ['create', 'update', 'delete', 'media'],
        created: expect.any(String),
      },
    ])
  })

  it('credits the default author on articles that name none', async () => {
    const desk = await issue('wire', { default_author: '中央社' })
    const article = await publish(client(desk.token), { title: 'x', content_text: 'y' })
    expect(article.authors).toEqual([{ name: '中央社' }])
    expect(article.publisher).toBe('wire')
  })

  it('refuses a duplicate name and a bad one', async () => {
    await issue('desk')
    expect((await client().json('POST', '/api/publishers', { name: 'desk' })).status).toBe(409)
    expect((await client().json('POST', '/api/publishers', { name: 'Bad Name' })).status).toBe(400)
    expect((await client().json('POST', '/api/publishers', { name: 'admin' })).status).toBe(400)
  })
})

type Actor =
  | 'no header'
  | 'malformed header'
  | 'another scheme'
  | 'wrong token'
  | 'revoked token'
  | 'another publisher'
  | 'the owner'
  | 'the admin'
type Action = 'create' | 'replace' | 'delete' | 'manage publishers'

const EXPECTED: Record<Actor, Record<Action, number>> = {
  'no header': { create: 401, replace: 401, delete: 401, 'manage publishers': 401 },
  'malformed header': { create: 401, replace: 401, delete: 401, 'manage publishers': 401 },
  'another scheme': { create: 401, replace: 401, delete: 401, 'manage publishers': 401 },
  'wrong token': { create: 401, replace: 401, delete: 401, 'manage publishers': 401 },
  'revoked token': { create: 401, replace: 401, delete: 401, 'manage publishers': 401 },
  'another publisher': { create: 201, replace: 403, delete: 403, 'manage publishers': 403 },
  'the owner': { create: 201, replace: 200, delete: 204, 'manage publishers': 403 },
  'the admin': { create: 201, replace: 200, delete: 204, 'manage publishers': 201 },
}

describe('the authorisation matrix', () => {
  for (const [actor, actions] of Object.entries(EXPECTED) as [Actor, Record<Action, number>][]) {
    for (const [action, status] of Object.entries(actions) as [Action, number][]) {
      it(`${actor} × ${action} → ${status}`, async () => {
        const owner = await issue('owner')
        const other = await issue('other')
        const revoked = await issue('gone')
        expect(await revoke('gone')).toBe(204)
        await publish(client(owner.token), { id: 'owned', title: 'Owned', content_text: 'x' })

        const authorization: Record<Actor, string | undefined> = {
          'no header': undefined,
          'malformed header': 'Bearer',
          'another scheme': `Basic ${btoa(`admin:${ADMIN_TOKEN}`)}`,
          'wrong token': 'Bearer ef_wrongwrongwrongwrongwrongwrongwrongwrongwro',
          'revoked token': `Bearer ${revoked.token}`,
          'another publisher': `Bearer ${other.token}`,
          'the owner': `Bearer ${owner.token}`,
          'the admin': `Bearer ${ADMIN_TOKEN}`,
        }
        const headers: Record<string, string> = { 'Content-Type': 'application/json' }
        if (authorization[actor]) headers.Authorization = authorization[actor]!
        const request: Record<Action, [string, string, unknown]> = {
          create: ['POST', '/api/articles', { id: 'new', title: 'New', content_text: 'x' }],
          replace: ['PUT', '/api/articles/owned', { title: 'Replaced', content_text: 'x' }],
          delete: ['DELETE', '/api/articles/owned', undefined],
          'manage publishers': ['POST', '/api/publishers', { name: 'intruder' }],
        }
        const [method, path, body] = request[action]
        const before = await kvSnapshot()
        const res = await client(null).fetch(path, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
        })
        expect(res.status).toBe(status)
        if (status >= 400) {
          expect(res.headers.get('Content-Type')).toContain('application/problem+json')
          expect(await kvSnapshot()).toEqual(before)
        }
        if (status === 401) expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer /)
      })
    }
  }

  it('revokes at once', async () => {
    const desk = await issue('desk')
    expect((await client(desk.token).post({ title: 'a', content_text: 'x' })).status).toBe(201)
    expect(await revoke('desk')).toBe(204)
    expect((await client(desk.token).post({ title: 'b', content_text: 'x' })).status).toBe(401)
    expect(await revoke('desk')).toBe(404)
    expect(await env.ARTICLES.list({ prefix: 'publisher:' })).toMatchObject({ keys: [] })
  })
})
