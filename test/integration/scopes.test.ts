/**
 * Token scopes: what the admin issues a token for is all it may do, on the API (403, RFC 6750)
 * and on Micropub (401, as its Recommendation says), and a refused write stores nothing.
 */
import { env } from 'cloudflare:workers'
import { reset, runInDurableObject } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { Desk } from '../../src/desk/desk'
import { client, desk, publish, SITE, storeSnapshot } from '../helpers'

afterEach(() => reset())

async function issue(name: string, scopes?: string[]) {
  const res = await client().json('POST', '/api/publishers', {
    name,
    ...(scopes ? { scopes } : {}),
  })
  expect(res.status).toBe(201)
  return res.json<{ name: string; token: string; scopes: string[] }>()
}

/** Expects a 403 insufficient_scope naming `scope`, and nothing stored by the request. */
async function refusedForScope(scope: string, send: () => Promise<Response>) {
  const before = await storeSnapshot()
  const res = await send()
  expect(res.status).toBe(403)
  expect(res.headers.get('WWW-Authenticate')).toBe(
    `Bearer realm="edgefeed", error="insufficient_scope", scope="${scope}"`,
  )
  const problem = await res.json<any>()
  expect(problem).toMatchObject({ status: 403, title: 'Insufficient scope', scope })
  expect(problem.detail).toContain(`"${scope}" scope`)
  expect(await storeSnapshot()).toEqual(before)
}

describe('issuing tokens with scopes', () => {
  it('gives every scope by default, and the ones asked for otherwise', async () => {
    expect((await issue('all')).scopes).toEqual(['create', 'update', 'delete', 'media'])
    expect((await issue('some', ['delete', 'create'])).scopes).toEqual(['create', 'delete'])
    expect((await issue('reader', [])).scopes).toEqual([])
    const listed = await (await client().api('/api/publishers')).json<any>()
    expect(listed.items.map((p: any) => [p.name, p.scopes])).toEqual([
      ['all', ['create', 'update', 'delete', 'media']],
      ['reader', []],
      ['some', ['create', 'delete']],
    ])
  })

  it('refuses a scope that does not exist and one named twice, storing nothing', async () => {
    await issue('existing')
    const before = await storeSnapshot()
    for (const [scopes, pointer, detail] of [
      [['create', 'publish'], '/scopes/1', 'Invalid option'],
      [['create', 'create'], '/scopes', 'must not name a scope twice'],
      ['create', '/scopes', 'must be of type array'],
    ] as const) {
      const res = await client().json('POST', '/api/publishers', { name: 'new', scopes })
      expect(res.status).toBe(400)
      const problem = await res.json<any>()
      expect(problem.errors).toHaveLength(1)
      expect(problem.errors[0].pointer).toBe(pointer)
      expect(problem.errors[0].detail).toContain(detail)
    }
    expect(await storeSnapshot()).toEqual(before)
  })
})

describe('the API', () => {
  it('refuses each write a token was not issued for, with 403 insufficient_scope', async () => {
    const reader = await issue('reader', [])
    const creator = await issue('creator', ['create'])
    const owned = await publish(client(creator.token), { title: 'Mine', content_text: 'x' })
    const article = { title: 'New', content_text: 'x' }
    await refusedForScope('create', () => client(reader.token).post(article))
    await refusedForScope('create', () => client(reader.token).put('fresh', article))
    await refusedForScope('update', () => client(creator.token).put(owned.id, article))
    await refusedForScope('delete', () => client(creator.token).del(owned.id))
    // Reading needs no scope.
    expect((await client(reader.token).api(`/api/articles/${owned.id}`)).status).toBe(200)
  })

  it('says nothing of an embargo to a token that may not write there anyway', async () => {
    const other = await issue('other', ['update'])
    const ahead = new Date(Date.now() + 86_400_000).toISOString()
    await publish(client(), { id: 'held', title: 'Later', content_text: 'x', published: ahead })
    // The same refusal as for an id nobody holds: create is what a PUT to an unseen id needs.
    await refusedForScope('create', () =>
      client(other.token).put('held', { title: 'x', content_text: 'y' }),
    )
  })

  it('lets a token do what its scopes allow', async () => {
    const editor = await issue('editor', ['create', 'update', 'delete'])
    const c = client(editor.token)
    expect((await c.put('story', { title: 'One', content_text: 'x' })).status).toBe(201)
    expect((await c.put('story', { title: 'Two', content_text: 'x' })).status).toBe(200)
    expect((await c.del('story')).status).toBe(204)
  })
})

