/** Each publisher's passkeys: the public key and counter WebAuthn checks a sign-in against. */

/** A passkey as the Worker verified it at registration. */
export interface NewPasskey {
  /** The credential id, base64url. */
  id: string
  /** The COSE public key, base64url. */
  publicKey: string
  counter: number
  transports: string[]
  label: string
}

/** What a publisher sees of a passkey in the desk's list. */
export interface PasskeyInfo {
  id: string
  label: string
  created: string
  last_used?: string
}

export interface StoredPasskey extends NewPasskey {
  publisherId: string
}

interface Row extends Record<string, SqlStorageValue> {
  id: string
  publisher_id: string
  public_key: string
  counter: number
  transports: string
  label: string
  created_ms: number
  used_ms: number | null
}

export class Passkeys {
  constructor(private readonly sql: SqlStorage) {}

  add(publisherId: string, passkey: NewPasskey, now: number): void {
    this.sql.exec(
      'INSERT INTO passkeys (id, publisher_id, public_key, counter, transports, label, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
      passkey.id,
      publisherId,
      passkey.publicKey,
      passkey.counter,
      JSON.stringify(passkey.transports),
      passkey.label,
      now,
    )
  }

  get(id: string): StoredPasskey | undefined {
    const row = this.sql.exec<Row>('SELECT * FROM passkeys WHERE id = ?', id).toArray()[0]
    if (!row) return undefined
    return {
      id: row.id,
      publisherId: row.publisher_id,
      publicKey: row.public_key,
      counter: row.counter,
      transports: JSON.parse(row.transports) as string[],
      label: row.label,
    }
  }

  /** A publisher's passkeys, oldest first. */
  forPublisher(publisherId: string): PasskeyInfo[] {
    return this.sql
      .exec<Row>(
        'SELECT * FROM passkeys WHERE publisher_id = ? ORDER BY created_ms, rowid',
        publisherId,
      )
      .toArray()
      .map((row) => ({
        id: row.id,
        label: row.label,
        created: new Date(row.created_ms).toISOString(),
        ...(row.used_ms === null ? {} : { last_used: new Date(row.used_ms).toISOString() }),
      }))
  }

  use(id: string, counter: number, now: number): void {
    this.sql.exec('UPDATE passkeys SET counter = ?, used_ms = ? WHERE id = ?', counter, now, id)
  }

  remove(publisherId: string, id: string): void {
    this.sql.exec('DELETE FROM passkeys WHERE id = ? AND publisher_id = ?', id, publisherId)
  }
}
