/**
 * The coordinator's record of each id, read and written with SQLite in its Durable Object.
 * Every call is synchronous, so a decision made from a read and the write that follows it
 * can not be interleaved with another request's.
 */
import type { Article } from '../articles/model'

interface RecordBase {
  id: string
  /** The publisher's stable id (never its name), or `admin`. */
  owner: string
  article: Article
  publishedMs: number
  revision: number
  /** Every KV key this id may hold. */
  kvKeys: string[]
  /** The revision KV holds. */
  kvRevision: number
  /** When readers' view of the id last changed (a publish, an edit, a release, a deletion). */
  changedMs: number
}

/** Public: in every page and feed. */
export interface LiveRecord extends RecordBase {
  state: 'live'
}

/** Waiting for its `published` time, visible only to its owner and the admin. */
export interface ScheduledRecord extends RecordBase {
  state: 'scheduled'
}

/**
 * Kept unpublished by its publisher, visible only to its owner and the admin, never in KV;
 * its id stays reserved. `publishedMs` is the time it was saved with, until it is published.
 */
export interface DraftRecord extends RecordBase {
  state: 'draft'
}

/** Deleted: its tombstone answers 410 until `expiresMs`, and the id stays its owner's. */
export interface DeletedRecord extends RecordBase {
  state: 'deleted'
  deletedMs: number
  /** When the tombstone lapses; `deletedMs` itself for an article that was never public. */
  expiresMs: number
}

export type ArticleRecord = LiveRecord | ScheduledRecord | DraftRecord | DeletedRecord
export type RecordState = ArticleRecord['state']

/** Whether a deleted article was public, so readers are told of its deletion. */
export function tombstoneShown(record: DeletedRecord): boolean {
  return record.expiresMs > record.deletedMs
}

/** A deleted id whose tombstone has not lapsed: still reserved for its owner. */
export function isTombstone(record: ArticleRecord, now: number): record is DeletedRecord {
  return record.state === 'deleted' && record.expiresMs > now
}

/** Rows a listing reads at a time, at least: a search passes over most of what it reads. */
const PAGE_BATCH = 100

interface Row extends Record<string, SqlStorageValue> {
  id: string
  state: RecordState
  owner: string
  article: string
  published_ms: number
  revision: number
  deleted_ms: number | null
  expires_ms: number | null
  kv_keys: string
  kv_revision: number
  changed_ms: number
}

function fromRow(row: Row): ArticleRecord {
  const base: RecordBase = {
    id: row.id,
    owner: row.owner,
    article: JSON.parse(row.article) as Article,
    publishedMs: row.published_ms,
    revision: row.revision,
    kvKeys: JSON.parse(row.kv_keys) as string[],
    kvRevision: row.kv_revision,
    changedMs: row.changed_ms,
  }
  if (row.state !== 'deleted') return { ...base, state: row.state }
  if (row.deleted_ms === null || row.expires_ms === null) {
    throw new Error(`the deleted record of "${row.id}" has no deletion time`)
  }
  return { ...base, state: 'deleted', deletedMs: row.deleted_ms, expiresMs: row.expires_ms }
}

export class Records {
  constructor(private readonly sql: SqlStorage) {}

  get(id: string): ArticleRecord | undefined {
    const row = this.sql.exec<Row>('SELECT * FROM articles WHERE id = ?', id).toArray()[0]
    return row && fromRow(row)
  }

  /** Stores a record as decided. */
  save(record: ArticleRecord): void {
    const deleted = record.state === 'deleted' ? record : undefined
    this.sql.exec(
      `INSERT INTO articles (id, state, owner, article, published_ms, revision, deleted_ms, expires_ms, kv_keys, kv_revision, changed_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state, owner = excluded.owner,
         article = excluded.article, published_ms = excluded.published_ms,
         revision = excluded.revision, deleted_ms = excluded.deleted_ms,
         expires_ms = excluded.expires_ms, kv_keys = excluded.kv_keys,
         kv_revision = excluded.kv_revision, changed_ms = excluded.changed_ms`,
      record.id,
      record.state,
      record.owner,
      JSON.stringify(record.article),
      record.publishedMs,
      record.revision,
      deleted?.deletedMs ?? null,
      deleted?.expiresMs ?? null,
      JSON.stringify(record.kvKeys),
      record.kvRevision,
      record.changedMs,
    )
  }

  /** Forgets an id entirely (a cancelled embargo, a lapsed tombstone). */
  drop(id: string): void {
    this.sql.exec('DELETE FROM articles WHERE id = ?', id)
  }

