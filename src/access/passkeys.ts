/**
 * WebAuthn ceremonies, done by @simplewebauthn/server: the options a browser is given, and
 * the checks of what its authenticator answers (challenge, origin, relying party, signature,
 * user verification). The coordinator stores the outcome (src/desk/signin.ts).
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server'
import { isoBase64URL } from '@simplewebauthn/server/helpers'
import type { NewPasskey, StoredPasskey } from '../desk/passkeys'
import type { RelyingParty } from './session-rules'

/** Passkeys proper: kept on the device (discoverable) and unlocked by the person. */
const AUTHENTICATOR = { residentKey: 'required', userVerification: 'required' } as const

/**
 * What every answer is checked against: the challenge given, this site (origin and relying
 * party), and the person verified. An answer the library cannot even read does not verify.
 */
function verifying<T>(
  rp: RelyingParty,
  challenge: string,
  check: (expected: {
    expectedChallenge: string
    expectedOrigin: string
    expectedRPID: string
    requireUserVerification: true
  }) => Promise<T>,
): Promise<T | undefined> {
  return check({
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: true,
  }).catch(() => undefined)
}

/** The options for registering a passkey for `publisher`, excluding those it holds. */
export function registrationOptions(
  rp: RelyingParty,
  siteTitle: string,
  publisher: { id: string; name: string; display_name?: string },
  existing: string[],
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return generateRegistrationOptions({
    rpName: siteTitle,
    rpID: rp.id,
    userName: publisher.name,
    userDisplayName: publisher.display_name ?? publisher.name,
    userID: isoBase64URL.toBuffer(isoBase64URL.fromUTF8String(publisher.id)),
    attestationType: 'none',
    excludeCredentials: existing.map((id) => ({ id })),
    authenticatorSelection: AUTHENTICATOR,
  })
}

/** The registered passkey, or undefined when the answer does not verify. */
export async function verifyRegistration(
  rp: RelyingParty,
  challenge: string,
  response: RegistrationResponseJSON,
  label: string,
): Promise<NewPasskey | undefined> {
  const result = await verifying(rp, challenge, (expected) =>
    verifyRegistrationResponse({ response, ...expected }),
  )
  if (!result?.verified) return undefined
  const { credential } = result.registrationInfo
  return {
    id: credential.id,
    publicKey: isoBase64URL.fromBuffer(credential.publicKey),
    counter: credential.counter,
    transports: credential.transports ?? [],
    label,
  }
}

/** Sign-in options: any passkey of this site the device holds (no user name typed first). */
export function authenticationOptions(
  rp: RelyingParty,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return generateAuthenticationOptions({ rpID: rp.id, userVerification: 'required' })
}

/** The authenticator's new counter, or undefined when the answer does not verify. */
export async function verifyAuthentication(
  rp: RelyingParty,
  challenge: string,
  response: AuthenticationResponseJSON,
  passkey: StoredPasskey,
): Promise<number | undefined> {
  const credential = {
    id: passkey.id,
    publicKey: isoBase64URL.toBuffer(passkey.publicKey),
    counter: passkey.counter,
    transports: passkey.transports,
  }
  const result = await verifying(rp, challenge, (expected) =>
    verifyAuthenticationResponse({ response, credential, ...expected }),
  )
  return result?.verified ? result.authenticationInfo.newCounter : undefined
}
