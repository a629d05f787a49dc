import { env } from 'cloudflare:workers'
import { reset, runInDurableObject } from 'cloudflare:test'
import { Desk } from '../../src/desk/desk'
import { afterEach, describe, expect, it } from 'vitest'
import { client, desk, deskSnapshot, SITE, storeSnapshot } from '../helpers'
import { setTestClock } from '../support/clock'
import { SoftPasskey } from '../support/authenticator'
import { cookieOf, deskFetch, enrol, publisherWithLink, signIn } from '../support/desk-client'

afterEach(() => reset())

describe('desk enrolment and passkeys', () => {
  it('an admin link registers a passkey once and signs the publisher in', async () => {
    const { url, expires, linkToken } = await publisherWithLink('city-desk')
    expect(url).toMatch(new RegExp(`^${SITE}/desk/enrol/[A-Za-z0-9_-]{43}$`))
    expect(Date.parse(expires) - Date.now()).toBe(24 * 3600_000)

    const page = await deskFetch(`/desk/enrol/${linkToken}`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('city-desk')

    const start = await deskFetch('/desk/api/enrol/options', {
      method: 'POST',
      body: { token: linkToken },
    })
    const { challenge_id, options } = await start.json<any>()
    expect(options.rp.id).toBe('news.example.org')
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: 'required',
      userVerification: 'required',
    })
    const passkey = await SoftPasskey.make()
    const res = await deskFetch('/desk/api/enrol', {
      method: 'POST',
      body: { token: linkToken, challenge_id, response: await passkey.register(options, SITE) },
    })
    expect(res.status).toBe(201)
    const setCookie = res.headers.get('Set-Cookie')!
    expect(setCookie).toMatch(/^__Host-edgefeed-desk=[A-Za-z0-9_-]{43};/)
    for (const part of ['Path=/', 'Secure', 'HttpOnly', 'SameSite=Strict']) {
      expect(setCookie).toContain(part)
    }
    expect(setCookie).not.toMatch(/Domain=/i)
    // Neither the link nor the session id is stored, only their hashes.
    const stored = JSON.stringify(await deskSnapshot())
    expect(stored).not.toContain(linkToken)
    expect(stored).not.toContain(cookieOf(res).split('=')[1])

    const desk = await deskFetch('/desk/', {}, { cookie: cookieOf(res) })
    const html = await desk.text()
    expect(html).toContain('id="editor"')
    expect(html).toContain('city-desk')
  })

  it('signs in again with the passkey, lists, adds and removes passkeys, never the last', async () => {
    const { linkToken } = await publisherWithLink('city-desk')
    const first = await enrol(linkToken)
    const again = await signIn(first.passkey)
    expect(again.cookie).not.toBe(first.cookie)

    // A second passkey, added while signed in.
    const second = await SoftPasskey.make()
    const start = await deskFetch('/desk/api/passkeys/options', { method: 'POST', body: {} }, again)
    const { challenge_id, options } = await start.json<any>()
    expect(options.excludeCredentials.map((c: any) => c.id)).toEqual([first.passkey.credentialId])
    const added = await deskFetch(
      '/desk/api/passkeys',
      {
        method: 'POST',
        body: { challenge_id, label: 'Phone', response: await second.register(options, SITE) },
      },
      again,
    )
    expect(added.status).toBe(201)
    const list = await (await deskFetch('/desk/api/passkeys', {}, again)).json<any>()
    expect(list.items.map((p: any) => p.label)).toEqual(['Passkey 1', 'Phone'])
    expect(list.items[0].last_used).toBeDefined()

    await signIn(second)
    const removed = await deskFetch(
      `/desk/api/passkeys/${first.passkey.credentialId}`,
      { method: 'DELETE' },
      again,
    )
    expect(removed.status).toBe(204)
    const last = await deskFetch(
      `/desk/api/passkeys/${second.credentialId}`,
      { method: 'DELETE' },
      again,
    )
    expect(last.status).toBe(409)
    // The removed passkey signs in no more.
    const opts = await (
      await deskFetch('/desk/api/signin/options', { method: 'POST', body: {} })
    ).json<any>()
    const refused = await deskFetch('/desk/api/signin', {
      method: 'POST',
      body: {
        challenge_id: opts.challenge_id,
        response: await first.passkey.authenticate(opts.options, SITE),
      },
    })
    expect(refused.status).toBe(400)
  })

  it('the desk is no-store, sends no CORS headers, forbids framing and inline script', async () => {
    const { linkToken } = await publisherWithLink('city-desk')
    const session = await enrol(linkToken)
    for (const path of ['/desk/', '/desk/desk.js', '/desk/webauthn.js', '/desk/api/passkeys']) {
      const res = await deskFetch(path, {}, session)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('Cache-Control'), path).toBe('no-store')
      expect(res.headers.get('Cache-Tag'), path).toBeNull()
      expect(
        [...res.headers.keys()].filter((h) => h.startsWith('access-control-')),
        path,
      ).toEqual([])
      const csp = res.headers.get('Content-Security-Policy')!
      expect(csp, path).toContain("frame-ancestors 'none'")
      expect(csp, path).toContain("script-src 'self';")
      expect(csp, path).not.toMatch(/unsafe-(inline|eval)/)
    }
    expect(await (await deskFetch('/desk/webauthn.js')).text()).toContain('startRegistration')
  })
})