  /** How far KV is behind an id, without reading its article: [revision, KV's revision]. */
  revisions(id: string): { revision: number; kvRevision: number } | undefined {
    const row = this.sql
      .exec<{ revision: number; kv_revision: number }>(
        'SELECT revision, kv_revision FROM articles WHERE id = ?',
        id,
      )
      .toArray()[0]
    return row && { revision: row.revision, kvRevision: row.kv_revision }
  }

  /** Records what KV holds now for an id. */
  markKv(id: string, kvKeys: string[], kvRevision: number): void {
    this.sql.exec(
      'UPDATE articles SET kv_keys = ?, kv_revision = max(kv_revision, ?) WHERE id = ?',
      JSON.stringify(kvKeys),
      kvRevision,
      id,
    )
  }

  /** Ids whose KV copy is behind (an index keeps them, so this reads only those). */
  unsynced(): string[] {
    return this.sql
      .exec<{ id: string }>('SELECT id FROM articles WHERE kv_revision < revision')
      .toArray()
      .map((r) => r.id)
  }

  /** Scheduled articles due by `ms`. */
  dueForRelease(ms: number): ScheduledRecord[] {
    return this.sql
      .exec<Row>(
        "SELECT * FROM articles WHERE state = 'scheduled' AND published_ms <= ? ORDER BY published_ms",
        ms,
      )
      .toArray()
      .map(fromRow)
      .filter((r) => r.state === 'scheduled')
  }

  /** Tombstones that have lapsed by `ms`. */
  lapsed(ms: number): DeletedRecord[] {
    return this.sql
      .exec<Row>("SELECT * FROM articles WHERE state = 'deleted' AND expires_ms <= ?", ms)
      .toArray()
      .map(fromRow)
      .filter((r) => r.state === 'deleted')
  }

  /** How many articles wait for their time, and how many of those are due by `ms`. */
  scheduled(ms: number): { waiting: number; due: number } {
    return this.sql
      .exec<{ waiting: number; due: number }>(
        `SELECT count(*) AS waiting, coalesce(sum(published_ms <= ?), 0) AS due
         FROM articles WHERE state = 'scheduled'`,
        ms,
      )
      .one()
  }

  /** The next time something is due: a release or a tombstone lapsing. */
  nextDue(): number | undefined {
    const row = this.sql
      .exec<{ at: number | null }>(
        `SELECT min(at) AS at FROM (
           SELECT min(published_ms) AS at FROM articles WHERE state = 'scheduled'
           UNION ALL SELECT min(expires_ms) FROM articles WHERE state = 'deleted')`,
      )
      .one()
    return row.at ?? undefined
  }

  /**
   * Articles in `states` that `keep` accepts, newest first, after the `(publishedMs, id)` of a
   * cursor. Read in batches until `limit` are kept: the articles left out (others' embargoes
   * and drafts, titles a search does not match) are read and passed over.
   */
  page(
    limit: number,
    after: { publishedMs: number; id: string } | undefined,
    states: readonly RecordState[],
    keep: (record: ArticleRecord) => boolean,
  ): ArticleRecord[] {
    const kept: ArticleRecord[] = []
    const batch = Math.max(limit, PAGE_BATCH)
    let from = after
    for (;;) {
      const rows = this.after(batch, states, from)
      kept.push(...rows.filter(keep))
      const last = rows.at(-1)
      if (kept.length >= limit || rows.length < batch || !last) return kept.slice(0, limit)
      from = { publishedMs: last.publishedMs, id: last.id }
    }
  }

  private after(
    limit: number,
    states: readonly RecordState[],
    after?: { publishedMs: number; id: string },
  ): ArticleRecord[] {
    // The states are our own words, never the request's: safe to write into the statement.
    const within = `state IN (${states.map((s) => `'${s}'`).join(', ')})`
    const rows = after
      ? this.sql.exec<Row>(
          `SELECT * FROM articles WHERE ${within}
             AND (published_ms < ? OR (published_ms = ? AND id > ?))
           ORDER BY published_ms DESC, id LIMIT ?`,
          after.publishedMs,
          after.publishedMs,
          after.id,
          limit,
        )
      : this.sql.exec<Row>(
          `SELECT * FROM articles WHERE ${within} ORDER BY published_ms DESC, id LIMIT ?`,
          limit,
        )
    return rows.toArray().map(fromRow)
  }
}
