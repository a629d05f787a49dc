/**
 * The OpenAPI document against the API itself: it is valid OpenAPI 3.1, every route is in
 * it, and every (route, status) the API answers in the table below is documented, with a
 * body that validates against the documented schema; and nothing is documented that the
 * table does not provoke.
 */
import { env } from 'cloudflare:workers'
import { Validator, type Schema } from '@cfworker/json-schema'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { api } from '../../src/routes/api'
import { micropub } from '../../src/routes/micropub'
import { BODY_LIMIT_BYTES } from '../../src/articles/limits'
import oas31 from '../../node_modules/@seriousme/openapi-schema-validator/schemas/v3.1/schema.json'
import { mediaCalls, seedMedia } from '../support/media-calls'
import { ADMIN_TOKEN, SITE, client, desk, settleDesk, workerFetch } from '../helpers'
import { job } from '../support/imports'

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const

interface Call {
  /** `METHOD /path` as the document names it, relative to the `/api` server. */
  op: string
  status: number
  path: string
  init?: RequestInit
  /** Bindings other than the test configuration's. */
  bindings?: Partial<Env>
}

/** Micropub's paths are on the site itself, not under the API's `/api` server. */
const onSite = (op: string) => op.split(' ')[1]!.startsWith('/micropub')

let publisherToken = ''

const auth = (token = ADMIN_TOKEN) => ({ Authorization: `Bearer ${token}` })
/** A request with the admin token and a body of any media type. */
const typed = (
  method: string,
  type: string,
  body: string,
  headers: Record<string, string> = {},
) => ({
  method,
  headers: { ...auth(), 'Content-Type': type, ...headers },
  body,
})
const jsonInit = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  typed(method, 'application/json', typeof body === 'string' ? body : JSON.stringify(body), headers)
const article = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  content_text: `${title}.`,
  ...extra,
})
const tooLarge = () => 'x'.repeat(BODY_LIMIT_BYTES + 1)
const asPublisher = (init: RequestInit): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), ...auth(publisherToken) },
})
const noToken = (init: RequestInit = {}): RequestInit => {
  const headers = { ...(init.headers as Record<string, string>) }
  delete headers.Authorization
  return { ...init, headers }
}
/** Each way the configuration makes a route fail: every route answers these. */
const misconfigured = (op: string, path: string, init: RequestInit = {}): Call[] => [
  { op, path, init, status: 500, bindings: { PAGE_SIZE: 'many' } },
  {
    op,
    path,
    init,
    status: 503,
    bindings: op === 'GET /openapi.json' ? { SITE_URL: '' } : { ADMIN_TOKEN: '' },
  },
]

