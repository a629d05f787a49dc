/**
 * A file refused as it is (its type, its size, its parts): the media layer's own error, which
 * src/http/problem.ts turns into a problem response and Micropub into its error format.
 */
export class MediaRefusal extends Error {
  override name = 'MediaRefusal'

  constructor(
    readonly status: 400 | 404 | 409 | 411 | 413 | 415 | 503,
    readonly title: string,
    readonly detail: string,
    /** The field or part of the request at fault, as a JSON Pointer. */
    readonly pointer = '',
  ) {
    super(detail)
  }
}
