/**
 * Micropub (W3C): create, update, delete and undelete articles from any Micropub client,
 * with the same publisher tokens and ownership rules as the JSON API. Tokens come in the
 * Authorization header or as an `access_token` form field. Errors use Micropub's format.
 */
import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv } from '../env'
import { principalFor } from '../auth'
import { ArticleInput } from '../articles/schema'
import { first, inputFrom, propertiesOf, type Properties } from '../articles/mf2'
import { getArticle, getStored } from '../store/articles'
import { createArticle, removeArticle, replaceArticle, restoreArticle } from './publishing'
import { getTombstone } from '../store/tombstones'
import { articlePath } from '../urls'
import { cleanDeep } from '../articles/text'
import { parseValid } from './validate'

const ERRORS: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'invalid_request',
  409: 'invalid_request',
  410: 'invalid_request',
  413: 'invalid_request',
  415: 'invalid_request',
  503: 'unauthorized',
}

function micropubError(status: 400 | 401 | 403 | 404, description: string): HTTPException {
  return new HTTPException(status, {
    res: Response.json({ error: ERRORS[status], error_description: description }, { status }),
  })
}

export const micropub = new Hono<AppEnv>()

// Problems raised by shared code (validation, ownership) become Micropub errors.
micropub.onError(async (err, c) => {
  if (err instanceof HTTPException) {
    const res = err.getResponse()
    if (res.headers.get('Content-Type')?.includes('problem+json')) {
      const problem = await res.json<{
        detail?: string
        title: string
        errors?: { pointer: string; detail: string }[]
      }>()
      const fields = problem.errors?.map((e) => `${e.pointer || '/'}: ${e.detail}`).join('; ')
      return c.json(
        {
          error: ERRORS[res.status] ?? 'invalid_request',
          error_description: fields || problem.detail || problem.title,
        },
        res.status as 400,
      )
    }
    return res
  }
  throw err
})

/** The request as Micropub reads it: form fields or JSON, and the token. */
async function readRequest(c: Context<AppEnv>) {
  const type = c.req.header('Content-Type') ?? ''
  let json: Record<string, unknown> | undefined
  let form: Properties | undefined
  if (/^application\/json/i.test(type)) {
    try {
      json = cleanDeep(await c.req.json()) as Record<string, unknown>
    } catch {
      throw micropubError(400, 'The body is not valid JSON.')
    }
  } else if (/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
    form = {}
    for (const [key, value] of (await c.req.formData()).entries()) {
      if (typeof value !== 'string') continue
      const name = key.replace(/\[\]$/, '')
      ;(form[name] ??= []).push(value)
    }
    form = cleanDeep(form) as Properties
  } else {
    throw micropubError(
      400,
      'Send application/x-www-form-urlencoded, multipart/form-data or application/json.',
    )
  }
  const token = bearer(c) ?? (form?.access_token?.[0] as string | undefined)
  return { json, form, token }
}

/** The token of an `Authorization: Bearer` header, if there is one. */
function bearer(c: Context<AppEnv>): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(c.req.header('Authorization') ?? '')?.[1]
}

async function authenticate(c: Context<AppEnv>, token: string | undefined) {
  const adminToken = c.var.config.adminToken
  if (!adminToken)
    throw micropubError(401, 'Publishing is not configured (ADMIN_TOKEN is not set).')
  if (!token)
    throw micropubError(401, 'Send a token in the Authorization header or as access_token.')
  const principal = await principalFor(token, adminToken, c.var.kv)
  if (!principal) throw micropubError(403, 'The token is not valid, or was revoked.')
  c.set('principal', principal)
  return principal
}

