/**
 * Publisher records in KV. Each is stored under the hash of its token, with its name in
 * the key's metadata so that listing and revoking by name need one `list()`.
 */
import { PUBLISHER_PREFIX, publisherKey } from './keys'

export interface Publisher {
  name: string
  display_name?: string
  /** Credited on this publisher's articles that name no author. */
  default_author?: string
  created: string
}

interface PublisherMeta {
  name: string
}

/** The publisher a token hash belongs to; undefined for an unknown or revoked token. */
export async function getPublisherByHash(
  kv: KVNamespace,
  tokenHash: string,
): Promise<Publisher | undefined> {
  return (await kv.get<Publisher>(publisherKey(tokenHash), 'json')) ?? undefined
}

/** Every publisher, with the hash its record is stored under. */
export async function listPublishers(
  kv: KVNamespace,
): Promise<{ hash: string; publisher: Publisher }[]> {
  const found: { hash: string; name: string }[] = []
  let cursor: string | undefined
  do {
    const page = await kv.list<PublisherMeta>({ prefix: PUBLISHER_PREFIX, cursor })
    for (const key of page.keys) {
      if (key.metadata)
        found.push({ hash: key.name.slice(PUBLISHER_PREFIX.length), name: key.metadata.name })
    }
    cursor = page.list_complete ? undefined : page.cursor
  } while (cursor)
  const records = await Promise.all(found.map((f) => getPublisherByHash(kv, f.hash)))
  return found.flatMap((f, i) => (records[i] ? [{ hash: f.hash, publisher: records[i]! }] : []))
}

export async function putPublisher(
  kv: KVNamespace,
  tokenHash: string,
  publisher: Publisher,
): Promise<void> {
  await kv.put(publisherKey(tokenHash), JSON.stringify(publisher), {
    metadata: { name: publisher.name },
  })
}

/** Revokes by name; false when no publisher has that name. */
export async function deletePublisher(kv: KVNamespace, name: string): Promise<boolean> {
  const match = (await listPublishers(kv)).filter((p) => p.publisher.name === name)
  await Promise.all(match.map((p) => kv.delete(publisherKey(p.hash))))
  return match.length > 0
}
