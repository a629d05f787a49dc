/**
 * Purging within Workers Cache's limits. Workers Cache always applies the Free plan's purge
 * limits: 5 requests a minute with a burst of 25, at most 100 tags each. Every change is
 * purged twice: at once, and again after KV's propagation window, because a location may
 * have rendered a page from a stale KV read in between and the tiered cache would spread it.
 *
 * Changes are gathered: while the budget is ample each change goes out on its own, within
 * a moment; once it runs low, the tags of all changes are merged into one request when a
 * burst of writes pauses (QUIET_MS) or at least every MAX_WAIT_MS, so a burst of 100
 * publishes in a minute stays within the limits and its last change is purged seconds after
 * the burst ends. Second passes are gathered into slots (`slotOf`).
 */
import { TAGS_PER_REQUEST } from '../edge/purge'
import type { Settings } from './settings'

/** Workers Cache's budget, as a token bucket: a burst of 25, then 5 a minute. */
export const BUDGET = { burst: 25, perMinute: 5 }
/** Below this many tokens changes are gathered rather than purged one by one. */
const RESERVE = 10
/**
 * Even with tokens to spare, a change waits this long for others: writes that arrive
 * together (an import script, several desks) share one purge request and one alarm.
 */
const GATHER_MS = 25
/** A burst of writes is over when no change came for this long. */
const QUIET_MS = 2_000
/** While a burst lasts, gathered tags go out at least this often: one token's refill. */
const MAX_WAIT_MS = 60_000 / BUDGET.perMinute
/**
 * Second passes are due at the end of a slot, so that a burst's writes share a few: a third
 * of the propagation window, between 1 and 30 seconds.
 */
export function slotOf(windowMs: number): number {
  return Math.min(30_000, Math.max(1_000, Math.round(windowMs / 3)))
}

interface Bucket {
  tokens: number
  at: number
}

export class Purges {
  constructor(
    private readonly sql: SqlStorage,
    private readonly settings: Settings,
  ) {}

  /** When the second pass of a change made at `now` is due: the end of its slot. */
  secondPassDue(now: number, windowMs: number): number {
    const slot = slotOf(windowMs)
    return Math.ceil((now + windowMs) / slot) * slot
  }

  /**
   * Purges `tags` at once and again once `windowMs` has passed. The first pass carries the
   * change's time, which becomes the tags' Last-Modified when it is sent.
   */
  schedule(tags: string[], now: number, windowMs: number): void {
    const second = this.secondPassDue(now, windowMs)
    // One statement for every row: each statement costs the coordinator more than its rows.
    this.sql.exec(
      `INSERT INTO purges (tag, due_ms, changed_ms)
       SELECT t.value, d.value, CASE WHEN d.key = 0 THEN ? END FROM json_each(?) t, json_each(?) d
       WHERE true
       ON CONFLICT (tag, due_ms) DO UPDATE SET changed_ms = max(coalesce(changed_ms, 0), excluded.changed_ms)`,
      now,
      JSON.stringify(tags),
      JSON.stringify([now, second]),
    )
    this.settings.set('last_change_ms', now)
  }

  /** When the next purge request may and should go out; undefined when nothing is waiting. */
  nextRun(now: number): number | undefined {
    const first = this.sql
      .exec<{ at: number | null }>('SELECT min(due_ms) AS at FROM purges')
      .one().at
    if (first === null) return undefined
    if (first > now) return first
    const tokens = this.tokens(now)
    if (tokens < 1) return now + Math.ceil(((1 - tokens) * 60_000) / BUDGET.perMinute)
    if (tokens >= RESERVE) return Math.max(now, first + GATHER_MS)

    const lastChange = this.settings.get<number>('last_change_ms') ?? 0
    return Math.max(now, Math.min(lastChange + QUIET_MS, first + MAX_WAIT_MS))
  }

  /**
   * Sends what is due, if the budget and the gathering rule allow it now. `send` gets the
   * tags and, for those a first pass is due for, when they changed. A refused request
   * (Workers Cache answered `success: false`) keeps its tags and empties the budget, so the
   * next try waits for a token.
   */
  async flush(
    now: number,
    send: (tags: string[], changed: Map<string, number>) => Promise<CachePurgeResult>,
  ): Promise<void> {
    const next = this.nextRun(now)
    if (next === undefined || next > now) return
    const due = this.sql
      .exec<{ tag: string }>(
        'SELECT tag, min(due_ms) AS first FROM purges WHERE due_ms <= ? GROUP BY tag ORDER BY first, tag',
        now,
      )
      .toArray()
      .map((r) => r.tag)
    let tokens = this.tokens(now)
    for (let i = 0; i < due.length && tokens >= 1; i += TAGS_PER_REQUEST) {
      const chunk = due.slice(i, i + TAGS_PER_REQUEST)
      tokens -= 1
      this.saveTokens(tokens, now)
      const result = await send(chunk, this.changedTimes(chunk, now))
      if (!result.success) {
        console.error(
          JSON.stringify({ purge_refused: { tags: chunk.length, errors: result.errors } }),
        )
        this.saveTokens(0, now)
        return
      }
      this.sql.exec(
        'DELETE FROM purges WHERE due_ms <= ? AND tag IN (SELECT value FROM json_each(?))',
        now,
        JSON.stringify(chunk),
      )
    }
  }

  /** When each of `tags` with a first pass due by `now` changed. */
  private changedTimes(tags: string[], now: number): Map<string, number> {
    const rows = this.sql
      .exec<{ tag: string; changed: number }>(
        `SELECT tag, max(changed_ms) AS changed FROM purges
         WHERE due_ms <= ? AND changed_ms IS NOT NULL AND tag IN (SELECT value FROM json_each(?))
         GROUP BY tag`,
        now,
        JSON.stringify(tags),
      )
      .toArray()
    return new Map(rows.map((r) => [r.tag, r.changed]))
  }

  /**
   * Those of `tags` with a purge due before `until` still to send; with `firstOnly`, only
   * first passes (they carry the change's time), whatever their due time.
   */
  waitingAmong(tags: string[], until: number, firstOnly = false): string[] {
    return this.sql
      .exec<{ tag: string }>(
        `SELECT DISTINCT tag FROM purges WHERE tag IN (SELECT value FROM json_each(?))
         AND (due_ms < ? AND NOT ? OR changed_ms IS NOT NULL AND ?)`,
        JSON.stringify(tags),
        until,
        firstOnly ? 1 : 0,
        firstOnly ? 1 : 0,
      )
      .toArray()
      .map((r) => r.tag)
  }

  /** Tags with a purge still to send, and how many of those are due by `now`. */
  backlog(now: number): { waiting: number; due: number } {
    return this.sql
      .exec<{ waiting: number; due: number }>(
        `SELECT count(DISTINCT tag) AS waiting,
           count(DISTINCT CASE WHEN due_ms <= ? THEN tag END) AS due FROM purges`,
        now,
      )
      .one()
  }

  private tokens(now: number): number {
    const bucket = this.settings.get<Bucket>('purge_budget') ?? { tokens: BUDGET.burst, at: now }
    const refill = (Math.max(0, now - bucket.at) * BUDGET.perMinute) / 60_000
    return Math.min(BUDGET.burst, bucket.tokens + refill)
  }

  private saveTokens(tokens: number, now: number): void {
    this.settings.set('purge_budget', { tokens, at: now } satisfies Bucket)
  }
}
