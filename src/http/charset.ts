/**
 * Request bodies as text, in the charset their `Content-Type` declares and never a guessed
 * one, so nothing turns into mojibake: 415 for a charset that cannot be decoded, 400 for
 * bytes that are not in it. Both the JSON body and the text import read them so.
 */
import { problem } from './problem'

/** The `charset` parameter of a Content-Type, if it has one. */
export function charsetOf(contentType: string): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(contentType)?.[1]
}

/** The decoder for a charset label, or undefined when there is none. */
export function decoderFor(charset: string): TextDecoder | undefined {
  try {
    // ignoreBOM false: a leading byte order mark is dropped, as JSON.parse would refuse it.
    return new TextDecoder(charset, { fatal: true, ignoreBOM: false })
  } catch {
    return undefined
  }
}

/** `bytes` as text in `charset` (UTF-8 when none is given). */
export function decodeBody(bytes: ArrayBuffer, charset = 'UTF-8'): string {
  const decoder = decoderFor(charset)
  if (!decoder) {
    throw problem(415, {
      title: 'Unsupported Media Type',
      detail: `The charset "${charset.slice(0, 40)}" is not supported; send UTF-8.`,
    })
  }
  try {
    return decoder.decode(bytes)
  } catch {
    throw problem(400, {
      title: 'Malformed text',
      detail: `The body is not valid ${charset}; nothing was stored. Send it as UTF-8.`,
      errors: [{ pointer: '', detail: `not valid ${charset}` }],
    })
  }
}
