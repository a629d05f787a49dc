import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** One field's complaint in a validation problem: a JSON Pointer into the request body. */
export interface FieldError {
  pointer: string
  detail: string
}

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

/** Throw to end a request with a problem response. */
export function problem(
  status: ContentfulStatusCode,
  details: ProblemDetails,
  headers?: Record<string, string>,
): HTTPException {
  return new HTTPException(status, { res: problemResponse(status, details, headers) })
}
