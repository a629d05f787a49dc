import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { z } from 'zod'

/** One field's complaint in a validation problem: a JSON Pointer into the request body. */
export const FieldErrorSchema = z.object({ pointer: z.string(), detail: z.string() })

/** The body of every error response (RFC 9457); also what the OpenAPI document says of errors. */
export const ProblemSchema = z.looseObject({
  type: z.string(),
  status: z.number().int(),
  title: z.string(),
  detail: z.string().optional(),
  errors: z.array(FieldErrorSchema).optional(),
})

export type FieldError = z.infer<typeof FieldErrorSchema>
export type ProblemDetails = Omit<z.infer<typeof ProblemSchema>, 'type' | 'status'>

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

/** Throw to end a request with a problem response. */
export function problem(
  status: ContentfulStatusCode,
  details: ProblemDetails,
  headers?: Record<string, string>,
): HTTPException {
  return new HTTPException(status, { res: problemResponse(status, details, headers) })
}
