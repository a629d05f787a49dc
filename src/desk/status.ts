/** What the write coordinator still has to do, for operators and for the tests. */
import type { Outbox } from './outbox'
import type { Records } from './records'

/** The coordinator's backlog. */
export interface DeskStatus {
  /** Ids whose KV copy is behind. */
  unsynced: number
  /** Committed changes whose purges wait for their KV sync. */
  unreleased_changes: number
  scheduled: number
  releases_due: number
  /** Tags with a purge still to send, now or later (second passes). */
  purges_waiting: number
  next_purge: string | null
  /** True when a purge may and should go out now (the budget allows it). */
  purge_due_now: boolean
  pings_waiting: number
}

/** The coordinator's backlog at `now`. */
export function deskStatus(
  sql: SqlStorage,
  records: Records,
  outbox: Outbox,
  now: number,
): DeskStatus {
  const count = (query: string, ...args: number[]) =>
    sql.exec<{ n: number }>(query, ...args).one().n
  const nextPurge = outbox.purges.nextRun(now)
  return {
    unsynced: records.unsynced().length,
    unreleased_changes: outbox.unreleased(),
    scheduled: count("SELECT count(*) AS n FROM articles WHERE state = 'scheduled'"),
    releases_due: count(
      "SELECT count(*) AS n FROM articles WHERE state = 'scheduled' AND published_ms <= ?",
      now,
    ),
    purges_waiting: count('SELECT count(DISTINCT tag) AS n FROM purges'),
    next_purge: nextPurge === undefined ? null : new Date(nextPurge).toISOString(),
    purge_due_now: nextPurge !== undefined && nextPurge <= now,
    pings_waiting: count('SELECT count(*) AS n FROM pings'),
  }
}