describe('desk refusals change nothing', () => {
  it('a used enrolment link', async () => {
    const { linkToken } = await publisherWithLink('city-desk')
    await enrol(linkToken)
    const before = await storeSnapshot()
    const page = await deskFetch(`/desk/enrol/${linkToken}`)
    expect(page.status).toBe(410)
    expect(await page.text()).toContain('used already')
    const res = await deskFetch('/desk/api/enrol/options', {
      method: 'POST',
      body: { token: linkToken },
    })
    expect(res.status).toBe(410)
    expect((await res.json<any>()).detail).toMatch(/used already/)
    expect(await storeSnapshot()).toEqual(before)
  })

  it('an expired enrolment link, and one never given out', async () => {
    const { linkToken } = await publisherWithLink('city-desk')
    setTestClock(Date.now() + 24 * 3600_000)
    const before = await storeSnapshot()
    const res = await deskFetch('/desk/api/enrol/options', {
      method: 'POST',
      body: { token: linkToken },
    })
    expect(res.status).toBe(410)
    expect((await res.json<any>()).detail).toMatch(/expired/)
    const unknown = await deskFetch('/desk/api/enrol/options', {
      method: 'POST',
      body: { token: 'A'.repeat(43) },
    })
    expect(unknown.status).toBe(404)
    const malformed = await deskFetch('/desk/api/enrol/options', {
      method: 'POST',
      body: { token: 'short' },
    })
    expect(malformed.status).toBe(400)
    expect((await malformed.json<any>()).errors).toEqual([
      { pointer: '/token', detail: 'not an enrolment link' },
    ])
    expect(await storeSnapshot()).toEqual(before)
  })

  it('a passkey answer for another origin registers nothing', async () => {
    const { linkToken } = await publisherWithLink('city-desk')
    const start = await deskFetch('/desk/api/enrol/options', {
      method: 'POST',
      body: { token: linkToken },
    })
    const { challenge_id, options } = await start.json<any>()
    const { desk: before } = await storeSnapshot()
    const passkey = await SoftPasskey.make()
    const res = await deskFetch('/desk/api/enrol', {
      method: 'POST',
      body: {
        token: linkToken,
        challenge_id,
        response: await passkey.register(options, 'https://news.example.org.evil.test'),
      },
    })
    expect(res.status).toBe(400)
    expect(res.headers.get('Set-Cookie')).toBeNull()
    // Only the challenge is gone (each is answered once); the link is unused, no passkey.
    const after = await deskSnapshot()
    expect({ ...after, challenges: [] }).toEqual({ ...before, challenges: [] })
    expect(after.challenges).toEqual([])
  })

  it('a cross-site form post with the cookie, and a request without the CSRF token', async () => {
    const { linkToken } = await publisherWithLink('city-desk')
    const session = await enrol(linkToken)
    const before = await storeSnapshot()
    const crossSite = await client(null).fetch('/desk/api/articles', {
      method: 'POST',
      headers: {
        Origin: 'https://evil.example',
        Cookie: session.cookie,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'title=x&content_text=y',
    })
    expect(crossSite.status).toBe(403)
    expect((await crossSite.json<any>()).detail).toMatch(/Origin/)
    const noOrigin = await client(null).fetch('/desk/api/articles', {
      method: 'POST',
      headers: { Cookie: session.cookie, 'X-CSRF-Token': session.csrf },
      body: 'x',
    })
    expect(noOrigin.status).toBe(403)
    const noToken = await deskFetch(
      '/desk/api/articles',
      { method: 'POST', body: { title: 'x', content_text: 'y' } },
      { cookie: session.cookie },
    )
    expect(noToken.status).toBe(403)
    expect((await noToken.json<any>()).detail).toMatch(/X-CSRF-Token/)
    const wrongToken = await deskFetch(
      '/desk/api/signout',
      { method: 'POST' },
      { cookie: session.cookie, csrf: 'x'.repeat(43) },
    )
    expect(wrongToken.status).toBe(403)
    expect(await storeSnapshot()).toEqual(before)
  })

  it('a session after revocation, and after signing out', async () => {
    const a = await publisherWithLink('city-desk')
    const b = await publisherWithLink('sports-desk')
    const revoked = await enrol(a.linkToken)
    const other = await enrol(b.linkToken)
    const stillIn = await signIn(other.passkey)
    expect((await client().json('DELETE', '/api/publishers/city-desk')).status).toBe(204)

    const before = await storeSnapshot()
    const write = await deskFetch(
      '/desk/api/articles',
      { method: 'POST', body: { title: 'x', content_text: 'y' } },
      revoked,
    )
    expect(write.status).toBe(401)
    const page = await (await deskFetch('/desk/', {}, revoked)).text()
    expect(page).toContain('id="signin"')
    // Nor does its passkey sign in again.
    const opts = await (
      await deskFetch('/desk/api/signin/options', { method: 'POST', body: {} })
    ).json<any>()
    const again = await deskFetch('/desk/api/signin', {
      method: 'POST',
      body: {
        challenge_id: opts.challenge_id,
        response: await revoked.passkey.authenticate(opts.options, SITE),
      },
    })
    expect(again.status).toBe(400)
    const { desk: beforeDesk } = before
    const after = await storeSnapshot()
    expect({ ...after.desk, challenges: [] }).toEqual({ ...beforeDesk, challenges: [] })
    expect(after.kv).toEqual(before.kv)

    // Signing out everywhere ends both of the other publisher's sessions.
    const out = await deskFetch('/desk/api/signout?everywhere=1', { method: 'POST' }, other)
    expect(out.status).toBe(204)
    expect(out.headers.get('Set-Cookie')).toMatch(/Max-Age=0/)
    for (const session of [other, stillIn]) {
      const res = await deskFetch('/desk/api/passkeys', {}, session)
      expect(res.status).toBe(401)
    }
  })
})

describe('a coordinator from before the desk', () => {
  it('gains the desk tables and the access email when it starts, and gives out links', async () => {
    await publisherWithLink('city-desk')
    await runInDurableObject(desk(), (_, state) => {
      const sql = state.storage.sql
      for (const table of ['enrolments', 'passkeys', 'challenges', 'sessions']) {
        sql.exec(`DROP TABLE ${table}`)
      }
      // And the access email a later version added (9).
      sql.exec('ALTER TABLE publishers DROP COLUMN access_email')
      sql.exec("UPDATE settings SET value = '3' WHERE name = 'schema_version'")
      const restarted = new Desk(state, env)
      const email = restarted.setAccessEmail('city-desk', 'editor@news.example.org')
      expect(email.ok && email.value.access_email).toBe('editor@news.example.org')
      const tables = sql
        .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
        .toArray()
        .map((t) => t.name)
      expect(tables).toEqual(
        expect.arrayContaining(['enrolments', 'passkeys', 'challenges', 'sessions']),
      )
      expect(restarted.signIn().createEnrolment('city-desk', 'f'.repeat(64)).ok).toBe(true)
    })
  })
})
