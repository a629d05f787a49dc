/**
 * The desk's sign-in state, kept by the coordinator and reached over RPC as one target
 * (`Desk.signIn()`): enrolment links, passkeys, WebAuthn challenges and sessions. Every method
 * runs synchronously inside the object, so taking a link or a challenge happens once however
 * many requests race for it. The WebAuthn verification itself runs in the Worker
 * (src/routes/desk-auth.ts); this only stores what it decided.
 */
import { RpcTarget } from 'cloudflare:workers'
import {
  CHALLENGE_TTL_MS,
  ENROLMENT_TTL_MS,
  enrolmentRefusal,
  sessionAlive,
  SESSION_TOUCH_MS,
} from '../access/session-rules'
import type { PublisherRecord } from '../store/publishers'
import { refuse, type Outcome, type Writer } from './protocol'
import type { PublisherRegistry } from './publishers'
import { Passkeys, type NewPasskey, type PasskeyInfo, type StoredPasskey } from './passkeys'
import { Sessions } from './sessions'

/** A session as a desk request sees it: who is signed in, and the token its writes carry. */
export interface DeskSession {
  writer: Writer
  defaultAuthor?: string
  csrf: string
}

/** A new session to open: the hash of its id (the id itself lives only in the cookie). */
export interface NewSession {
  idHash: string
  csrf: string
}

export class SignIn extends RpcTarget {
  private readonly passkeys: Passkeys
  private readonly sessions: Sessions

  constructor(
    private readonly sql: SqlStorage,
    private readonly publishers: PublisherRegistry,
  ) {
    super()
    this.passkeys = new Passkeys(sql)
    this.sessions = new Sessions(sql)
  }

  /** Stores a one-time enrolment link for the active publisher `name`; when it expires. */
  createEnrolment(name: string, tokenHash: string): Outcome<{ expires: string }> {
    const publisher = this.publishers.byName(name)
    if (!publisher) return refuse(404, 'Not Found', `No publisher is named "${name}".`)
    const now = Date.now()
    const expiresMs = now + ENROLMENT_TTL_MS
    this.sql.exec(
      'INSERT INTO enrolments (token_hash, publisher_id, created_ms, expires_ms) VALUES (?, ?, ?, ?)',
      tokenHash,
      publisher.id,
      now,
      expiresMs,
    )
    return { ok: true, status: 201, value: { expires: new Date(expiresMs).toISOString() } }
  }

  /** The publisher an enrolment link is for, while it can still be used. */
  enrolment(tokenHash: string): Outcome<{ publisher: PublisherRecord; passkeys: string[] }> {
    const row = this.sql
      .exec<{ publisher_id: string; expires_ms: number; used_ms: number | null }>(
        'SELECT publisher_id, expires_ms, used_ms FROM enrolments WHERE token_hash = ?',
        tokenHash,
      )
      .toArray()[0]
    const publisher = row && this.publishers.byId(row.publisher_id)
    if (!row || !publisher) {
      return refuse(404, 'Not Found', 'This enrolment link is not one this site gave out.')
    }
    const why = enrolmentRefusal({ expiresMs: row.expires_ms, usedMs: row.used_ms }, Date.now())
    if (why) {
      return refuse(
        410,
        'Gone',
        why === 'used'
          ? 'This enrolment link was used already. Ask the admin for a new one.'
          : 'This enrolment link has expired (links last 24 hours). Ask the admin for a new one.',
      )
    }
    const passkeys = this.passkeys.forPublisher(publisher.id).map((p) => p.id)
    return { ok: true, status: 200, value: { publisher, passkeys } }
  }

  /** Keeps a challenge for `purpose` until it is answered or expires. */
  putChallenge(id: string, challenge: string, purpose: string): void {
    const now = Date.now()
    this.sql.exec('DELETE FROM challenges WHERE expires_ms <= ?', now)
    this.sql.exec(
      'INSERT INTO challenges (id, challenge, purpose, expires_ms) VALUES (?, ?, ?, ?)',
      id,
      challenge,
      purpose,
      now + CHALLENGE_TTL_MS,
    )
  }

  /** Takes a challenge out (once): undefined when it is unknown, expired or for another purpose. */
  takeChallenge(id: string, purpose: string): string | undefined {
    const row = this.sql
      .exec<{ challenge: string; purpose: string; expires_ms: number }>(
        'DELETE FROM challenges WHERE id = ? RETURNING challenge, purpose, expires_ms',
        id,
      )
      .toArray()[0]
    if (!row || row.purpose !== purpose || row.expires_ms <= Date.now()) return undefined
    return row.challenge
  }

