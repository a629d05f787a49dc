/**
 * Micropub's side of HTTP: its request (form fields or JSON, read as the API reads JSON), its
 * token (in the Authorization header or the form, never both, never in a URL), the URLs of
 * articles it names, and its error format.
 */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from '../env'
import { first, PROPERTY_OF_FIELD, type Properties } from '../articles/mf2'
import { MicropubError } from '../articles/errors'
import { isValidId } from '../articles/ids'
import { cleanDeep } from '../articles/text'
import { adminTokenOf, insufficientScopeChallenge, parseBearer, type Identify } from './auth'
import { decodeJsonBytes, parseJsonText } from './json'
import { problemFrom } from './problem'

const ERRORS: Partial<Record<number, string>> = {
  401: 'unauthorized',
  403: 'forbidden',
  503: 'unauthorized',
}

/** Micropub answers `invalid_request` with 400 whatever the cause (a missing article, a conflict). */
const KEPT_STATUSES = new Set([401, 403, 413, 503])

export function micropubError(status: ContentfulStatusCode, description: string): HTTPException {
  const error = ERRORS[status] ?? 'invalid_request'
  if (!KEPT_STATUSES.has(status)) status = 400
  return new HTTPException(status, {
    res: Response.json(
      { error, error_description: description },
      { status, headers: { 'Cache-Control': 'no-store' } },
    ),
  })
}

/**
 * A token without the scope a request needs. Micropub (W3C Recommendation, 3.8) answers
 * `insufficient_scope` with 401 and may name the scope; the challenge is RFC 6750's.
 */
function insufficientScope(scope: string, description: string): Response {
  return Response.json(
    { error: 'insufficient_scope', error_description: description, scope },
    {
      status: 401,
      headers: { 'Cache-Control': 'no-store', ...insufficientScopeChallenge(scope) },
    },
  )
}

/**
 * A token both in the header and in the body (RFC 6750 §2: a client uses one method). The
 * error is said in the challenge, as RFC 6750 §3 does, and the body is left out: micropub.rocks
 * (test 805) accepts no JSON error code but one Micropub does not define ("bad request").
 */
export function tokenSentTwice(): HTTPException {
  const description = 'Send the token in the Authorization header or as access_token, not both.'
  return new HTTPException(400, {
    res: new Response(null, {
      status: 400,
      headers: {
        'Cache-Control': 'no-store',
        'WWW-Authenticate': `Bearer error="invalid_request", error_description="${description}"`,
      },
    }),
  })
}

/** An article field's pointer as the h-entry property a client sent (`/tags/3` is `/category/3`). */
function propertyPointer(pointer: string): string {
  const [, field = '', ...rest] = pointer.split('/')
  const property = PROPERTY_OF_FIELD[field]
  return property === undefined ? pointer : ['', property, ...rest].join('/')
}

/**
 * Micropub's answer to an error raised anywhere: problems from shared code (validation, the
 * coordinator) and refused updates in its format; anything else is rethrown.
 */
export function micropubErrorResponse(err: Error): Response {
  const refused = problemFrom(err)
  if (refused) {
    const { detail, title, errors, scope } = refused.details
    if (typeof scope === 'string') return insufficientScope(scope, detail ?? title)
    const fields = errors
      ?.map((e) => `${propertyPointer(e.pointer) || '/'}: ${e.detail}`)
      .join('; ')
    return micropubError(refused.status, fields || detail || title).getResponse()
  }
  if (err instanceof MicropubError) return micropubError(400, err.message).getResponse()
  if (err instanceof HTTPException) return err.getResponse()
  throw err
}

/** The request as Micropub reads it: form fields or JSON, and the token. */
export async function readRequest(c: Context<AppEnv>) {
  const type = c.req.header('Content-Type') ?? ''
  let json: Record<string, unknown> | undefined
  let form: Properties | undefined
  // Files of a multipart create: stored once the token is known (src/media/micropub.ts).
  const files: Record<string, File[]> = {}
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
    // Parsed from the bytes, which stay cached as they came for Idempotency-Key's fingerprint.
    const fields = await new Response(await c.req.arrayBuffer(), {
      headers: { 'Content-Type': type },
    }).formData()
    for (const [key, value] of fields.entries()) {
      const name = key.replace(/\[\]$/, '')
      if (typeof value !== 'string') {
        ;(files[name] ??= []).push(value)
        continue
      }
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
  if (header !== undefined && field !== undefined) throw tokenSentTwice()
  return { json, form, files, token: header ?? (typeof field === 'string' ? field : undefined) }
}

/** The token of the Authorization header, with the same grammar as the JSON API. */
export function headerToken(c: Context<AppEnv>): string | undefined {
  const header = c.req.header('Authorization')
  if (header === undefined) return undefined
  const token = parseBearer(header)
  if (token === undefined)
    throw micropubError(401, 'The Authorization header must be "Bearer <token>".')
  return token
}

/** Sets the request's principal, or refuses it in Micropub's words. */
export async function authenticate(
  c: Context<AppEnv>,
  token: string | undefined,
  identify: Identify,
) {
  const adminToken = adminTokenOf(c)
  if (!token)
    throw micropubError(401, 'Send a token in the Authorization header or as access_token.')
  const principal = await identify(token, adminToken, c.env)
  if (!principal) throw micropubError(403, 'The token is not valid, or was revoked.')
  c.set('principal', principal)
  return principal
}

/** The article id a Micropub `url` names: `/articles/{id}` on this site, in any script. */
export function idFromUrl(url: unknown): string {
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