/** The import calls' rows: jobs made in beforeAll, in the states each call needs. */
function importCalls(
  post: (body: unknown) => RequestInit,
  del: (headers?: Record<string, string>, body?: string) => RequestInit,
  admin: RequestInit,
): Call[] {
  const source = 'http://old.test:8080/f/openapi/rss/feed.xml'
  const action = (verb: string, status: number, id: string, init: RequestInit = post({})) => ({
    op: `POST /imports/{id}/${verb}`,
    status,
    path: `/imports/${id}/${verb}`,
    init,
  })
  return [
    { op: 'POST /imports', status: 202, path: '/imports', init: post({ source, dry_run: true }) },
    { op: 'POST /imports', status: 400, path: '/imports', init: post({ dry_run: true }) },
    { op: 'POST /imports', status: 401, path: '/imports', init: noToken(post({ source })) },
    {
      op: 'POST /imports',
      status: 403,
      path: '/imports',
      init: asPublisher(post({ source, publisher: 'to-revoke' })),
    },
    { op: 'POST /imports', status: 413, path: '/imports', init: post(tooLarge()) },
    { op: 'POST /imports', status: 415, path: '/imports', init: typed('POST', 'text/plain', 'x') },
    ...misconfigured('POST /imports', '/imports', post({ source })),

    { op: 'GET /imports/{id}', status: 200, path: '/imports/queued-1', init: admin },
    { op: 'GET /imports/{id}', status: 401, path: '/imports/queued-1' },
    { op: 'GET /imports/{id}', status: 404, path: '/imports/none', init: admin },
    ...misconfigured('GET /imports/{id}', '/imports/queued-1', admin),

    action('pause', 200, 'queued-1'),
    action('pause', 401, 'queued-1', noToken(post({}))),
    action('pause', 404, 'none'),
    action('pause', 409, 'cancelled-1'),
    action('pause', 413, 'queued-1', post(tooLarge())),
    ...misconfigured('POST /imports/{id}/pause', '/imports/queued-1/pause', post({})),

    action('resume', 202, 'queued-1'),
    action('resume', 401, 'queued-1', noToken(post({}))),
    action('resume', 404, 'none'),
    action('resume', 409, 'cancelled-1'),
    action('resume', 413, 'queued-1', post(tooLarge())),
    ...misconfigured('POST /imports/{id}/resume', '/imports/queued-1/resume', post({})),

    { op: 'DELETE /imports/{id}', status: 200, path: '/imports/queued-2', init: del() },
    { op: 'DELETE /imports/{id}', status: 401, path: '/imports/queued-2', init: noToken(del()) },
    { op: 'DELETE /imports/{id}', status: 404, path: '/imports/none', init: del() },
    { op: 'DELETE /imports/{id}', status: 409, path: '/imports/cancelled-1', init: del() },
    {
      op: 'DELETE /imports/{id}',
      status: 413,
      path: '/imports/queued-2',
      init: del({}, tooLarge()),
    },
    ...misconfigured('DELETE /imports/{id}', '/imports/queued-2', del()),
  ]
}

