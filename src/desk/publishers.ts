/**
 * The publisher registry: who may publish, under which name. Names are unique among active
 * publishers; each publisher also has an id that is never reused, and articles belong to the
 * id, so a name given out again after a revocation inherits nothing.
 */
import { parseScopes, scopeText, SCOPES, type Scope } from '../access/scopes'
import type { PublisherRecord } from '../store/publishers'
import type { NewPublisher } from './protocol'

interface Row extends Record<string, SqlStorageValue> {
  id: string
  name: string
  token_hash: string
  display_name: string | null
  default_author: string | null
  created: string
  scopes: string
  access_email: string | null
}

function fromRow(row: Row): PublisherRecord {
  return {
    id: row.id,
    name: row.name,
    ...(row.display_name ? { display_name: row.display_name } : {}),
    ...(row.default_author ? { default_author: row.default_author } : {}),
    scopes: parseScopes(row.scopes),
    created: row.created,
    ...(row.access_email ? { access_email: row.access_email } : {}),
  }
}

export class PublisherRegistry {
  constructor(private readonly sql: SqlStorage) {}

  /** The active publisher with `name`. */
  byName(name: string): (PublisherRecord & { tokenHash: string }) | undefined {
    const row = this.sql
      .exec<Row>('SELECT * FROM publishers WHERE name = ? AND revoked IS NULL', name)
      .toArray()[0]
    return row && { ...fromRow(row), tokenHash: row.token_hash }
  }

  /** What the active publisher `id` may do; undefined when it is revoked or unknown. */
  activeScopes(id: string): Scope[] | undefined {
    const row = this.sql
      .exec<{ scopes: string }>(
        'SELECT scopes FROM publishers WHERE id = ? AND revoked IS NULL',
        id,
      )
      .toArray()[0]
    return row && parseScopes(row.scopes)
  }

  /** The active publisher with `id`. */
  byId(id: string): PublisherRecord | undefined {
    const row = this.sql
      .exec<Row>('SELECT * FROM publishers WHERE id = ? AND revoked IS NULL', id)
      .toArray()[0]
    return row && fromRow(row)
  }

  isActive(id: string): boolean {
    return this.activeScopes(id) !== undefined
  }

  /** Registers a publisher; undefined when the name is taken. */
  add(input: NewPublisher, tokenHash: string, now: number): PublisherRecord | undefined {
    if (this.byName(input.name)) return undefined
    const record: PublisherRecord = {
      id: `p_${crypto.randomUUID().replace(/-/g, '')}`,
      ...input,
      scopes: SCOPES.filter((s) => (input.scopes ?? SCOPES).includes(s)),
      created: new Date(now).toISOString(),
    }
    this.sql.exec(
      'INSERT INTO publishers (id, name, token_hash, display_name, default_author, created, scopes) VALUES (?, ?, ?, ?, ?, ?, ?)',
      record.id,
      record.name,
      tokenHash,
      record.display_name ?? null,
      record.default_author ?? null,
      record.created,
      scopeText(record.scopes),
    )
    return record
  }

  /** The active publisher Cloudflare Access signs in with `email` (lower-case). */
  byAccessEmail(email: string): PublisherRecord | undefined {
    const row = this.sql
      .exec<Row>(
        'SELECT * FROM publishers WHERE access_email = ? AND revoked IS NULL',
        email.toLowerCase(),
      )
      .toArray()[0]
    return row && fromRow(row)
  }

  /**
   * Sets (or with null, clears) the Access email of the active publisher `name`: the record,
   * undefined when there is no such publisher, or `taken` when another active one has it.
   */
  setAccessEmail(name: string, email: string | null): PublisherRecord | 'taken' | undefined {
    const publisher = this.byName(name)
    if (!publisher) return undefined
    const holder = email === null ? undefined : this.byAccessEmail(email)
    if (holder && holder.id !== publisher.id) return 'taken'
    this.sql.exec(
      'UPDATE publishers SET access_email = ? WHERE id = ?',
      email?.toLowerCase() ?? null,
      publisher.id,
    )
    return this.byId(publisher.id)
  }

  /** Every active publisher, by name. */
  list(): PublisherRecord[] {
    return this.sql
      .exec<Row>('SELECT * FROM publishers WHERE revoked IS NULL ORDER BY name')
      .toArray()
      .map(fromRow)
  }

  /** Revokes the active publisher `name`; its token hash, or undefined when there is none. */
  revoke(name: string, now: number): string | undefined {
    const publisher = this.byName(name)
    if (!publisher) return undefined
    this.sql.exec(
      'UPDATE publishers SET revoked = ? WHERE id = ?',
      new Date(now).toISOString(),
      publisher.id,
    )
    return publisher.tokenHash
  }
}
