/**
 * Publishers on the read side: each publisher's record under the hash of its token, so that
 * a request is authenticated with one KV read. The write coordinator keeps the registry
 * (names, revocations) and writes these keys.
 */
import type { Scope } from '../access/scopes'
import { publisherKey } from './keys'

/** A publisher as a request sees it once its token is recognised. */
export interface PublisherRecord {
  /** Stable and never reused: articles belong to this, not to the name. */
  id: string
  name: string
  display_name?: string
  /** Credited on this publisher's articles that name no author. */
  default_author?: string
  /** What its token may do (src/access/scopes.ts). */
  scopes: Scope[]
  created: string
  /** The email Cloudflare Access vouches for that signs this publisher in to the desk. */
  access_email?: string
}

/** A publisher as KV holds it: one issued before scopes existed has none, and may do anything. */
export type StoredPublisher = Omit<PublisherRecord, 'scopes'> & { scopes?: Scope[] }

/** The publisher a token hash belongs to; undefined for an unknown or revoked token. */
export async function getPublisherByHash(
  kv: KVNamespace,
  tokenHash: string,
): Promise<StoredPublisher | undefined> {
  return (await kv.get<StoredPublisher>(publisherKey(tokenHash), 'json')) ?? undefined
}