/** The article id a Micropub `url` names: `/articles/{id}` on this site, in any script. */
function idFromUrl(url: unknown): string {
  const match =
    typeof url === 'string' && URL.canParse(url)
      ? /\/articles\/([^/?#]+)$/.exec(new URL(url).pathname)
      : null
  if (!match) throw micropubError(400, `"${String(url)}" is not the URL of an article here.`)
  return decodeURIComponent(match[1]!)
}

async function create(c: Context<AppEnv>, props: Properties) {
  const input = parseValid(ArticleInput, inputFrom(props))
  const slug = first(props['mp-slug'])
  const article = await createArticle(c, input, typeof slug === 'string' && slug ? slug : undefined)
  c.header('Location', c.var.baseUrl + articlePath(article.id))
  return c.body(null, 201)
}

/** Applies `replace`, `add` and `delete` (Micropub 3.4) to the article's properties. */
function applyUpdate(props: Properties, body: Record<string, unknown>): Properties {
  const replace = (body.replace ?? {}) as Properties
  const add = (body.add ?? {}) as Properties
  const remove = body.delete ?? []
  for (const [key, values] of Object.entries(replace)) props[key] = values
  for (const [key, values] of Object.entries(add)) props[key] = [...(props[key] ?? []), ...values]
  if (Array.isArray(remove)) for (const key of remove) delete props[String(key)]
  else
    for (const [key, values] of Object.entries(remove as Properties))
      props[key] = (props[key] ?? []).filter((v) => !values.includes(v))
  if (props.category?.length === 0) delete props.category
  return props
}

async function update(c: Context<AppEnv>, body: Record<string, unknown>) {
  const id = idFromUrl(body.url)
  const stored = await getStored(c.var.kv, id)
  const previous = stored.article
  if (!previous) throw micropubError(400, `No article is at ${String(body.url)}.`)
  const { updated: _updated, summary: _summary, ...props } = propertiesOf(previous) // both derived again
  const input = parseValid(ArticleInput, inputFrom(applyUpdate(props, body)))
  await replaceArticle(c, id, input, stored)
  return c.body(null, 204)
}

async function remove(c: Context<AppEnv>, url: unknown) {
  const article = await getArticle(c.var.kv, idFromUrl(url))
  if (!article) throw micropubError(400, `No article is at ${String(url)}.`)
  await removeArticle(c, article)
  return c.body(null, 204)
}

async function undelete(c: Context<AppEnv>, url: unknown) {
  const tombstone = await getTombstone(c.var.kv, idFromUrl(url))
  if (!tombstone) throw micropubError(400, `Nothing deleted is at ${String(url)}.`)
  await restoreArticle(c, tombstone)
  return c.body(null, 204)
}

micropub.post('/', async (c) => {
  const { json, form, token } = await readRequest(c)
  await authenticate(c, token)
  const action = json ? json.action : first(form!.action)
  const url = json ? json.url : first(form!.url)
  if (action === 'update') {
    if (!json) throw micropubError(400, 'Updates are sent as JSON.')
    return update(c, json)
  }
  if (action === 'delete') return remove(c, url)
  if (action === 'undelete') return undelete(c, url)
  if (action !== undefined) throw micropubError(400, `Unknown action "${String(action)}".`)
  if (json) {
    const type = json.type as unknown[] | undefined
    if (!Array.isArray(type) || type[0] !== 'h-entry')
      throw micropubError(400, 'Only h-entry can be created.')
    return create(c, (json.properties ?? {}) as Properties)
  }
  const h = first(form!.h) ?? 'entry'
  if (h !== 'entry') throw micropubError(400, 'Only h=entry can be created.')
  const { h: _h, access_token: _t, ...props } = form!
  return create(c, props)
})

micropub.get('/', async (c) => {
  await authenticate(c, bearer(c) ?? c.req.query('access_token'))
  const q = c.req.query('q')
  if (q === 'config') return c.json({ 'syndicate-to': [], q: ['config', 'source', 'syndicate-to'] })
  if (q === 'syndicate-to') return c.json({ 'syndicate-to': [] })
  if (q === 'source') {
    const id = idFromUrl(c.req.query('url'))
    const article = await getArticle(c.var.kv, id)
    if (!article) throw micropubError(400, `No article is at ${c.req.query('url')}.`)
    const props = propertiesOf(article)
    const wanted = c.req.queries('properties[]') ?? c.req.queries('properties')
    if (wanted)
      return c.json({
        properties: Object.fromEntries(wanted.filter((k) => k in props).map((k) => [k, props[k]])),
      })
    return c.json({ type: ['h-entry'], properties: props })
  }
  throw micropubError(400, `Unknown query "${q ?? ''}".`)
})
