/**
 * Micropub (W3C): create, update, delete and undelete articles from any Micropub client,
 * with the same publisher tokens and ownership rules as the JSON API. The token comes in
 * the Authorization header or, for form posts, as an `access_token` field (not both, and
 * never in a URL, where logs keep it). Errors use Micropub's format.
 */
import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from '../env'
import { parseBearer, principalFor } from '../http/auth'
import { ApiProblem } from '../problem'
import { buildDraft } from '../articles/build'
import { idForContent, isValidId } from '../articles/ids'
import { ArticleInput } from '../articles/schema'
import {
  first,
  inputFrom,
  MicropubError,
  propertiesOf,
  updatedInput,
  type Properties,
} from '../articles/mf2'
import { cleanDeep } from '../articles/text'
import { deskOf, unwrap, writerOf } from '../desk/client'
import { articlePath } from '../urls'
import { decodeJsonBytes, parseJsonText } from './json-body'
import { parseValid } from './validate'

const ERRORS: Partial<Record<number, string>> = {
  401: 'unauthorized',
  403: 'forbidden',
  503: 'unauthorized',
}

/** Micropub answers `invalid_request` with 400 whatever the cause (a missing article, a conflict). */
const KEPT_STATUSES = new Set([401, 403, 413, 503])

function micropubError(status: ContentfulStatusCode, description: string): HTTPException {
  const error = ERRORS[status] ?? 'invalid_request'
  if (!KEPT_STATUSES.has(status)) status = 400
  return new HTTPException(status, {
    res: Response.json(
      { error, error_description: description },
      { status, headers: { 'Cache-Control': 'no-store' } },
    ),
  })
}

export const micropub = new Hono<AppEnv>()

// Problems raised by shared code (validation, the coordinator) become Micropub errors.
micropub.onError((err) => {
  if (err instanceof ApiProblem) {
    const { detail, title, errors } = err.details
    const fields = errors?.map((e) => `${e.pointer || '/'}: ${e.detail}`).join('; ')
    return micropubError(err.status, fields || detail || title).getResponse()
  }
  if (err instanceof MicropubError) return micropubError(400, err.message).getResponse()
  if (err instanceof HTTPException) return err.getResponse()
  throw err
})

