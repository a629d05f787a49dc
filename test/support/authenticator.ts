/**
 * A software passkey for the tests: an ES256 key pair in WebCrypto answering WebAuthn
 * ceremonies as an authenticator with user verification would ("none" attestation), so the
 * desk's sign-in runs for real against @simplewebauthn/server. The browser suite uses
 * Chromium's virtual authenticator instead.
 */
import { base64url as b64url, sha256 } from '../../src/digest'
import { concat } from '../../src/media/gps/bytes'

const fromB64url = (text: string) =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))

/** CBOR (RFC 8949) for what an attestation needs: ints, text, bytes, maps. */
function cbor(value: unknown): Uint8Array {
  const head = (major: number, n: number) =>
    n < 24
      ? Uint8Array.of((major << 5) | n)
      : n < 256
        ? Uint8Array.of((major << 5) | 24, n)
        : Uint8Array.of((major << 5) | 25, n >> 8, n & 255)
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value)
  if (typeof value === 'string') {
    const bytes = new TextEncoder().encode(value)
    return concat([head(3, bytes.length), bytes])
  }
  if (value instanceof Uint8Array) return concat([head(2, value.length), value])
  const entries = value instanceof Map ? [...value] : Object.entries(value as object)
  return concat([head(5, entries.length), ...entries.flatMap(([k, v]) => [cbor(k), cbor(v)])])
}

/** WebCrypto's r||s signature as the DER sequence WebAuthn carries. */
function der(raw: Uint8Array): Uint8Array {
  const int = (b: Uint8Array) => {
    let i = 0
    while (i < b.length - 1 && b[i] === 0) i++
    let v: Uint8Array = b.slice(i)
    if (v[0]! & 0x80) v = concat([Uint8Array.of(0), v])
    return concat([Uint8Array.of(2, v.length), v])
  }
  const body = concat([int(raw.slice(0, 32)), int(raw.slice(32))])
  return concat([Uint8Array.of(0x30, body.length), body])
}

const UP_UV = 0x01 | 0x04

export class SoftPasskey {
  private counter = 0
  private constructor(
    readonly id: Uint8Array,
    private readonly keys: CryptoKeyPair,
  ) {}

  static async make(): Promise<SoftPasskey> {
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair
    return new SoftPasskey(crypto.getRandomValues(new Uint8Array(16)), keys)
  }

  get credentialId(): string {
    return b64url(this.id)
  }

  private clientData(type: string, challenge: string, origin: string) {
    return new TextEncoder().encode(JSON.stringify({ type, challenge, origin, crossOrigin: false }))
  }

  /** Answers registration options (their `challenge` and `rp.id`) from `origin`. */
  async register(options: { challenge: string; rp: { id?: string } }, origin: string) {
    const jwk = (await crypto.subtle.exportKey('jwk', this.keys.publicKey)) as JsonWebKey
    const cose = cbor(
      new Map<number, unknown>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, fromB64url(jwk.x!)],
        [-3, fromB64url(jwk.y!)],
      ]),
    )
    const authData = concat([
      await sha256(new TextEncoder().encode(options.rp.id ?? new URL(origin).hostname)),
      Uint8Array.of(UP_UV | 0x40),
      new Uint8Array(4),
      new Uint8Array(16),
      Uint8Array.of(this.id.length >> 8, this.id.length & 255),
      this.id,
      cose,
    ])
    const attestationObject = cbor({ fmt: 'none', attStmt: new Map(), authData })
    const clientDataJSON = this.clientData('webauthn.create', options.challenge, origin)
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientDataJSON),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
      clientExtensionResults: {},
    }
  }

  /** Answers sign-in options with a signature over the challenge, from `origin`. */
  async authenticate(options: { challenge: string; rpId?: string }, origin: string) {
    this.counter += 1
    const authData = concat([
      await sha256(new TextEncoder().encode(options.rpId ?? new URL(origin).hostname)),
      Uint8Array.of(UP_UV),
      Uint8Array.of(0, 0, 0, this.counter),
    ])
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, origin)
    const signed = concat([authData, await sha256(clientDataJSON)])
    const raw = new Uint8Array(
      await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, this.keys.privateKey, signed),
    )
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(der(raw)),
      },
      clientExtensionResults: {},
    }
  }
}
