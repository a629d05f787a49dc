/**
 * An embargo holds between publishers: before its time, a scheduled article is its
 * publisher's and the admin's alone, and so is a draft until it is published. Every route the OpenAPI document names (so a route added
 * later is checked too) and every Micropub query is asked about it with another publisher's
 * token, with no token, and with a token of no one: none may answer with a word of it, and
 * the reads answer 404, as for an id that does not exist.
 */
import { reset } from 'cloudflare:test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, SITE, settleDesk, storeSnapshot, workerFetch } from '../helpers'

const SECRET = { title: 'EMBARGO-TITLE-7Q', body: 'EMBARGO-BODY-7Q', source: 'EMBARGO-SOURCE-7Q' }
const ID = 'embargoed-story'
const tokens: Record<string, string> = {}
/** What holds an article back from readers: an embargo, or being a draft. */
const KINDS = ['scheduled', 'draft'] as const
type Kind = (typeof KINDS)[number]

const send = (path: string, init: RequestInit = {}) => workerFetch(new Request(SITE + path, init))
const auth = (token: string) => ({ Authorization: `Bearer ${token}` })
const json = (token: string, method: string, body: unknown) => ({
  method,
  headers: { ...auth(token), 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
})

async function issue(name: string): Promise<string> {
  const res = await send('/api/publishers', json(ADMIN_TOKEN, 'POST', { name }))
  expect(res.status).toBe(201)
  return (await res.json<{ token: string }>()).token
}

/** The article held back: scheduled three days ahead, or saved as a draft. */
async function hold(kind: Kind) {
  tokens.owner = await issue('owner-desk')
  tokens.other = await issue('other-desk')
  const published = new Date(Date.now() + 3 * 86_400_000).toISOString()
  const res = await send(
    `/api/articles/${ID}`,
    json(tokens.owner, 'PUT', {
      title: SECRET.title,
      content_text: SECRET.body,
      source: { name: SECRET.source },
      ...(kind === 'scheduled' ? { published } : { state: 'draft' }),
    }),
  )
  expect((await res.json<{ state: string }>()).state).toBe(kind)
  await settleDesk()
}

/** Every (method, path) of the OpenAPI document, with its placeholders filled in. */
async function documentedRoutes(): Promise<{ method: string; path: string }[]> {
  const doc = await (await send('/api/openapi.json')).json<any>()
  const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
    ([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'put', 'post', 'delete', 'patch'].includes(m))
        .map((method) => ({
          method: method.toUpperCase(),
          // A path with its own server (Micropub) is on the site; the others on the API's.
          path: `${ops.servers ? '' : '/api'}${path.replace('{id}', ID).replace('{name}', 'owner-desk')}`,
        })),
  )
  expect(routes.length).toBeGreaterThan(8)
  return routes
}

/** What a request may carry: nothing, a query naming the article, or an article to write. */
function bodiesFor(method: string): (RequestInit & { query?: string })[] {
  if (method === 'GET') return [{}, { query: `?id=${ID}&url=${SITE}/articles/${ID}` }]
  if (method === 'DELETE') return [{}]
  return [
    {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'T', content_text: 'x' }),
    },
    { headers: { 'Content-Type': 'text/plain' }, body: 'T\n\nx' },
  ]
}

/** Fails the test if `res` says anything of the embargoed article. */
async function saysNothing(what: string, res: Response) {
  const text = await res.text()
  for (const secret of Object.values(SECRET)) expect(text, what).not.toContain(secret)
  expect(res.headers.get('ETag') ?? '', what).not.toMatch(/^"r\d+"$/)
}

describe.each(KINDS)('a %s article', (kind) => {
  beforeAll(() => hold(kind))
  afterAll(() => reset())

  describe('to anyone but its publisher and the admin', () => {
    it('is absent from every route of the API, and changed by none', async () => {
      const routes = await documentedRoutes()
      const before = await storeSnapshot()
      for (const who of ['other', 'nobody', 'none'] as const) {
        const token = who === 'other' ? tokens.other! : who === 'nobody' ? 'ef_forged' : undefined
        for (const { method, path } of routes) {
          for (const { query = '', ...init } of bodiesFor(method)) {
            const headers = {
              ...(init.headers as Record<string, string>),
              ...(token ? auth(token) : {}),
            }
            const res = await send(path + query, { ...init, method, headers })
            await saysNothing(`${who}: ${method} ${path}${query} → ${res.status}`, res)
            if (method === 'GET' && path === `/api/articles/${ID}` && who === 'other') {
              expect(res.status).toBe(404)
            }
          }
        }
      }
      await settleDesk()
      // Nothing the others sent touched it (their own new articles aside).
      const after = await storeSnapshot()
      expect(after.desk.articles!.find((r: any) => r.id === ID)).toEqual(
        before.desk.articles!.find((r: any) => r.id === ID),
      )
    })

    it('is not listed, read, replaced or deleted through the API by another publisher', async () => {
      const list = await send('/api/articles?limit=100', { headers: auth(tokens.other!) })
      expect((await list.json<any>()).items.map((i: any) => i.id)).not.toContain(ID)
      expect((await send(`/api/articles/${ID}`, { headers: auth(tokens.other!) })).status).toBe(404)
      const del = await send(`/api/articles/${ID}`, {
        method: 'DELETE',
        headers: auth(tokens.other!),
      })
      expect(del.status).toBe(404)
      const put = await send(
        `/api/articles/${ID}`,
        json(tokens.other!, 'PUT', { title: 'x', content_text: 'x' }),
      )
      expect(put.status).toBe(409)
      await saysNothing('PUT', put)
      // Its publisher and the admin see it, as it is.
      for (const token of [tokens.owner!, ADMIN_TOKEN]) {
        const own = await send(`/api/articles/${ID}`, { headers: auth(token) })
        expect((await own.json<any>()).state).toBe(kind)
        const listed = await send('/api/articles?limit=100', { headers: auth(token) })
        expect((await listed.json<any>()).items.map((i: any) => i.id)).toContain(ID)
      }
    })

    it('is absent from every Micropub query, and no Micropub action reaches it', async () => {
      const url = `${SITE}/articles/${ID}`
      const queries = ['config', 'source', 'syndicate-to', 'category', 'channel']
      for (const q of queries) {
        for (const extra of [
          '',
          `&url=${encodeURIComponent(url)}`,
          `&url=${encodeURIComponent(url)}&properties[]=name&properties[]=content`,
        ]) {
          const res = await send(`/micropub?q=${q}${extra}`, { headers: auth(tokens.other!) })
          await saysNothing(`q=${q}${extra} → ${res.status}`, res)
        }
      }
      for (const action of ['update', 'delete', 'undelete']) {
        const body = { action, url, ...(action === 'update' ? { replace: { name: ['x'] } } : {}) }
        const res = await send('/micropub', json(tokens.other!, 'POST', body))
        expect(res.status, action).toBe(400)
        await saysNothing(action, res)
      }
      const own = await send(`/micropub?q=source&url=${encodeURIComponent(url)}`, {
        headers: auth(tokens.owner!),
      })
      expect(JSON.stringify(await own.json())).toContain(SECRET.title)
    })
  })
})
