/**
 * Cloudflare Access in front of the desk: a request carrying a Cf-Access-Jwt-Assertion that
 * verifies (RS256 against the team's published keys, aud, iss, exp, nbf) opens a desk session
 * for the publisher whose access email it names; anything else opens nothing and stores
 * nothing. Each test signs its own tokens with its own key pair, published at its own team's
 * /cdn-cgi/access/certs (test/support/access-teams.mjs).
 */
import { env } from 'cloudflare:workers'
import { reset } from 'cloudflare:test'
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose'
import { afterEach, describe, expect, it } from 'vitest'
import { client, SITE, storeSnapshot, workerFetch } from '../helpers'

afterEach(() => reset())

const AUD = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90'
let teams = 0

/** A new Access team with its own key pair, its keys published where Access publishes them. */
async function accessTeam() {
  const name = `newsroom-${++teams}-${crypto.randomUUID().slice(0, 8)}`
  const issuer = `https://${name}.cloudflareaccess.com`
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true })
  const kid = crypto.randomUUID()
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }
  const published = await fetch(`${issuer}/cdn-cgi/access/certs`, {
    method: 'PUT',
    body: JSON.stringify({ keys: [jwk] }),
  })
  expect(published.status).toBe(204)
  const bindings = { ...env, ACCESS_TEAM_DOMAIN: name, ACCESS_AUD: AUD }
  /** A token as Access signs it, for `email`; `change` alters claims or the key. */
  const token = (
    email: string | undefined,
    change: { claims?: JWTPayload; key?: CryptoKey; aud?: string; iss?: string } = {},
  ) => {
    const now = Math.floor(Date.now() / 1000)
    const claims: JWTPayload = {
      iss: change.iss ?? issuer,
      aud: [change.aud ?? AUD],
      sub: '8f1c0c3e-4c6d-4f5e-9a1b-2c3d4e5f6a7b',
      iat: now,
      nbf: now,
      exp: now + 3600,
      type: 'app',
      ...(email ? { email } : {}),
      ...change.claims,
    }
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid })
      .sign(change.key ?? privateKey)
  }
  return { name, issuer, bindings, token }
}

/** GET /desk/ through Access (or not), as the browser would after Access let it through. */
function deskThrough(bindings: Env, token?: string) {
  const headers: Record<string, string> = token ? { 'Cf-Access-Jwt-Assertion': token } : {}
  return workerFetch(new Request(`${SITE}/desk/`, { headers }), bindings)
}

async function publisherWithEmail(name: string, email: string) {
  const admin = client()
  expect((await admin.json('POST', '/api/publishers', { name })).status).toBe(201)
  const set = await admin.json('PUT', `/api/publishers/${name}/access-email`, { email })
  expect(set.status).toBe(200)
  return set.json<any>()
}

describe('signing in through Cloudflare Access', () => {
  it('a valid token opens a session for the publisher with its email', async () => {
    const team = await accessTeam()
    const record = await publisherWithEmail('city-desk', 'Editor@News.example.org')
    expect(record).toMatchObject({ name: 'city-desk', access_email: 'editor@news.example.org' })
    const res = await deskThrough(team.bindings, await team.token('editor@news.example.org'))
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const cookie = (res.headers.get('Set-Cookie') ?? '').split(';')[0]!
    expect(cookie).toMatch(/^__Host-edgefeed-desk=[A-Za-z0-9_-]{43}$/)
    expect(await res.text()).toContain('city-desk')
    // The session is a desk session like any other: it reads the desk's calls.
    const passkeys = await workerFetch(
      new Request(`${SITE}/desk/api/passkeys`, { headers: { Cookie: cookie } }),
      team.bindings,
    )
    expect(passkeys.status).toBe(200)
  })

  it('refuses a wrong audience, another issuer, an expired or early token, a bad signature, no email, an unknown email: storing nothing', async () => {
    const team = await accessTeam()
    await publisherWithEmail('city-desk', 'editor@news.example.org')
    const other = await generateKeyPair('RS256')
    const now = Math.floor(Date.now() / 1000)
    const email = 'editor@news.example.org'
    const refused = {
      'wrong aud': await team.token(email, { aud: 'f'.repeat(64) }),
      'another issuer': await team.token(email, { iss: 'https://elsewhere.cloudflareaccess.com' }),
      expired: await team.token(email, { claims: { exp: now - 60 } }),
      'not yet valid': await team.token(email, { claims: { nbf: now + 600 } }),
      'bad signature': await team.token(email, { key: other.privateKey }),
      'no email': await team.token(undefined),
      'unknown email': await team.token('someone@else.example'),
      'not a JWT': 'not-a-token',
    }
    const before = await storeSnapshot()
    for (const [why, token] of Object.entries(refused)) {
      const res = await deskThrough(team.bindings, token)
      expect(res.status, why).toBe(403)
      expect(res.headers.get('Set-Cookie'), why).toBeNull()
      expect(await res.text(), why).toContain('role="alert"')
    }
    expect(await storeSnapshot()).toEqual(before)
  })

  it('ignores the header where Access is not configured: no session, nothing stored', async () => {
    const team = await accessTeam()
    await publisherWithEmail('city-desk', 'editor@news.example.org')
    const before = await storeSnapshot()
    const res = await deskThrough(env, await team.token('editor@news.example.org'))
    expect(res.status).toBe(200)
    expect(res.headers.get('Set-Cookie')).toBeNull()
    expect(await res.text()).toContain('id="signin"')
    expect(await storeSnapshot()).toEqual(before)
  })

  it('a revoked publisher is refused, and an email belongs to one publisher', async () => {
    const team = await accessTeam()
    await publisherWithEmail('city-desk', 'editor@news.example.org')
    const admin = client()
    expect((await admin.json('POST', '/api/publishers', { name: 'sports-desk' })).status).toBe(201)
    const before = await storeSnapshot()
    const taken = await admin.json('PUT', '/api/publishers/sports-desk/access-email', {
      email: 'EDITOR@news.example.org',
    })
    expect(taken.status).toBe(409)
    expect((await taken.json<any>()).errors[0].pointer).toBe('/email')
    const bad = await admin.json('PUT', '/api/publishers/sports-desk/access-email', {
      email: 'not an email',
    })
    expect(bad.status).toBe(400)
    expect((await bad.json<any>()).errors[0].pointer).toBe('/email')
    expect(await storeSnapshot()).toEqual(before)

    expect((await admin.json('DELETE', '/api/publishers/city-desk')).status).toBe(204)
    const after = await storeSnapshot()
    const res = await deskThrough(team.bindings, await team.token('editor@news.example.org'))
    expect(res.status).toBe(403)
    expect(res.headers.get('Set-Cookie')).toBeNull()
    expect(await storeSnapshot()).toEqual(after)
  })
})
