/**
 * What the desk's sign-in calls accept. A WebAuthn answer is checked here only for its shape;
 * @simplewebauthn/server checks what it says.
 */
import { z } from 'zod'
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server'

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be base64url')

const Credential = z.looseObject({
  id: base64url.max(1024),
  rawId: base64url.max(1024),
  type: z.literal('public-key'),
  response: z.looseObject({ clientDataJSON: base64url.max(8192) }),
  clientExtensionResults: z.looseObject({}),
})

/** An enrolment link's token: 43 base64url characters (256 random bits). */
export const EnrolmentToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not an enrolment link')

const ChallengeId = z.string().uuid('not a challenge this site gave out')

/** A name the publisher gives a passkey ("work laptop"), to tell them apart in the list. */
const Label = z.string().trim().min(1).max(60).optional()

export const EnrolOptionsInput = z.object({ token: EnrolmentToken })

export const RegistrationInput = z.object({
  challenge_id: ChallengeId,
  label: Label,
  response: Credential.extend({
    response: z.looseObject({
      clientDataJSON: base64url.max(8192),
      attestationObject: base64url.max(65536),
    }),
  }).transform((r) => r as unknown as RegistrationResponseJSON),
})

export const EnrolInput = RegistrationInput.extend({ token: EnrolmentToken })

export const SignInInput = z.object({
  challenge_id: ChallengeId,
  response: Credential.extend({
    response: z.looseObject({
      clientDataJSON: base64url.max(8192),
      authenticatorData: base64url.max(65536),
      signature: base64url.max(8192),
    }),
  }).transform((r) => r as unknown as AuthenticationResponseJSON),
})

/** A write's `delivery` sent back by the desk to ask how far it has gone (it stores nothing). */
export const DeliveryQuery = z.object({
  tags: z.array(z.string().max(1024)).max(1000),
  feeds: z.array(z.string().max(2048)).max(1000).default([]),
  second: z.iso.datetime(),
})
