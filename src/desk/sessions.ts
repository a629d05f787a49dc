/** Desk sessions, server-side: the cookie holds a random id, this table its hash and expiry. */

export interface SessionRow {
  publisherId: string
  csrf: string
  createdMs: number
  seenMs: number
}

export class Sessions {
  constructor(private readonly sql: SqlStorage) {}

  open(idHash: string, publisherId: string, csrf: string, now: number): void {
    this.sql.exec(
      'INSERT INTO sessions (id_hash, publisher_id, csrf, created_ms, seen_ms) VALUES (?, ?, ?, ?, ?)',
      idHash,
      publisherId,
      csrf,
      now,
      now,
    )
  }

  get(idHash: string): SessionRow | undefined {
    const row = this.sql
      .exec<{ publisher_id: string; csrf: string; created_ms: number; seen_ms: number }>(
        'SELECT publisher_id, csrf, created_ms, seen_ms FROM sessions WHERE id_hash = ?',
        idHash,
      )
      .toArray()[0]
    return (
      row && {
        publisherId: row.publisher_id,
        csrf: row.csrf,
        createdMs: row.created_ms,
        seenMs: row.seen_ms,
      }
    )
  }

  touch(idHash: string, now: number): void {
    this.sql.exec('UPDATE sessions SET seen_ms = ? WHERE id_hash = ?', now, idHash)
  }

  end(idHash: string): void {
    this.sql.exec('DELETE FROM sessions WHERE id_hash = ?', idHash)
  }

  endAll(publisherId: string): void {
    this.sql.exec('DELETE FROM sessions WHERE publisher_id = ?', publisherId)
  }
}
