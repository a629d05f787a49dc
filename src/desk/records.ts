/**
 * The coordinator's record of each id, read and written with SQLite in its Durable Object.
 * Every call is synchronous, so a decision made from a read and the write that follows it
 * can not be interleaved with another request's.
 */
import type { Article } from '../articles/model'
import { foldTag, spellingOf } from '../articles/tags'
import { tagSpellings } from '../articles/variants'

export type RecordState = 'live' | 'scheduled' | 'deleted'

export interface ArticleRecord {
  id: string
  state: RecordState
  owner: string
  article: Article
  publishedMs: number
  revision: number
  deletedMs?: number
  expiresMs?: number
  /** Every KV key this id may hold. */
  kvKeys: string[]
  /** The revision KV holds. */
  kvRevision: number
}

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
}

function fromRow(row: Row): ArticleRecord {
  const record: ArticleRecord = {
    id: row.id,
    state: row.state,
    owner: row.owner,
    article: JSON.parse(row.article) as Article,
    publishedMs: row.published_ms,
    revision: row.revision,
    kvKeys: JSON.parse(row.kv_keys) as string[],
    kvRevision: row.kv_revision,
  }
  if (row.deleted_ms !== null) record.deletedMs = row.deleted_ms
  if (row.expires_ms !== null) record.expiresMs = row.expires_ms
  return record
}

export class Records {
  constructor(private readonly sql: SqlStorage) {}

  get(id: string): ArticleRecord | undefined {
    const row = this.sql.exec<Row>('SELECT * FROM articles WHERE id = ?', id).toArray()[0]
    return row && fromRow(row)
  }

  /**
   * Stores a record as decided, and the spellings its tags are listed under while it is live
   * (the list of feeds is built from them).
   */
  save(record: ArticleRecord): void {
    this.sql.exec(
      `INSERT INTO articles (id, state, owner, article, published_ms, revision, deleted_ms, expires_ms, kv_keys, kv_revision)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state, owner = excluded.owner,
         article = excluded.article, published_ms = excluded.published_ms,
         revision = excluded.revision, deleted_ms = excluded.deleted_ms,
         expires_ms = excluded.expires_ms, kv_keys = excluded.kv_keys,
         kv_revision = excluded.kv_revision`,
      record.id,
      record.state,
      record.owner,
      JSON.stringify(record.article),
      record.publishedMs,
      record.revision,
      record.deletedMs ?? null,
      record.expiresMs ?? null,
      JSON.stringify(record.kvKeys),
      record.kvRevision,
    )
    const before = this.sql
      .exec<{ spelling: string }>(
        'SELECT spelling FROM spellings WHERE id = ? ORDER BY spelling',
        record.id,
      )
      .toArray()
      .map((r) => r.spelling)
    const after = record.state === 'live' ? [...new Set(tagSpellings(record.article))].sort() : []
    if (before.join('\n') === after.join('\n')) return
    // The list of feeds changes only when a spelling appears or its last article leaves it:
    // checked for this article's tags alone, so a write costs the same on a site of ten
    // articles or a million.
    const changed = [
      ...after.filter((s) => !before.includes(s)),
      ...before.filter((s) => !after.includes(s)),
    ]
    const held = this.held(changed)
    this.sql.exec('DELETE FROM spellings WHERE id = ?', record.id)
    this.sql.exec(
      `INSERT OR IGNORE INTO spellings (id, fold, spelling)
       SELECT ?, value ->> '$[0]', value ->> '$[1]' FROM json_each(?)`,
      record.id,
      JSON.stringify(after.map((spelling) => [foldTag(spelling), spelling])),
    )
    if (this.held(changed) !== held) this.spellingsChanged = true
  }

  /** Which of `spellings` some article is listed under, as one comparable string. */
  private held(spellings: string[]): string {
    if (spellings.length === 0) return ''
    return (
      this.sql
        .exec<{ held: string | null }>(
          `SELECT group_concat(spelling, char(10)) AS held FROM (
           SELECT DISTINCT spelling FROM spellings
           WHERE spelling IN (SELECT value FROM json_each(?)) ORDER BY spelling)`,
          JSON.stringify(spellings),
        )
        .one().held ?? ''
    )
  }

  /**
   * True once a save changed the spellings the list of feeds shows, until the coordinator has
   * written the list again; true at first, so a restarted object checks the list once.
   */
  spellingsChanged = true

  /** Forgets an id entirely (a cancelled embargo, a lapsed tombstone). */
  drop(id: string): void {
    this.sql.exec('DELETE FROM articles WHERE id = ?', id)
    this.sql.exec('DELETE FROM spellings WHERE id = ?', id)
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
  dueForRelease(ms: number): ArticleRecord[] {
    return this.sql
      .exec<Row>(
        "SELECT * FROM articles WHERE state = 'scheduled' AND published_ms <= ? ORDER BY published_ms",
        ms,
      )
      .toArray()
      .map(fromRow)
  }

  /** Tombstones that have lapsed by `ms`. */
  lapsed(ms: number): ArticleRecord[] {
    return this.sql
      .exec<Row>("SELECT * FROM articles WHERE state = 'deleted' AND expires_ms <= ?", ms)
      .toArray()
      .map(fromRow)
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

  /** Live and scheduled articles, newest first, after the `(publishedMs, id)` of a cursor. */
  page(limit: number, after?: { publishedMs: number; id: string }): ArticleRecord[] {
    const rows = after
      ? this.sql.exec<Row>(
          `SELECT * FROM articles WHERE state != 'deleted'
             AND (published_ms < ? OR (published_ms = ? AND id > ?))
           ORDER BY published_ms DESC, id LIMIT ?`,
          after.publishedMs,
          after.publishedMs,
          after.id,
          limit,
        )
      : this.sql.exec<Row>(
          "SELECT * FROM articles WHERE state != 'deleted' ORDER BY published_ms DESC, id LIMIT ?",
          limit,
        )
    return rows.toArray().map(fromRow)
  }

  /** Every spelling of every live tag, one per spelling that differs by more than case. */
  spellings(): string[] {
    const seen = new Set<string>()
    const out: string[] = []
    for (const { fold, spelling } of this.sql
      .exec<{ fold: string; spelling: string }>(
        'SELECT DISTINCT fold, spelling FROM spellings ORDER BY fold, spelling',
      )
      .toArray()) {
      const key = `${fold}\n${spellingOf(spelling)}`
      if (!seen.has(key)) {
        seen.add(key)
        out.push(spelling)
      }
    }
    return out
  }
}
