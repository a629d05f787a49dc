/**
 * The coordinator's record of stored files (`media`, `media_owners`, `media_uses`): who
 * uploaded each, which articles use it, and since when none has. Files are content-addressed,
 * so one file may have several owners, each of whom uploaded the same bytes. Every article
 * write records the files it uses in its own transaction, so a delete or the collection never
 * takes a file an article still shows.
 */

/** A stored file as the coordinator knows it. */
export interface MediaRow {
  key: string
  type: string
  size: number
  createdMs: number
  unusedSinceMs: number | null
  collecting: boolean
}

/** A file in its owner's listing. */
export interface OwnedFile extends MediaRow {
  /** When this owner uploaded it. */
  ownedMs: number
  /** How many articles use it. */
  uses: number
}

interface Row extends Record<string, SqlStorageValue> {
  key: string
  type: string
  size: number
  created_ms: number
  unused_since_ms: number | null
  collecting: number
}

const fromRow = (row: Row): MediaRow => ({
  key: row.key,
  type: row.type,
  size: row.size,
  createdMs: row.created_ms,
  unusedSinceMs: row.unused_since_ms,
  collecting: row.collecting === 1,
})

export class MediaRegistry {
  constructor(private readonly sql: SqlStorage) {}

  get(key: string): MediaRow | undefined {
    const row = this.sql.exec<Row>('SELECT * FROM media WHERE key = ?', key).toArray()[0]
    return row && fromRow(row)
  }

  owners(key: string): string[] {
    return this.sql
      .exec<{ owner: string }>('SELECT owner FROM media_owners WHERE key = ? ORDER BY owner', key)
      .toArray()
      .map((r) => r.owner)
  }

  /**
   * Records `owner`'s upload of a file; true when it is new to them. An unused file's grace
   * period starts again: its owner has just asked for it.
   */
  claim(owner: string, file: { key: string; type: string; size: number }, now: number): boolean {
    this.sql.exec(
      `INSERT INTO media (key, type, size, created_ms, unused_since_ms) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET unused_since_ms =
         CASE WHEN unused_since_ms IS NULL THEN NULL ELSE excluded.unused_since_ms END`,
      file.key,
      file.type,
      file.size,
      now,
      this.usedBy(file.key).length ? null : now,
    )
    const before = this.sql
      .exec<{ n: number }>(
        'SELECT count(*) AS n FROM media_owners WHERE key = ? AND owner = ?',
        file.key,
        owner,
      )
      .one().n
    this.sql.exec(
      'INSERT OR IGNORE INTO media_owners (key, owner, created_ms) VALUES (?, ?, ?)',
      file.key,
      owner,
      now,
    )
    return before === 0
  }

  /** Takes `owner`'s ownership away; returns how many owners remain. */
  disown(key: string, owner: string): number {
    this.sql.exec('DELETE FROM media_owners WHERE key = ? AND owner = ?', key, owner)
    return this.owners(key).length
  }

  /** The ids of the articles that use a file. */
  usedBy(key: string): string[] {
    return this.sql
      .exec<{ article: string }>(
        'SELECT article FROM media_uses WHERE key = ? ORDER BY article',
        key,
      )
      .toArray()
      .map((r) => r.article)
  }

  /** The files an article uses. */
  usesOf(article: string): string[] {
    return this.sql
      .exec<{ key: string }>('SELECT key FROM media_uses WHERE article = ? ORDER BY key', article)
      .toArray()
      .map((r) => r.key)
  }

  /**
   * Records that `article` now uses exactly `keys` (none once it is gone for good); files it
   * stopped using that no other article uses start their grace period at `now`.
   */
  use(article: string, keys: string[], now: number): void {
    const before = this.usesOf(article)
    const after = [...new Set(keys)].sort()
    if (before.length === after.length && before.every((k, i) => k === after[i])) return
    this.sql.exec('DELETE FROM media_uses WHERE article = ?', article)
    this.sql.exec(
      `INSERT OR IGNORE INTO media_uses (article, key) SELECT ?, value FROM json_each(?)`,
      article,
      JSON.stringify(after),
    )
    this.sql.exec(
      `UPDATE media SET unused_since_ms = CASE
         WHEN EXISTS (SELECT 1 FROM media_uses u WHERE u.key = media.key) THEN NULL
         ELSE coalesce(unused_since_ms, ?) END
       WHERE key IN (SELECT value FROM json_each(?))`,
      now,
      JSON.stringify([...before, ...after]),
    )
  }

  /** An owner's files, newest upload first, after the `(ownedMs, key)` of a cursor. */
  listOwned(owner: string, limit: number, after?: { ownedMs: number; key: string }): OwnedFile[] {
    const rows = this.sql
      .exec<Row & { owned_ms: number; uses: number }>(
        `SELECT m.*, o.created_ms AS owned_ms,
           (SELECT count(*) FROM media_uses u WHERE u.key = m.key) AS uses
         FROM media_owners o JOIN media m ON m.key = o.key
         WHERE o.owner = ? AND (? IS NULL OR o.created_ms < ? OR (o.created_ms = ? AND o.key > ?))
         ORDER BY o.created_ms DESC, o.key LIMIT ?`,
        owner,
        after?.ownedMs ?? null,
        after?.ownedMs ?? null,
        after?.ownedMs ?? null,
        after?.key ?? null,
        limit,
      )
      .toArray()
    return rows.map((r) => ({ ...fromRow(r), ownedMs: r.owned_ms, uses: r.uses }))
  }

  /** Every stored file unused since before `before`, not yet being collected: at most `limit`. */
  unusedBefore(before: number, limit: number): string[] {
    return this.sql
      .exec<{ key: string }>(
        `SELECT key FROM media WHERE unused_since_ms IS NOT NULL AND unused_since_ms < ?
           AND collecting = 0 ORDER BY unused_since_ms LIMIT ?`,
        before,
        limit,
      )
      .toArray()
      .map((r) => r.key)
  }

  /** Marks files as being deleted from R2: an upload of the same bytes waits until it is done. */
  markCollecting(keys: string[], collecting: boolean): void {
    this.sql.exec(
      'UPDATE media SET collecting = ? WHERE key IN (SELECT value FROM json_each(?))',
      collecting ? 1 : 0,
      JSON.stringify(keys),
    )
  }

  /** Forgets a file once R2 no longer holds it. */
  drop(key: string): void {
    this.sql.exec('DELETE FROM media_owners WHERE key = ?', key)
    this.sql.exec('DELETE FROM media WHERE key = ?', key)
  }

  /** Which of `keys` are known here. */
  known(keys: string[]): Set<string> {
    return new Set(
      this.sql
        .exec<{ key: string }>(
          'SELECT key FROM media WHERE key IN (SELECT value FROM json_each(?))',
          JSON.stringify(keys),
        )
        .toArray()
        .map((r) => r.key),
    )
  }

  /** Stored files, and how many of them no article uses. */
  counts(): { files: number; unused: number; bytes: number } {
    return this.sql
      .exec<{ files: number; unused: number; bytes: number }>(
        `SELECT count(*) AS files, coalesce(sum(unused_since_ms IS NOT NULL), 0) AS unused,
           coalesce(sum(size), 0) AS bytes FROM media`,
      )
      .one()
  }
}
