/**
 * The desk's sign-in calls, mounted at /desk/api: enrolment (a one-time link registers a
 * passkey), sign-in with a passkey, sign-out, and the publisher's passkeys. Each WebAuthn
 * ceremony is two calls: options (a challenge, kept by the coordinator) and the answer.
 */
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../env'
import { base64url } from '../digest'
import { tokenHash } from '../access/tokens'
import { checkOrigin, requireDeskSession } from '../access/desk-session'
import {
  authenticationOptions,
  registrationOptions,
  verifyAuthentication,
  verifyRegistration,
} from '../access/passkeys'
import { relyingParty, sessionCookie, sessionIdOf } from '../access/session-rules'
import { unwrap, withSignIn } from '../http/desk'
import { problem } from '../http/problem'
import { readJsonBody } from '../http/validate'
import { EnrolInput, EnrolOptionsInput, RegistrationInput, SignInInput } from '../http/desk-schemas'
import type { DeskSession } from '../desk/signin'

export const deskAuth = new Hono<AppEnv>()

const randomSecret = () => base64url(crypto.getRandomValues(new Uint8Array(32)))

/** A challenge the answer did not pass: the same words whatever was wrong. */
const notVerified = (what: string) =>
  problem(400, {
    title: 'Passkey not accepted',
    detail: `The ${what} did not verify (a challenge used or older than five minutes, another site's passkey, or a changed answer). Try again.`,
  })

/** Opens a session: a fresh random id in the cookie, only its hash kept server-side. */
async function startSession(
  c: Context<AppEnv>,
  open: (session: { idHash: string; csrf: string }) => Promise<DeskSession>,
): Promise<Response> {
  const id = randomSecret()
  const session = await open({ idHash: await tokenHash(id), csrf: randomSecret() })
  c.header('Set-Cookie', sessionCookie(id))
  return c.json({ publisher: session.writer.name, csrf: session.csrf }, 201)
}

async function challenge(c: Context<AppEnv>, value: string, purpose: string) {
  const id = crypto.randomUUID()
  await withSignIn(c.env, async (s) => await s.putChallenge(id, value, purpose))
  return id
}

// ---- enrolment: the link the admin gave registers a first passkey ------------------------

deskAuth.post('/enrol/options', async (c) => {
  checkOrigin(c)
  const { token } = await readJsonBody(c, EnrolOptionsInput)
  const hash = await tokenHash(token)
  const { publisher, passkeys } = unwrap(
    await withSignIn(c.env, async (s) => await s.enrolment(hash)),
  )
  const rp = relyingParty(c.var.baseUrl)
  const options = await registrationOptions(rp, c.var.config.siteTitle, publisher, passkeys)
  const challenge_id = await challenge(c, options.challenge, `enrol:${hash}`)
  return c.json({ challenge_id, options })
})

deskAuth.post('/enrol', async (c) => {
  checkOrigin(c)
  const input = await readJsonBody(c, EnrolInput)
  const hash = await tokenHash(input.token)
  return withSignIn(c.env, async (signIn) => {
    const expected = await signIn.takeChallenge(input.challenge_id, `enrol:${hash}`)
    const rp = relyingParty(c.var.baseUrl)
    const passkey =
      expected &&
      (await verifyRegistration(rp, expected, input.response, input.label ?? 'Passkey 1'))
    if (!passkey) throw notVerified('new passkey')
    return startSession(c, async (session) =>
      unwrap(await signIn.completeEnrolment(hash, passkey, session)),
    )
  })
})

// ---- sign-in and sign-out ----------------------------------------------------------------

deskAuth.post('/signin/options', async (c) => {
  checkOrigin(c)
  const options = await authenticationOptions(relyingParty(c.var.baseUrl))
  const challenge_id = await challenge(c, options.challenge, 'signin')
  return c.json({ challenge_id, options })
})

deskAuth.post('/signin', async (c) => {
  checkOrigin(c)
  const input = await readJsonBody(c, SignInInput)
  return withSignIn(c.env, async (signIn) => {
    const expected = await signIn.takeChallenge(input.challenge_id, 'signin')
    const passkey = expected ? await signIn.passkey(input.response.id) : undefined
    const counter =
      expected &&
      passkey &&
      (await verifyAuthentication(relyingParty(c.var.baseUrl), expected, input.response, passkey))
    if (typeof counter !== 'number' || !passkey) throw notVerified('passkey')
    return startSession(c, async (session) =>
      unwrap(await signIn.signIn(passkey.id, counter, session)),
    )
  })
})

/** Ends this session (`?everywhere=1`: every session of the publisher). */
deskAuth.post('/signout', requireDeskSession, async (c) => {
  return withSignIn(c.env, async (signIn) => {
    if (c.req.query('everywhere')) await signIn.endSessions(c.var.principal.id)
    else await signIn.endSession(await tokenHash(sessionIdOf(c.req.header('Cookie'))!))
    c.header('Set-Cookie', sessionCookie(''))
    return c.body(null, 204)
  })
})

// ---- the publisher's passkeys ------------------------------------------------------------

deskAuth.get('/passkeys', requireDeskSession, async (c) =>
  c.json({ items: await withSignIn(c.env, async (s) => await s.listPasskeys(c.var.principal.id)) }),
)

deskAuth.post('/passkeys/options', requireDeskSession, async (c) => {
  const { principal } = c.var
  return withSignIn(c.env, async (signIn) => {
    const existing = (await signIn.listPasskeys(principal.id)).map((p) => p.id)
    const rp = relyingParty(c.var.baseUrl)
    const options = await registrationOptions(rp, c.var.config.siteTitle, principal, existing)
    const challenge_id = await challenge(c, options.challenge, `add:${principal.id}`)
    return c.json({ challenge_id, options })
  })
})

deskAuth.post('/passkeys', requireDeskSession, async (c) => {
  const input = await readJsonBody(c, RegistrationInput)
  const { principal } = c.var
  return withSignIn(c.env, async (signIn) => {
    const expected = await signIn.takeChallenge(input.challenge_id, `add:${principal.id}`)
    const label = input.label ?? `Passkey ${(await signIn.listPasskeys(principal.id)).length + 1}`
    const passkey =
      expected &&
      (await verifyRegistration(relyingParty(c.var.baseUrl), expected, input.response, label))
    if (!passkey) throw notVerified('new passkey')
    return c.json({ items: unwrap(await signIn.addPasskey(principal.id, passkey)) }, 201)
  })
})

deskAuth.delete('/passkeys/:id', requireDeskSession, async (c) => {
  const id = c.req.param('id')
  unwrap(await withSignIn(c.env, async (s) => await s.removePasskey(c.var.principal.id, id)))
  return c.body(null, 204)
})
