import type { Context } from 'hono'
import type { z } from 'zod'
import type { $ZodErrorMap } from 'zod/v4/core'
import type { AppEnv } from '../env'
import { problem, type FieldError } from './problem'
import { cleanDeep } from '../articles/text'
import { decodeJsonBytes, parseJsonText } from './json'

/** JSON Pointer (RFC 6901) for a zod issue path. */
function pointer(path: readonly PropertyKey[]): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('')
}

/** One entry per field: unknown keys each get their own, so a publisher sees every one. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          pointer: pointer([...issue.path, key]),
          detail: `unknown field "${key}"`,
        }))
      : [{ pointer: pointer(issue.path), detail: issue.message }],
  )
}

/**
 * The request body as JSON, cleaned (NFC, no XML-forbidden characters) and validated, or a
 * problem response: 415 for another media type or a charset other than UTF-8, 400 for bytes
 * that are not UTF-8, malformed or too deeply nested JSON, or invalid fields.
 */
export async function readJsonBody<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
): Promise<z.infer<S>> {
  const type = c.req.header('Content-Type') ?? ''
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw problem(415, {
      title: 'Unsupported Media Type',
      detail: `Send application/json (or, for an article, text/plain, text/markdown or text/html), not "${type || 'no Content-Type'}".`,
    })
  }
  const raw = parseJsonText(decodeJsonBytes(await c.req.arrayBuffer(), type))
  return parseValid(schema, cleanDeep(raw))
}

/** What zod says of the common mistakes, in the words the rest of our messages use. */
const messages: $ZodErrorMap = (issue) => {
  const unit = issue.origin === 'array' ? 'items' : issue.origin === 'string' ? 'characters' : ''
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be of type ${issue.expected}`
    case 'too_big':
      return unit ? `must have at most ${issue.maximum} ${unit}` : undefined
    case 'too_small':
      return unit ? `must have at least ${issue.minimum} ${unit}` : undefined
    default:
      return undefined
  }
}

/** Validates cleaned input, or throws 400 with one error per field. */
export function parseValid<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value, { error: messages })
  if (!result.success) {
    throw problem(400, {
      title: 'Invalid input',
      detail: 'Some fields are missing or wrong; see errors.',
      errors: fieldErrors(result.error),
    })
  }
  return result.data
}