  /** Uses the link (once), registers the passkey and opens a session, all or nothing. */
  completeEnrolment(tokenHash: string, passkey: NewPasskey, session: NewSession) {
    const valid = this.enrolment(tokenHash)
    if (!valid.ok) return valid
    const { publisher } = valid.value
    this.sql.exec('UPDATE enrolments SET used_ms = ? WHERE token_hash = ?', Date.now(), tokenHash)
    this.passkeys.add(publisher.id, passkey, Date.now())
    return this.open(publisher.id, session)
  }

  /** A passkey by its credential id, while its publisher is active. */
  passkey(id: string): StoredPasskey | undefined {
    const passkey = this.passkeys.get(id)
    return passkey && this.publishers.isActive(passkey.publisherId) ? passkey : undefined
  }

  /** Records a verified sign-in (the authenticator's new counter) and opens a session. */
  signIn(id: string, counter: number, session: NewSession): Outcome<DeskSession> {
    const passkey = this.passkey(id)
    if (!passkey) return refuse(401, 'Unauthorized', 'This passkey is not registered here.')
    this.passkeys.use(id, counter, Date.now())
    return this.open(passkey.publisherId, session)
  }

  /**
   * Opens a session for the publisher whose access email Cloudflare Access vouched for (the
   * Worker verified the token); refused when no active publisher has it.
   */
  accessSignIn(email: string, session: NewSession): Outcome<DeskSession> {
    const publisher = this.publishers.byAccessEmail(email)
    if (!publisher) {
      return refuse(403, 'Forbidden', 'No publisher signs in to the desk with this email.')
    }
    return this.open(publisher.id, session)
  }

  /** The live session whose id hashes to `idHash`, marked as used now. */
  session(idHash: string): DeskSession | undefined {
    const now = Date.now()
    const row = this.sessions.get(idHash)
    const publisher = row && this.publishers.byId(row.publisherId)
    if (!row || !publisher || !sessionAlive(row, now)) {
      if (row) this.sessions.end(idHash)
      return undefined
    }
    if (now - row.seenMs >= SESSION_TOUCH_MS) this.sessions.touch(idHash, now)
    return toDeskSession(publisher, row.csrf)
  }

  endSession(idHash: string): void {
    this.sessions.end(idHash)
  }

  /** Ends every session of a publisher (a revocation, or "sign out everywhere"). */
  endSessions(publisherId: string): void {
    this.sessions.endAll(publisherId)
  }

  listPasskeys(publisherId: string): PasskeyInfo[] {
    return this.passkeys.forPublisher(publisherId)
  }

  addPasskey(publisherId: string, passkey: NewPasskey): Outcome<PasskeyInfo[]> {
    if (!this.publishers.isActive(publisherId)) {
      return refuse(401, 'Unauthorized', 'This publisher was revoked.')
    }
    this.passkeys.add(publisherId, passkey, Date.now())
    return { ok: true, status: 201, value: this.passkeys.forPublisher(publisherId) }
  }

  /** Removes one of a publisher's passkeys, never the last (that would lock them out). */
  removePasskey(publisherId: string, id: string): Outcome<null> {
    const mine = this.passkeys.forPublisher(publisherId)
    if (!mine.some((p) => p.id === id)) return refuse(404, 'Not Found', 'No such passkey.')
    if (mine.length === 1) {
      return refuse(
        409,
        'Conflict',
        'This is your only passkey: add another before removing it, or you could not sign in.',
      )
    }
    this.passkeys.remove(publisherId, id)
    return { ok: true, status: 204, value: null }
  }

  private open(publisherId: string, session: NewSession): Outcome<DeskSession> {
    const publisher = this.publishers.byId(publisherId)
    if (!publisher) return refuse(401, 'Unauthorized', 'This publisher was revoked.')
    this.sessions.open(session.idHash, publisherId, session.csrf, Date.now())
    return { ok: true, status: 201, value: toDeskSession(publisher, session.csrf) }
  }
}

function toDeskSession(publisher: PublisherRecord, csrf: string): DeskSession {
  return {
    writer: { id: publisher.id, name: publisher.name, admin: false, scopes: publisher.scopes },
    ...(publisher.default_author ? { defaultAuthor: publisher.default_author } : {}),
    csrf,
  }
}