/** One request per (route, status) the API can answer. */
function calls(): Call[] {
  const post = (body: unknown, headers?: Record<string, string>) => jsonInit('POST', body, headers)
  const put = (body: unknown, headers?: Record<string, string>) => jsonInit('PUT', body, headers)
  const del = (headers: Record<string, string> = {}, body?: string) => ({
    method: 'DELETE',
    headers: { ...auth(), ...headers },
    ...(body === undefined ? {} : { body }),
  })
  const admin = { headers: auth() }
  return [
    { op: 'POST /articles', status: 201, path: '/articles', init: post(article('Fresh one')) },
    {
      op: 'POST /articles',
      status: 201,
      path: '/articles?tags=a,b&language=en&annotations=keep',
      init: typed('POST', 'text/plain', 'T\n\nBody.'),
    },
    {
      op: 'POST /articles',
      status: 201,
      path: '/articles',
      init: typed('POST', 'text/html', '<h1>Pasted</h1><p>A page pasted from a browser.</p>'),
    },
    { op: 'POST /articles', status: 400, path: '/articles', init: post({ title: '' }) },
    { op: 'POST /articles', status: 401, path: '/articles', init: noToken(post(article('No'))) },
    {
      op: 'POST /articles',
      status: 403,
      path: '/articles',
      init: asPublisher(post(article('Taken', { id: 'gone' }))),
    },
    {
      op: 'POST /articles',
      status: 409,
      path: '/articles',
      init: post(article('Again', { id: 'owned' })),
    },
    { op: 'POST /articles', status: 413, path: '/articles', init: post(tooLarge()) },
    {
      op: 'POST /articles',
      status: 415,
      path: '/articles',
      init: typed('POST', 'application/xml', '<article>x</article>'),
    },
    {
      op: 'POST /articles',
      status: 422,
      path: '/articles',
      init: post(article('Other body'), { 'Idempotency-Key': 'post-key' }),
    },
    ...misconfigured('POST /articles', '/articles', post(article('Misconfigured'))),

    { op: 'GET /articles', status: 200, path: '/articles?limit=2', init: admin },
    { op: 'GET /articles', status: 400, path: '/articles?limit=0', init: admin },
    { op: 'GET /articles', status: 401, path: '/articles' },
    ...misconfigured('GET /articles', '/articles', admin),

    { op: 'GET /articles/{id}', status: 200, path: '/articles/owned', init: admin },
    { op: 'GET /articles/{id}', status: 401, path: '/articles/owned' },
    { op: 'GET /articles/{id}', status: 404, path: '/articles/never', init: admin },
    { op: 'GET /articles/{id}', status: 410, path: '/articles/gone', init: admin },
    ...misconfigured('GET /articles/{id}', '/articles/owned', admin),

    {
      op: 'PUT /articles/{id}',
      status: 200,
      path: '/articles/owned',
      init: put(article('Owned, changed')),
    },
    {
      op: 'PUT /articles/{id}',
      status: 201,
      path: '/articles/put-new',
      init: put(article('Put new')),
    },
    {
      op: 'PUT /articles/{id}',
      status: 400,
      path: '/articles/owned',
      init: put({ title: 'No body' }),
    },
    {
      op: 'PUT /articles/{id}',
      status: 401,
      path: '/articles/owned',
      init: noToken(put(article('x'))),
    },
    {
      op: 'PUT /articles/{id}',
      status: 403,
      path: '/articles/owned',
      init: asPublisher(put(article('Not mine'))),
    },
    {
      op: 'PUT /articles/{id}',
      status: 409,
      path: '/articles/embargoed',
      init: asPublisher(put(article('Not mine either'))),
    },
    {
      op: 'PUT /articles/{id}',
      status: 412,
      path: '/articles/owned',
      init: put(article('Stale'), { 'If-Match': '"r999"' }),
    },
    { op: 'PUT /articles/{id}', status: 413, path: '/articles/owned', init: put(tooLarge()) },
    {
      op: 'PUT /articles/{id}',
      status: 415,
      path: '/articles/owned',
      init: typed('PUT', 'application/xml', '<a/>'),
    },
    {
      op: 'PUT /articles/{id}',
      status: 422,
      path: '/articles/put-keyed',
      init: put(article('Other body'), { 'Idempotency-Key': 'put-key' }),
    },
    ...misconfigured('PUT /articles/{id}', '/articles/owned', put(article('x'))),

    { op: 'DELETE /articles/{id}', status: 204, path: '/articles/to-delete', init: del() },
    {
      op: 'DELETE /articles/{id}',
      status: 200,
      path: '/articles/to-delete-told',
      init: del({ Prefer: 'return=representation' }),
    },
    {
      op: 'DELETE /articles/{id}',
      status: 400,
      path: '/articles/owned',
      init: del({ 'Idempotency-Key': 'k'.repeat(256) }),
    },
    { op: 'DELETE /articles/{id}', status: 401, path: '/articles/owned', init: noToken(del()) },
    {
      op: 'DELETE /articles/{id}',
      status: 412,
      path: '/articles/owned',
      init: del({ 'If-Match': '"r99"' }),
    },
    { op: 'DELETE /articles/{id}', status: 403, path: '/articles/owned', init: asPublisher(del()) },
    { op: 'DELETE /articles/{id}', status: 404, path: '/articles/never', init: del() },
    {
      op: 'DELETE /articles/{id}',
      status: 413,
      path: '/articles/owned',
      init: del({}, tooLarge()),
    },
    {
      op: 'DELETE /articles/{id}',
      status: 422,
      path: '/articles/owned',
      init: del({ 'Idempotency-Key': 'delete-key' }),
    },
    ...misconfigured('DELETE /articles/{id}', '/articles/owned', del()),

    { op: 'GET /status', status: 200, path: '/status', init: admin },
    { op: 'GET /status', status: 401, path: '/status' },
    { op: 'GET /status', status: 403, path: '/status', init: asPublisher({}) },
    ...misconfigured('GET /status', '/status', admin),

    { op: 'POST /publishers', status: 201, path: '/publishers', init: post({ name: 'new-desk' }) },
    { op: 'POST /publishers', status: 400, path: '/publishers', init: post({ name: 'Bad Name' }) },
    {
      op: 'POST /publishers',
      status: 401,
      path: '/publishers',
      init: noToken(post({ name: 'x' })),
    },
    {
      op: 'POST /publishers',
      status: 403,
      path: '/publishers',
      init: asPublisher(post({ name: 'x' })),
    },
    {
      op: 'POST /publishers',
      status: 409,
      path: '/publishers',
      init: post({ name: 'openapi-desk' }),
    },
    { op: 'POST /publishers', status: 413, path: '/publishers', init: post(tooLarge()) },
    {
      op: 'POST /publishers',
      status: 415,
      path: '/publishers',
      init: typed('POST', 'text/plain', 'x'),
    },
    ...misconfigured('POST /publishers', '/publishers', post({ name: 'y' })),

    { op: 'GET /publishers', status: 200, path: '/publishers', init: admin },
    { op: 'GET /publishers', status: 401, path: '/publishers' },
    { op: 'GET /publishers', status: 403, path: '/publishers', init: asPublisher({}) },
    ...misconfigured('GET /publishers', '/publishers', admin),

    { op: 'DELETE /publishers/{name}', status: 204, path: '/publishers/to-revoke', init: del() },
    { op: 'DELETE /publishers/{name}', status: 401, path: '/publishers/x', init: noToken(del()) },
    {
      op: 'DELETE /publishers/{name}',
      status: 403,
      path: '/publishers/openapi-desk',
      init: asPublisher(del()),
    },
    { op: 'DELETE /publishers/{name}', status: 404, path: '/publishers/nobody', init: del() },
    {
      op: 'DELETE /publishers/{name}',
      status: 413,
      path: '/publishers/openapi-desk',
      init: del({}, tooLarge()),
    },
    ...misconfigured('DELETE /publishers/{name}', '/publishers/nobody', del()),

    ...(() => {
      const op = 'POST /publishers/{name}/enrolments'
      const path = '/publishers/openapi-desk/enrolments'
      return [
        { op, status: 201, path, init: post({}) },
        { op, status: 401, path, init: noToken(post({})) },
        { op, status: 403, path, init: asPublisher(post({})) },
        { op, status: 404, path: '/publishers/nobody/enrolments', init: post({}) },
        { op, status: 413, path, init: post(tooLarge()) },
        ...misconfigured(op, path, post({})),
      ]
    })(),
    ...(() => {
      const op = 'PUT /publishers/{name}/access-email'
      const path = '/publishers/openapi-desk/access-email'
      return [
        { op, status: 200, path, init: put({ email: 'desk@example.org' }) },
        { op, status: 400, path, init: put({ email: 'not an email' }) },
        { op, status: 401, path, init: noToken(put({ email: null })) },
        { op, status: 403, path, init: asPublisher(put({ email: null })) },
        { op, status: 404, path: '/publishers/nobody/access-email', init: put({ email: null }) },
        { op, status: 409, path, init: put({ email: 'held@example.org' }) },
        { op, status: 413, path, init: put(tooLarge()) },
        { op, status: 415, path, init: typed('PUT', 'text/plain', 'x') },
        ...misconfigured(op, path, put({ email: null })),
      ]
    })(),
    ...importCalls(post, del, admin),

    { op: 'GET /openapi.json', status: 200, path: '/openapi.json' },
    ...misconfigured('GET /openapi.json', '/openapi.json'),

    ...mediaCalls(ADMIN_TOKEN, publisherToken, misconfigured),
    ...micropubCalls(),
  ]
}

