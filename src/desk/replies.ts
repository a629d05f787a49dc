/**
 * `Idempotency-Key` (IETF httpapi draft): a write sent again with the same key and the same
 * body gets the answer the first one got, whatever happened since; the same key with another
 * body is refused with 422. Answers are kept a day, per publisher, in the coordinator, so a
 * retry is recognised whichever location it reaches.
 */
import { refuse, type Idempotency, type Outcome, type Reply } from './protocol'

/** How long an answer is kept for replays. */
const KEEP_MS = 24 * 3600 * 1000

interface Row extends Record<string, SqlStorageValue> {
  fingerprint: string
  status: number
  article_id: string
  location: string | null
  body: string | null
}

export class Replies {
  constructor(private readonly sql: SqlStorage) {}

  /**
   * Runs `write` once per key: a stored answer is replayed (marked `replayed`), a key reused
   * with another request is refused. Runs inside the write's transaction, so the answer is
   * stored exactly when the write is.
   */
  once(
    principal: string,
    idempotency: Idempotency | undefined,
    write: () => Outcome<Reply>,
  ): Outcome<Reply> {
    if (!idempotency) return write()
    const row = this.sql
      .exec<Row>(
        'SELECT fingerprint, status, article_id, location, body FROM replies WHERE principal = ? AND key = ? AND expires_ms > ?',
        principal,
        idempotency.key,
        Date.now(),
      )
      .toArray()[0]
    if (row) {
      if (row.fingerprint !== idempotency.fingerprint) {
        return refuse(
          422,
          'Idempotency-Key reused',
          'This Idempotency-Key was sent before with a different request; use a new key for a new request.',
        )
      }
      const reply: Reply = {
        status: row.status as Reply['status'],
        id: row.article_id,
        json: row.body,
        replayed: true,
        ...(row.location ? { location: row.location } : {}),
      }
      return { ok: true, status: reply.status, value: reply }
    }
    const outcome = write()
    if (outcome.ok) {
      this.sql.exec(
        'INSERT OR REPLACE INTO replies (principal, key, fingerprint, status, article_id, location, body, expires_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        principal,
        idempotency.key,
        idempotency.fingerprint,
        outcome.value.status,
        outcome.value.id,
        outcome.value.location ?? null,
        outcome.value.json,
        Date.now() + KEEP_MS,
      )
    }
    return outcome
  }

  /** Forgets answers past their day; at most once a minute, as nobody waits on it. */
  forgetExpired(now: number): void {
    if (now - this.forgotAt < 60_000) return
    this.forgotAt = now
    this.sql.exec('DELETE FROM replies WHERE expires_ms <= ?', now)
  }

  private forgotAt = -Infinity
}
