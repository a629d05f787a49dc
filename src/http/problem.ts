import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { z } from 'zod'
import { ContentTooLarge, FieldRefusal, type FieldError } from '../articles/errors'
import { InvalidCursorError } from '../store/articles'
import { MediaRefusal } from '../media/errors'

/** One field's complaint in a validation problem: a JSON Pointer into the request body. */
export const FieldErrorSchema = z.object({
  pointer: z.string(),
  detail: z.string(),
}) satisfies z.ZodType<FieldError>

/** The body of every error response (RFC 9457); also what the OpenAPI document says of errors. */
export const ProblemSchema = z.looseObject({
  type: z.string(),
  status: z.number().int(),
  title: z.string(),
  detail: z.string().optional(),
  errors: z.array(FieldErrorSchema).optional(),
})

export type { FieldError }

/** What a problem says besides its type and status; extension members are allowed. */
export interface ProblemDetails {
  title: string
  detail?: string
  errors?: FieldError[]
  [extension: string]: unknown
}

/** An `application/problem+json` response (RFC 9457). */
export function problemResponse(
  status: ContentfulStatusCode,
  details: ProblemDetails,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ type: 'about:blank', status, ...details }), {
    status,
    headers: {
      'Content-Type': 'application/problem+json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...headers,
    },
  })
}

/**
 * A request ended with a problem: its response, and its details for code that answers in
 * another format (Micropub).
 */
export class ApiProblem extends HTTPException {
  constructor(
    override readonly status: ContentfulStatusCode,
    readonly details: ProblemDetails,
    headers?: Record<string, string>,
  ) {
    super(status, { res: problemResponse(status, details, headers) })
  }
}

/** Throw to end a request with a problem response. */
export function problem(
  status: ContentfulStatusCode,
  details: ProblemDetails,
  headers?: Record<string, string>,
): ApiProblem {
  return new ApiProblem(status, details, headers)
}

/**
 * The problem an error of the model or the store stands for (a field refused as it is, a
 * cursor not ours: 400 naming it), or undefined for an error that is not one of them.
 */
export function problemFrom(error: unknown): ApiProblem | undefined {
  if (error instanceof ApiProblem) return error
  if (error instanceof InvalidCursorError) {
    return problem(400, {
      title: 'Invalid cursor',
      detail: error.message,
      errors: [{ pointer: '/cursor', detail: 'not a valid cursor' }],
    })
  }
  if (error instanceof ContentTooLarge) {
    return problem(413, {
      title: 'Content Too Large',
      detail: `Not stored: ${error.message}.`,
      errors: [error.error],
    })
  }
  if (error instanceof MediaRefusal) {
    return problem(error.status, {
      title: error.title,
      detail: `${error.message} Nothing was stored.`,
      ...(error.status === 400
        ? { errors: [{ pointer: error.pointer, detail: error.message }] }
        : {}),
    })
  }
  if (error instanceof FieldRefusal) {
    return problem(400, {
      title: 'Invalid input',
      detail: `${error.message}; nothing was stored.`,
      errors: [error.error],
    })
  }
  return undefined
}
