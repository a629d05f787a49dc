/** What the write coordinator still has to do, for operators and for the tests. */
import { z } from 'zod'
import type { Outbox } from './outbox'
import type { Records } from './records'

/** The coordinator's backlog, as `GET /api/status` shows it. */
export const DeskStatus = z.object({
  settled: z
    .boolean()
    .describe(
      "Every write (and every listing's spellings) is in KV and every purge due by now is sent: what remains (second passes, releases, pings) waits for its time",
    ),
  unsynced: z.number().int().describe('Articles whose KV copy is behind'),
  unreleased_changes: z
    .number()
    .int()
    .describe('Committed changes whose purges wait for their KV sync'),
  listing_names_due: z
    .number()
    .int()
    .describe("Tags' and authors' listings whose live spellings KV does not hold yet"),
  scheduled: z.number().int().describe('Articles waiting for their publication time'),
  releases_due: z.number().int().describe('Scheduled articles whose time has come'),
  purges_waiting: z
    .number()
    .int()
    .describe('Cache tags with a purge still to send, now or later (second passes)'),
  purges_due: z
    .number()
    .int()
    .describe('Cache tags whose purge is due by now, waiting for the budget or for other writes'),
  next_purge: z.iso.datetime().nullable(),
  purge_due_now: z.boolean().describe('A purge may and should go out now (the budget allows it)'),
  pings_waiting: z.number().int().describe('WebSub pings not yet handed to the queue'),
})

export type DeskStatus = z.infer<typeof DeskStatus>

/** The coordinator's backlog at `now`. */
export function deskStatus(records: Records, outbox: Outbox, now: number): DeskStatus {
  const unsynced = records.unsynced().length
  const unreleased = outbox.unreleasedChanges()
  const namesDue = outbox.namesDue()
  const scheduled = records.scheduled(now)
  const purges = outbox.purges.backlog(now)
  const nextPurge = outbox.purges.nextRun(now)
  return {
    settled: unsynced + unreleased + namesDue + scheduled.due + purges.due === 0,
    unsynced,
    unreleased_changes: unreleased,
    listing_names_due: namesDue,
    scheduled: scheduled.waiting,
    releases_due: scheduled.due,
    purges_waiting: purges.waiting,
    purges_due: purges.due,
    next_purge: nextPurge === undefined ? null : new Date(nextPurge).toISOString(),
    purge_due_now: nextPurge !== undefined && nextPurge <= now,
    pings_waiting: outbox.pings.waiting(),
  }
}
