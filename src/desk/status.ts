/** What the write coordinator still has to do, for operators and for the tests. */
import { z } from 'zod'
import type { Outbox } from './outbox'
import type { Records } from './records'

/** The coordinator's backlog, as `GET /api/status` shows it. */
export const DeskStatus = z.object({
  unsynced: z.number().int().describe('Articles whose KV copy is behind'),
  unreleased_changes: z
    .number()
    .int()
    .describe('Committed changes whose purges wait for their KV sync'),
  scheduled: z.number().int().describe('Articles waiting for their publication time'),
  releases_due: z.number().int().describe('Scheduled articles whose time has come'),
  purges_waiting: z
    .number()
    .int()
    .describe('Cache tags with a purge still to send, now or later (second passes)'),
  next_purge: z.iso.datetime().nullable(),
  purge_due_now: z.boolean().describe('A purge may and should go out now (the budget allows it)'),
  pings_waiting: z.number().int().describe('WebSub pings not yet handed to the queue'),
})

export type DeskStatus = z.infer<typeof DeskStatus>

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