/** The request as Micropub reads it: form fields or JSON, and the token. */
async function readRequest(c: Context<AppEnv>) {
  const type = c.req.header('Content-Type') ?? ''
  let json: Record<string, unknown> | undefined
  let form: Properties | undefined
  if (/^application\/json/i.test(type)) {
    // The API's JSON reading: UTF-8 only, nesting bounded, errors by position. Its problems
    // become Micropub errors in onError.
    json = cleanDeep(parseJsonText(decodeJsonBytes(await c.req.arrayBuffer(), type))) as Record<
      string,
      unknown
    >
    if (!json || typeof json !== 'object' || Array.isArray(json)) {
      throw micropubError(400, 'The body must be a JSON object.')
    }
  } else if (/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
    form = Object.create(null) as Properties
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
  const header = headerToken(c)
  const field = first(form?.access_token)
  // The specification: a token in both places is a bad request.
  if (header !== undefined && field !== undefined) {
    throw micropubError(
      400,
      'Send the token in the Authorization header or as access_token, not both.',
    )
  }
  return { json, form, token: header ?? (typeof field === 'string' ? field : undefined) }
}

/** The token of the Authorization header, with the same grammar as the JSON API. */
function headerToken(c: Context<AppEnv>): string | undefined {
  const header = c.req.header('Authorization')
  if (header === undefined) return undefined
  const token = parseBearer(header)
  if (token === undefined)
    throw micropubError(401, 'The Authorization header must be "Bearer <token>".')
  return token
}

async function authenticate(c: Context<AppEnv>, token: string | undefined) {
  const adminToken = c.var.config.adminToken
  if (!adminToken)
    throw micropubError(503, 'Publishing is not configured (ADMIN_TOKEN is not set).')
  if (!token)
    throw micropubError(401, 'Send a token in the Authorization header or as access_token.')
  const principal = await principalFor(token, adminToken, c.env.ARTICLES)
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
  let id: string | undefined
  try {
    id = match ? decodeURIComponent(match[1]!) : undefined
  } catch {
    id = undefined
  }
  if (id === undefined || !isValidId(id)) {
    throw micropubError(400, `"${String(url).slice(0, 200)}" is not the URL of an article here.`)
  }
  return id
}

function draftOf(c: Context<AppEnv>, input: ArticleInput) {
  return buildDraft(input, {
    timeZone: c.var.config.timeZone,
    defaultLanguage: c.var.config.language,
    defaultAuthor: c.var.principal.defaultAuthor,
  })
}

async function create(c: Context<AppEnv>, props: Properties) {
  const slug = first(props['mp-slug'])
  if (slug !== undefined && (typeof slug !== 'string' || !isValidId(slug))) {
    throw micropubError(
      400,
      'mp-slug must be a slug of lowercase letters, digits, "-", "_" and "." of at most 128 bytes.',
    )
  }
  const input = parseValid(ArticleInput, inputFrom(props))
  const draft = draftOf(c, input)
  const id = slug ?? (await idForContent(input, draft.published, Date.now(), c.var.config.timeZone))
  const reply = unwrap(
    await deskOf(c.env).create(writerOf(c.var.principal), id, draft, { baseUrl: c.var.baseUrl }),
  )
  c.header('Location', c.var.baseUrl + articlePath(reply.id))
  return c.body(null, 201)
}

/** Micropub update: the whole stored article, changed as asked, replaced if unchanged meanwhile. */
async function update(c: Context<AppEnv>, body: Record<string, unknown>) {
  const id = idFromUrl(body.url)
  const desk = deskOf(c.env)
  for (let attempt = 1; ; attempt++) {
    const read = await desk.read(id)
    if (!read.ok) throw micropubError(400, `No article is at ${String(body.url).slice(0, 200)}.`)
    const input = parseValid(ArticleInput, updatedInput(read.value, body))
    const draft = draftOf(c, input)
    // The text as first posted stays with the article while its content is still that text.
    const stored = read.value
    const sameContent = (['content_text', 'content_markdown', 'content_html'] as const).every(
      (k) => input[k] === undefined || input[k] === stored[k],
    )
    if (stored.source_text !== undefined && sameContent)
      draft.fields.source_text = stored.source_text
    const outcome = await desk.replace(writerOf(c.var.principal), id, draft, {
      baseUrl: c.var.baseUrl,
      ifRevision: read.value.revision,
    })
    // Changed by someone else between the read and the write: apply the update to that.
    if (!outcome.ok && outcome.refusal.status === 412 && attempt < 3) continue
    unwrap(outcome)
    return c.body(null, 204)
  }
}

async function remove(c: Context<AppEnv>, url: unknown) {
  unwrap(
    await deskOf(c.env).remove(writerOf(c.var.principal), idFromUrl(url), {
      baseUrl: c.var.baseUrl,
    }),
  )
  return c.body(null, 204)
}

async function undelete(c: Context<AppEnv>, url: unknown) {
  unwrap(
    await deskOf(c.env).undelete(writerOf(c.var.principal), idFromUrl(url), {
      baseUrl: c.var.baseUrl,
    }),
  )
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
  if (action !== undefined)
    throw micropubError(400, `Unknown action ${JSON.stringify(action).slice(0, 50)}.`)
  if (json) {
    const type = json.type as unknown[] | undefined
    if (!Array.isArray(type) || type[0] !== 'h-entry') {
      throw micropubError(400, 'Only h-entry can be created.')
    }
    const props = json.properties
    if (!props || typeof props !== 'object' || Array.isArray(props)) {
      throw micropubError(400, '"properties" must be an object of value lists.')
    }
    return create(c, props as Properties)
  }
  const h = first(form!.h) ?? 'entry'
  if (h !== 'entry') throw micropubError(400, 'Only h=entry can be created.')
  const { h: _h, access_token: _t, ...props } = form!
  return create(c, props)
})

micropub.get('/', async (c) => {
  if (c.req.query('access_token') !== undefined) {
    throw micropubError(400, 'Send the token in the Authorization header: URLs end up in logs.')
  }
  await authenticate(c, headerToken(c))
  const q = c.req.query('q')
  if (q === 'config') return c.json({ 'syndicate-to': [], q: ['config', 'source', 'syndicate-to'] })
  if (q === 'syndicate-to') return c.json({ 'syndicate-to': [] })
  if (q === 'source') {
    const read = await deskOf(c.env).read(idFromUrl(c.req.query('url')))
    if (!read.ok) throw micropubError(400, `No article is at ${c.req.query('url')?.slice(0, 200)}.`)
    const props = propertiesOf(read.value)
    const wanted = c.req.queries('properties[]') ?? c.req.queries('properties')
    if (wanted) {
      return c.json({
        properties: Object.fromEntries(
          wanted.filter((k) => Object.hasOwn(props, k)).map((k) => [k, props[k]]),
        ),
      })
    }
    return c.json({ type: ['h-entry'], properties: props })
  }
  throw micropubError(400, `Unknown query "${(q ?? '').slice(0, 50)}".`)
})
