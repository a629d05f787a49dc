/**
 * The desk as a browser at the site's origin uses it, for the integration tests: an enrolment
 * link from the admin, a software passkey, the session cookie and CSRF token it gets.
 */
import { expect } from 'vitest'
import { client, SITE } from '../helpers'
import { SoftPasskey } from './authenticator'

export interface DeskBrowser {
  cookie: string
  csrf: string
  passkey: SoftPasskey
}

/** A desk request from the site's own pages (Origin: SITE), with the session if given. */
export function deskFetch(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  session?: { cookie: string; csrf?: string },
) {
  const headers: Record<string, string> = { Origin: SITE, ...(init.headers ?? {}) }
  if (session) headers.Cookie = session.cookie
  if (session?.csrf) headers['X-CSRF-Token'] = session.csrf
  let body: string | undefined
  if (typeof init.body === 'string') body = init.body
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body)
    headers['Content-Type'] ??= 'application/json'
  }
  return client(null).fetch(path, { method: init.method ?? 'GET', headers, body })
}

/** Issues a publisher (with an API token) and an enrolment link for it. */
export async function publisherWithLink(name: string) {
  const admin = client()
  const issued = await admin.json('POST', '/api/publishers', { name })
  expect(issued.status).toBe(201)
  const { token } = await issued.json<{ token: string }>()
  const link = await admin.json('POST', `/api/publishers/${name}/enrolments`)
  expect(link.status).toBe(201)
  const { url, expires } = await link.json<{ url: string; expires: string }>()
  return { apiToken: token, url, expires, linkToken: url.split('/').pop()! }
}

/** The session cookie's `name=value` from a Set-Cookie header. */
export function cookieOf(res: Response): string {
  const header = res.headers.get('Set-Cookie') ?? ''
  return header.split(';')[0]!
}

/** Registers a new passkey through an enrolment link: the signed-in browser. */
export async function enrol(linkToken: string, passkey?: SoftPasskey): Promise<DeskBrowser> {
  const key = passkey ?? (await SoftPasskey.make())
  const start = await deskFetch('/desk/api/enrol/options', {
    method: 'POST',
    body: { token: linkToken },
  })
  expect(start.status).toBe(200)
  const { challenge_id, options } = await start.json<any>()
  const res = await deskFetch('/desk/api/enrol', {
    method: 'POST',
    body: { token: linkToken, challenge_id, response: await key.register(options, SITE) },
  })
  expect(res.status, await res.clone().text()).toBe(201)
  const { csrf } = await res.json<{ csrf: string }>()
  return { cookie: cookieOf(res), csrf, passkey: key }
}

/** Signs in again with a registered passkey: a new session. */
export async function signIn(passkey: SoftPasskey): Promise<DeskBrowser> {
  const start = await deskFetch('/desk/api/signin/options', { method: 'POST', body: {} })
  const { challenge_id, options } = await start.json<any>()
  const res = await deskFetch('/desk/api/signin', {
    method: 'POST',
    body: { challenge_id, response: await passkey.authenticate(options, SITE) },
  })
  expect(res.status, await res.clone().text()).toBe(201)
  const { csrf } = await res.json<{ csrf: string }>()
  return { cookie: cookieOf(res), csrf, passkey }
}