/** Micropub, in its own request and error formats. */
function micropubCalls(): Call[] {
  const form = (body: string, token: string | null = ADMIN_TOKEN) => ({
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(token ? auth(token) : {}),
    },
    body,
  })
  const query = (token: string | null = ADMIN_TOKEN) => ({ headers: token ? auth(token) : {} })
  const post = 'POST /micropub'
  const get = 'GET /micropub'
  return [
    { op: post, status: 201, path: '/micropub', init: form('h=entry&content=Hello') },
    {
      op: post,
      status: 204,
      path: '/micropub',
      init: form(`action=delete&url=${SITE}/articles/mp-delete`),
    },
    {
      op: post,
      status: 400,
      path: '/micropub',
      init: form('h=entry&content=x&post-status=private'),
    },
    { op: post, status: 401, path: '/micropub', init: form('h=entry&content=x', null) },
    { op: post, status: 403, path: '/micropub', init: form('h=entry&content=x', 'ef_not-ours') },
    { op: post, status: 413, path: '/micropub', init: form(tooLarge()) },
    ...misconfigured(post, '/micropub', form('h=entry&content=x')),
    { op: get, status: 200, path: '/micropub?q=config', init: query() },
    { op: get, status: 400, path: '/micropub?q=nothing', init: query() },
    { op: get, status: 401, path: '/micropub?q=config', init: query(null) },
    { op: get, status: 403, path: '/micropub?q=config', init: query('ef_not-ours') },
    ...misconfigured(get, '/micropub?q=config', query()),
  ]
}

