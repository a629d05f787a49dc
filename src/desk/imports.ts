/**
 * The coordinator's record of archive imports: jobs, the refusals each listed, the guid of
 * every imported article, and old permalinks. Reads and writes the import tables only
 * (src/desk/import-tables.ts).
 */
import type { ImportJob } from '../imports/job'
import type { Refused } from '../imports/item'

export class ImportLedger {
  constructor(private readonly sql: SqlStorage) {}

  get(id: string): ImportJob | undefined {
    const row = this.sql
      .exec<{ job: string }>('SELECT job FROM imports WHERE id = ?', id)
      .toArray()[0]
    return row && (JSON.parse(row.job) as ImportJob)
  }

  save(job: ImportJob): void {
    this.sql.exec(
      'INSERT INTO imports (id, owner, state, job) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET state = excluded.state, job = excluded.job',
      job.id,
      job.owner,
      job.state,
      JSON.stringify(job),
    )
  }

  /** Lists a refused item; `seq` continues the job's count. */
  refuse(job: string, seq: number, refused: Refused): void {
    this.sql.exec(
      'INSERT OR REPLACE INTO import_refusals (import, seq, refusal) VALUES (?, ?, ?)',
      job,
      seq,
      JSON.stringify(refused),
    )
  }

  /** The refusals of a job, in the order met, from `after` on, at most `limit`. */
  refusals(job: string, limit: number, after = 0): Refused[] {
    return this.sql
      .exec<{ refusal: string }>(
        'SELECT refusal FROM import_refusals WHERE import = ? AND seq > ? ORDER BY seq LIMIT ?',
        job,
        after,
        limit,
      )
      .toArray()
      .map((r) => JSON.parse(r.refusal) as Refused)
  }

  /** The article imported with `guid`, if any. */
  idOfGuid(guid: string): string | undefined {
    return this.sql.exec<{ id: string }>('SELECT id FROM guids WHERE guid = ?', guid).toArray()[0]
      ?.id
  }

  /** Of `guids`, those already imported. */
  knownGuids(guids: string[]): string[] {
    return this.sql
      .exec<{ guid: string }>(
        'SELECT guid FROM guids WHERE guid IN (SELECT value FROM json_each(?))',
        JSON.stringify(guids),
      )
      .toArray()
      .map((r) => r.guid)
  }

  addGuid(guid: string, id: string): void {
    this.sql.exec('INSERT INTO guids (guid, id) VALUES (?, ?)', guid, id)
  }

  /** Keeps an old permalink's path for `id`, unless another article has it already. */
  addRedirect(path: string, id: string): void {
    this.sql.exec('INSERT OR IGNORE INTO redirects (path, id) VALUES (?, ?)', path, id)
  }

  /** Redirects KV does not hold yet. */
  unsyncedRedirects(limit = 500): { path: string; id: string }[] {
    return this.sql
      .exec<{ path: string; id: string }>(
        'SELECT path, id FROM redirects WHERE synced = 0 LIMIT ?',
        limit,
      )
      .toArray()
  }

  redirectsSynced(paths: string[]): void {
    this.sql.exec(
      'UPDATE redirects SET synced = 1 WHERE path IN (SELECT value FROM json_each(?))',
      JSON.stringify(paths),
    )
  }
}
