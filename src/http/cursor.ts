/**
 * A listing's `?cursor=` as readers see it: KV's own cursor, signed with the listing and page
 * size it was given out for. Any string KV would take (or, locally, quietly read as the end of
 * the listing) could otherwise make a page of its own, rendered and stored at the edge for a
 * day; signed, only the cursors a page links to are answered, and anything else is refused
 * (400, not stored) before KV is asked.
 *
 * The key is derived from ADMIN_TOKEN, the one secret a site has: changing the token ends the
 * paging links of pages rendered before (readers start again from the first page).
 */
import { base64url } from '../digest'
import { InvalidCursorError } from '../store/articles'

/** Without an admin token nothing is published, so nothing is at stake: a fixed key serves. */
const NO_SECRET = 'edgefeed: no ADMIN_TOKEN is set'
const MAC_BYTES = 16

const keys = new Map<string, Promise<CryptoKey>>()

function keyFor(secret: string | undefined): Promise<CryptoKey> {
  const material = `edgefeed listing cursors\n${secret ?? NO_SECRET}`
  let key = keys.get(material)
  if (!key) {
    key = crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(material),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    )
    keys.set(material, key)
  }
  return key
}

async function mac(kvCursor: string, scope: string, secret: string | undefined): Promise<string> {
  const data = new TextEncoder().encode(`${scope}\n${kvCursor}`)
  const signature = await crypto.subtle.sign('HMAC', await keyFor(secret), data)
  return base64url(new Uint8Array(signature).slice(0, MAC_BYTES))
}

/** The cursor a page links to: KV's, and its signature for `scope` (the listing, the size). */
export async function signCursor(
  kvCursor: string,
  scope: string,
  secret: string | undefined,
): Promise<string> {
  return `${kvCursor}.${await mac(kvCursor, scope, secret)}`
}

/** KV's cursor inside one this service signed for `scope`; InvalidCursorError for any other. */
export async function openCursor(
  cursor: string,
  scope: string,
  secret: string | undefined,
): Promise<string> {
  const dot = cursor.lastIndexOf('.')
  if (dot <= 0 || cursor.length > 2048) throw new InvalidCursorError()
  const kvCursor = cursor.slice(0, dot)
  const expected = await mac(kvCursor, scope, secret)
  const given = new TextEncoder().encode(cursor.slice(dot + 1))
  const wanted = new TextEncoder().encode(expected)
  if (given.length !== wanted.length || !crypto.subtle.timingSafeEqual(given, wanted)) {
    throw new InvalidCursorError()
  }
  return kvCursor
}