async function send(
  path: string,
  init: RequestInit = {},
  bindings: Partial<Env> = {},
  site = false,
) {
  // A public host: SITE_URL decides the links, and its absence is a 503 there.
  const url = `https://api.test${site ? '' : '/api'}${path}`
  return workerFetch(new Request(url, init), { ...env, ...bindings })
}

async function ok(res: Response, status: number) {
  if (res.status !== status)
    throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`)
}

let doc: any

beforeAll(async () => {
  const issued = await send('/publishers', jsonInit('POST', { name: 'openapi-desk' }))
  await ok(issued, 201)
  publisherToken = (await issued.json<{ token: string }>()).token
  await ok(await send('/publishers', jsonInit('POST', { name: 'to-revoke' })), 201)
  await ok(await send('/publishers', jsonInit('POST', { name: 'access-holder' })), 201)
  const held = jsonInit('PUT', { email: 'held@example.org' })
  await ok(await send('/publishers/access-holder/access-email', held), 200)
  for (const id of ['owned', 'gone', 'to-delete', 'to-delete-told', 'mp-delete']) {
    await ok(await send(`/articles/${id}`, jsonInit('PUT', article(`Article ${id}`))), 201)
  }
  const ahead = new Date(Date.now() + 86_400_000).toISOString()
  await ok(
    await send('/articles/embargoed', jsonInit('PUT', article('Later', { published: ahead }))),
    201,
  )
  await ok(await send('/articles/gone', { method: 'DELETE', headers: auth() }), 204)
  // Keys first used for another request: the table's second use is refused with 422.
  await ok(
    await send('/articles', jsonInit('POST', article('Keyed'), { 'Idempotency-Key': 'post-key' })),
    201,
  )
  await ok(
    await send(
      '/articles/put-keyed',
      jsonInit('PUT', article('Keyed'), { 'Idempotency-Key': 'put-key' }),
    ),
    201,
  )
  await ok(await send('/articles/to-delete-keyed', jsonInit('PUT', article('Keyed delete'))), 201)
  await ok(
    await send('/articles/to-delete-keyed', {
      method: 'DELETE',
      headers: { ...auth(), 'Idempotency-Key': 'delete-key' },
    }),
    204,
  )
  await seedMedia(send, ADMIN_TOKEN)
  // Import jobs in the states the import calls need; no Workflow runs them until resumed.
  for (const id of ['queued-1', 'queued-2']) await desk().createImport(job(id, true))
  await desk().createImport({ ...job('cancelled-1'), state: 'cancelled' })
  await settleDesk()
  doc = await (await send('/openapi.json')).json()
})

/** The schema a response's media type documents, with the document's components to resolve refs. */
function validatorFor(schema: object): Validator {
  return new Validator({ ...schema, components: doc.components }, '2020-12', false)
}

describe('GET /api/openapi.json', () => {
  it('is valid OpenAPI 3.1 (the official schema), served to any client without a token', async () => {
    const res = await client(null).get('/api/openapi.json')
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const result = new Validator(oas31 as Schema, '2020-12', false).validate(doc)
    expect(result.errors.slice(-4)).toEqual([])
    expect(result.valid).toBe(true)
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.servers).toEqual([{ url: `${SITE}/api` }])
  })

  it('resolves every reference it makes', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? []
    expect(refs.length).toBeGreaterThan(20)
    for (const ref of refs) {
      const pointer = ref.slice(8, -1)
      expect(pointer.startsWith('#/')).toBe(true)
      const target = pointer
        .slice(2)
        .split('/')
        .reduce((node: any, key) => node?.[key], doc)
      expect(target, pointer).toBeTypeOf('object')
    }
  })

  it('has every route of the API', () => {
    const routes = [...api.routes, ...micropub.routes.map((r) => ({ ...r, path: '/micropub' }))]
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
    const documented = Object.entries(doc.paths).flatMap(([path, item]: [string, any]) =>
      METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`),
    )
    expect(routes.length).toBeGreaterThan(8)
    expect([...new Set(routes)].sort()).toEqual(documented.sort())
  })

  it('documents every status each route answers, and only those, with their bodies', async () => {
    const table = calls()
    const seen = new Set<string>()
    // The misconfigured calls log their configuration error, as they should; counted below.
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    for (const call of table) {
      const res = await send(call.path, call.init, call.bindings, onSite(call.op))
      const label = `${call.op} → ${call.status} (${call.path})`
      expect(res.status, `${label}: ${await res.clone().text()}`).toBe(call.status)
      const [method, path] = call.op.split(' ') as [string, string]
      const response = doc.paths[path]?.[method.toLowerCase()]?.responses?.[String(res.status)]
      expect(response, `${label} is not documented`).toBeDefined()
      seen.add(`${call.op} ${call.status}`)
      const body = await res.text()
      if (!response.content) {
        expect(body, label).toBe('')
        continue
      }
      const media = (res.headers.get('Content-Type') ?? '').split(';')[0]!.trim()
      expect(Object.keys(response.content), label).toContain(media)
      const result = validatorFor(response.content[media].schema).validate(JSON.parse(body))
      expect(result.errors.slice(0, 3), label).toEqual([])
      for (const name of Object.keys(response.headers ?? {})) {
        if (name !== 'Idempotent-Replayed')
          expect(res.headers.has(name), `${label}: ${name}`).toBe(true)
      }
    }
    const documented = Object.entries(doc.paths).flatMap(([path, item]: [string, any]) =>
      METHODS.filter((m) => item[m]).flatMap((m) =>
        Object.keys(item[m].responses).map((status) => `${m.toUpperCase()} ${path} ${status}`),
      ),
    )
    expect([...seen].sort()).toEqual(documented.sort())
    expect(errors.mock.calls.map((args) => String(args[0]))).toEqual(
      table
        .filter((call) => call.status === 500)
        .map(
          () => 'configuration error: PAGE_SIZE must be a whole number from 1 to 100, not "many"',
        ),
    )
    errors.mockRestore()
  })

  it('describes request bodies with the schemas that validate them, JSON, text and HTML', () => {
    const input = doc.components.schemas.ArticleInput
    expect(input.required).toEqual(['title'])
    expect(input.additionalProperties).toBe(false)
    expect(input.properties.tags.maxItems).toBe(20)
    const body = doc.paths['/articles'].post.requestBody.content
    expect(Object.keys(body).sort()).toEqual([
      'application/json',
      'text/html',
      'text/markdown',
      'text/plain',
    ])
    const query = doc.paths['/articles'].post.parameters.map((p: any) => `${p.in} ${p.name}`)
    expect(query).toEqual(
      expect.arrayContaining([
        'query tags',
        'query id',
        'query language',
        'query annotations',
        'header Idempotency-Key',
      ]),
    )
    const put = doc.paths['/articles/{id}'].put.parameters.map((p: any) => `${p.in} ${p.name}`)
    expect(put).toEqual(expect.arrayContaining(['path id', 'header If-Match']))
    expect(doc.components.schemas.PublisherInput.required).toEqual(['name'])
    // A schema that accepted anything would pass the table above: it must refuse what the API does.
    const validate = (value: unknown) => validatorFor(input).validate(value).valid
    expect(validate({ title: 'x', content_text: 'y' })).toBe(true)
    expect(validate({ title: 'x', content_text: 'y', extra: 1 })).toBe(false)
    expect(validate({ content_text: 'y' })).toBe(false)
  })
})