describe('Micropub', () => {
  const micropub = (token: string, body: string, type = 'application/x-www-form-urlencoded') =>
    client(null).fetch('/micropub', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': type },
      body,
    })

  /** Expects Micropub's insufficient_scope (401, as the Recommendation's 3.8 says), storing nothing. */
  async function refused(scope: string, send: () => Promise<Response>) {
    const before = await storeSnapshot()
    const res = await send()
    expect(res.status).toBe(401)
    expect(res.headers.get('WWW-Authenticate')).toContain(
      `error="insufficient_scope", scope="${scope}"`,
    )
    expect(await res.json()).toEqual({
      error: 'insufficient_scope',
      scope,
      error_description: expect.stringContaining(`"${scope}" scope`),
    })
    expect(await storeSnapshot()).toEqual(before)
  }

  it('answers insufficient_scope for a create, an update and a delete the token may not do', async () => {
    const reader = await issue('reader', [])
    const creator = await issue('creator', ['create'])
    await refused('create', () => micropub(reader.token, 'h=entry&content=Not+allowed'))
    const created = await micropub(creator.token, 'h=entry&content=Mine')
    expect(created.status).toBe(201)
    const url = created.headers.get('Location')!
    expect(url.startsWith(`${SITE}/articles/`)).toBe(true)
    await refused('update', () =>
      micropub(
        creator.token,
        JSON.stringify({ action: 'update', url, replace: { content: ['Changed'] } }),
        'application/json',
      ),
    )
    await refused('delete', () => micropub(creator.token, `action=delete&url=${url}`))
  })
})

describe('putting a deleted article back', () => {
  const micropub = (token: string, body: string) =>
    client(null).fetch('/micropub', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body,
    })

  it('needs the delete scope whatever the way: republishing over the tombstone, or undelete', async () => {
    const wire = await issue('wire', ['create', 'update'])
    const c = client(wire.token)
    const story = { id: 'story', title: 'Story', content_text: 'x' }
    expect((await c.post(story)).status).toBe(201)
    // The admin deletes it: the tombstone stays the publisher's.
    expect((await client().del('story')).status).toBe(204)
    await refusedForScope('delete', () => c.post(story))
    await refusedForScope('delete', () => c.put('story', story))
    for (const body of [
      'h=entry&content=Back&mp-slug=story',
      `action=undelete&url=${SITE}/articles/story`,
    ]) {
      const before = await storeSnapshot()
      const res = await micropub(wire.token, body)
      expect(res.status, body).toBe(401)
      expect((await res.json<any>()).scope, body).toBe('delete')
      expect(await storeSnapshot()).toEqual(before)
    }
    // A new id is still the create scope's alone.
    expect((await c.post({ ...story, id: 'other' })).status).toBe(201)
    const editor = await issue('editor', ['create', 'delete'])
    const e = client(editor.token)
    expect((await e.post({ ...story, id: 'mine' })).status).toBe(201)
    expect((await e.del('mine')).status).toBe(204)
    expect((await e.post({ ...story, id: 'mine' })).status).toBe(201)
  })
})

describe('a coordinator whose publishers predate scopes', () => {
  it('gains the column, and its publishers keep every scope', async () => {
    const issued = await issue('veteran')
    await runInDurableObject(desk(), (_, state) => {
      const sql = state.storage.sql
      // The storage as it was before scopes: the column dropped again, the row kept, and
      // the version the migrations had reached then.
      sql.exec('ALTER TABLE publishers DROP COLUMN scopes')
      sql.exec('ALTER TABLE publishers DROP COLUMN access_email')
      sql.exec("UPDATE settings SET value = '2' WHERE name = 'schema_version'")
      expect(() => sql.exec('SELECT scopes FROM publishers')).toThrow()
      // A coordinator starting on that storage, as after a deploy.
      const restarted = new Desk(state, env)
      expect(restarted.listPublishers()).toEqual([
        expect.objectContaining({
          name: 'veteran',
          scopes: ['create', 'update', 'delete', 'media'],
        }),
      ])
    })
    // And its token, whose KV record has no scopes, still writes.
    const key = (await env.ARTICLES.list({ prefix: 'publisher:' })).keys[0]!.name
    const stored = await env.ARTICLES.get<Record<string, unknown>>(key, 'json')
    const { scopes: _, ...old } = stored!
    await env.ARTICLES.put(key, JSON.stringify(old))
    expect(
      (await client(issued.token).post({ title: 'Still here', content_text: 'x' })).status,
    ).toBe(201)
  })
})
