/**
 * The article model's own refusals. The model knows no HTTP: it throws these, and the API's
 * edge (src/http/problem.ts) answers each as a problem naming the field.
 */

/** One field's complaint: a JSON Pointer into what was sent, and what is wrong with it. */
export interface FieldError {
  pointer: string
  detail: string
}

/** A field that can not be stored as it is (over a limit, unreadable); nothing was stored. */
export class FieldRefusal extends Error {
  override name = 'FieldRefusal'

  constructor(readonly error: FieldError) {
    super(`${error.pointer.slice(1)} ${error.detail}`)
  }
}

/**
 * Content that can not fit the stored-size budget, found before the work of building it all
 * (rendering, sanitising, converting): 413, and nothing was stored.
 */
export class ContentTooLarge extends Error {
  override name = 'ContentTooLarge'

  constructor(readonly error: FieldError) {
    super(`${error.pointer.slice(1)} ${error.detail}`)
  }
}

/** A Micropub request the model can not carry out; `message` says why, for the client. */
export class MicropubError extends Error {
  override name = 'MicropubError'
}
