/** Files and helpers for the media tests: R2's contents, uploads, small files of each type. */
import { env } from 'cloudflare:workers'
import { ADMIN_TOKEN, client } from '../helpers'

/** Every object in the media bucket, with its size: compared before and after a refusal. */
export async function r2Snapshot(): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  let cursor: string | undefined
  do {
    const page = await env.MEDIA.list({ cursor })
    for (const o of page.objects) out[o.key] = o.size
    cursor = page.truncated ? page.cursor : undefined
  } while (cursor)
  return out
}

const text = (s: string) => new TextEncoder().encode(s)

/** A 1×1 GIF (GIF89a, one black pixel). */
export const GIF = Uint8Array.from([
  0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x21, 0xf9,
  4, 1, 0, 0, 0, 0, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3b,
])

/** A PDF of one empty page. */
export const PDF = text(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 10 10]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)

/**
 * An MP3 of `bytes` bytes: an ID3v2 tag, then MPEG-1 layer III frames (128 kbit/s, 44.1 kHz,
 * 417 bytes each) of silence. `seed` varies the tag, so two calls give two files.
 */
export function mp3(bytes: number, seed = 0): Uint8Array {
  const out = new Uint8Array(bytes)
  out.set(text('ID3'), 0)
  out.set([4, 0, 0, 0, 0, 0, 10], 3)
  out.set(text(`TIT2${String(seed).padStart(6, '0')}`), 10)
  for (let at = 20; at + 4 <= bytes; at += 417) out.set([0xff, 0xfb, 0x90, 0x64], at)
  return out
}

/** Uploads `bytes` as the raw body, typed `type`, with `token`. */
export function upload(bytes: Uint8Array, type: string, token: string | null = ADMIN_TOKEN) {
  return client(token).fetch('/api/media', {
    method: 'POST',
    headers: { 'Content-Type': type, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: bytes,
  })
}

/** Uploads a file and returns what the API says of it, failing the test on a refusal. */
export async function uploaded(bytes: Uint8Array, type: string, token: string = ADMIN_TOKEN) {
  const res = await upload(bytes, type, token)
  if (res.status !== 201 && res.status !== 200) {
    throw new Error(`upload failed: ${res.status} ${await res.text()}`)
  }
  return res.json<{ key: string; url: string; type: string; size: number; stripped: string[] }>()
}

/** Issues a publisher token. */
export async function publisherToken(name: string): Promise<string> {
  const res = await client().json('POST', '/api/publishers', { name })
  if (res.status !== 201) throw new Error(`publisher: ${res.status} ${await res.text()}`)
  return (await res.json<{ token: string }>()).token
}
