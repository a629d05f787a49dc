/**
 * The coordinator's rules, as the pure functions they are: who may change an id, what it
 * becomes, and what readers saw before and see after. Fixed clock; no storage.
 */
import { describe, expect, it } from 'vitest'
import { buildDraft } from '../../src/articles/build'
import {
  decideCreate,
  decideRelease,
  decideRemove,
  decideReplace,
  decideUndelete,
  SCHEDULE_MAX_MS,
  type Decision,
  type Rules,
} from '../../src/desk/decide'
import type { Writer } from '../../src/desk/protocol'
import type { ArticleRecord, ScheduledRecord } from '../../src/desk/records'
import { STORED_ARTICLE_MAX_BYTES } from '../../src/store/layout'

const NOW = Date.parse('2026-06-01T00:00:00Z')
const DAY = 86_400_000
const rules: Rules = { now: NOW, timeZone: 'Asia/Taipei', tombstoneMs: 30 * DAY }
const alice: Writer = { id: 'p_alice', name: 'alice', admin: false }
const bob: Writer = { id: 'p_bob', name: 'bob', admin: false }
const admin: Writer = { id: 'admin', name: 'admin', admin: true }

const draft = (extra: Record<string, unknown> = {}) =>
  buildDraft(
    { title: '標題', content_text: '內容。', tags: ['經開區'], ...extra },
    {
      timeZone: 'Asia/Taipei',
      defaultLanguage: 'zh-Hant',
    },
  )

/** The record a decision stores, failing the test if it refused or stores nothing. */
function stored(decision: Decision): ArticleRecord {
  if (!decision.ok) throw new Error(`refused: ${decision.refusal.detail}`)
  if (!decision.record) throw new Error('nothing to store')
  return decision.record
}

const status = (decision: Decision) => (decision.ok ? decision.status : decision.refusal.status)

const created = (writer = alice, extra = {}, at = rules) =>
  stored(decideCreate(undefined, writer, 'a', draft(extra), at))

describe('creating', () => {
  it('stores a new article as live, owned by its writer, with the KV entries it was checked as', () => {
    const decision = decideCreate(undefined, alice, 'a', draft(), rules)
    const record = stored(decision)
    expect(status(decision)).toBe(201)
    expect(record).toMatchObject({ id: 'a', state: 'live', owner: 'p_alice', revision: 1 })
    expect(decision.ok && decision.after?.id).toBe('a')
    expect(decision.ok && decision.before).toBeUndefined()
    expect(decision.ok && decision.entries?.map((e) => e.key)[0]).toBe('article:a')
  })

  it('refuses an id that exists (409), whoever asks', () => {
    for (const writer of [alice, bob, admin]) {
      expect(status(decideCreate(created(), writer, 'a', draft(), rules))).toBe(409)
    }
  })

  it('keeps a tombstone for its owner and the admin while it lasts', () => {
    const deleted = stored(decideRemove(created(), alice, 'a', rules))
    expect(status(decideCreate(deleted, bob, 'a', draft(), rules))).toBe(403)
    const again = decideCreate(deleted, alice, 'a', draft(), rules)
    expect(status(again)).toBe(201)
    // The new article ends the tombstone readers were shown.
    expect(again.ok && again.tombstone?.id).toBe('a')
    const lapsed = { ...rules, now: NOW + 31 * DAY }
    expect(status(decideCreate(deleted, bob, 'a', draft(), lapsed))).toBe(201)
  })

  it('schedules an article dated ahead, and refuses one more than a year ahead', () => {
    const ahead = new Date(NOW + DAY).toISOString()
    const decision = decideCreate(undefined, alice, 'a', draft({ published: ahead }), rules)
    expect(stored(decision).state).toBe('scheduled')
    // Nothing public: readers see nothing before or after, and KV gets nothing yet.
    expect(decision.ok && [decision.before, decision.after, decision.entries]).toEqual([
      undefined,
      undefined,
      undefined,
    ])
    const far = new Date(NOW + SCHEDULE_MAX_MS + DAY).toISOString()
    const refused = decideCreate(undefined, alice, 'a', draft({ published: far }), rules)
    expect(refused.ok ? undefined : refused.refusal.errors).toEqual([
      { pointer: '/published', detail: 'more than a year in the future' },
    ])
  })

  it('takes a minute of clock skew as now', () => {
    const soon = new Date(NOW + 30_000).toISOString()
    expect(created(alice, { published: soon }).state).toBe('live')
  })

  it('refuses an article over the stored budget with 413, before anything is stored', () => {
    const huge = draft({ content_text: '長'.repeat(STORED_ARTICLE_MAX_BYTES / 3) })
    const decision = decideCreate(undefined, alice, 'a', huge, rules)
    expect(status(decision)).toBe(413)
  })
})

describe('replacing', () => {
  it('keeps the owner and the stored published, and counts a revision', () => {
    const first = created(alice, { published: '2026-05-01T08:00:00+08:00' })
    const decision = decideReplace(first, admin, 'a', draft({ title: '新標題' }), rules)
    const record = stored(decision)
    expect(status(decision)).toBe(200)
    expect(record).toMatchObject({ owner: 'p_alice', revision: 2 })
    expect(record.article.published).toBe('2026-05-01T08:00:00+08:00')
    expect(decision.ok && decision.before?.title).toBe('標題')
  })

  it('changes nothing when the article sent is the one stored', () => {
    const first = created()
    const decision = decideReplace(first, alice, 'a', draft(), rules)
    expect(decision).toEqual({ ok: true, status: 200 })
  })

  it("refuses another publisher's article (403) and a stale If-Match (412)", () => {
    const first = created()
    expect(status(decideReplace(first, bob, 'a', draft({ title: 'x' }), rules))).toBe(403)
    expect(status(decideReplace(first, alice, 'a', draft({ title: 'x' }), rules, 2))).toBe(412)
    expect(status(decideReplace(first, alice, 'a', draft({ title: 'x' }), rules, 1))).toBe(200)
    // An id that does not exist is at revision 0.
    expect(status(decideReplace(undefined, alice, 'b', draft(), rules, 0))).toBe(201)
    expect(status(decideReplace(undefined, alice, 'b', draft(), rules, 1))).toBe(412)
  })
})

describe('deleting and undeleting', () => {
  it('leaves a tombstone for TOMBSTONE_DAYS after a public article, and none after a scheduled one', () => {
    const live = decideRemove(created(), alice, 'a', rules)
    expect(status(live)).toBe(204)
    expect(stored(live)).toMatchObject({
      state: 'deleted',
      deletedMs: NOW,
      expiresMs: NOW + 30 * DAY,
    })
    expect(live.ok && live.before?.id).toBe('a')
    const scheduled = created(alice, { published: new Date(NOW + DAY).toISOString() })
    const embargo = decideRemove(scheduled, alice, 'a', rules)
    expect(stored(embargo)).toMatchObject({ deletedMs: NOW, expiresMs: NOW })
    expect(embargo.ok && embargo.before).toBeUndefined()
  })

  it('deletes only the revision If-Match names', () => {
    const first = created()
    expect(status(decideRemove(first, alice, 'a', rules, 2))).toBe(412)
    expect(status(decideRemove(first, alice, 'a', rules, 1))).toBe(204)
  })

  it("keeps the publisher's id and name when the admin writes over their tombstone", () => {
    const deleted = stored(decideRemove(created(), alice, 'a', rules))
    const again = stored(decideCreate(deleted, admin, 'a', draft(), rules))
    expect(again.owner).toBe('p_alice')
    expect(again.article.publisher).toBe('alice')
    // Alice may still change it; once the tombstone has lapsed, the id is free.
    expect(status(decideReplace(again, alice, 'a', draft({ title: '改' }), rules))).toBe(200)
    const lapsed = { ...rules, now: NOW + 31 * DAY }
    expect(stored(decideCreate(deleted, admin, 'a', draft(), lapsed)).owner).toBe('admin')
  })

  it('refuses what is absent or deleted (404) and what another publisher owns (403)', () => {
    expect(status(decideRemove(undefined, alice, 'a', rules))).toBe(404)
    const deleted = stored(decideRemove(created(), alice, 'a', rules))
    expect(status(decideRemove(deleted, alice, 'a', rules))).toBe(404)
    expect(status(decideRemove(created(), bob, 'a', rules))).toBe(403)
  })

  it('puts an article back while its tombstone lasts, and only then', () => {
    const deleted = stored(decideRemove(created(), alice, 'a', rules))
    const back = decideUndelete(deleted, alice, 'a', rules)
    expect(stored(back)).toMatchObject({ state: 'live', revision: 3 })
    expect(stored(back)).not.toHaveProperty('deletedMs')
    expect(back.ok && back.tombstone?.id).toBe('a')
    expect(status(decideUndelete(deleted, bob, 'a', rules))).toBe(403)
    expect(status(decideUndelete(deleted, alice, 'a', { ...rules, now: NOW + 31 * DAY }))).toBe(404)
    expect(status(decideUndelete(created(), alice, 'a', rules))).toBe(409)
  })
})

describe('releasing', () => {
  it('makes a scheduled article public', () => {
    const scheduled = created(alice, {
      published: new Date(NOW + DAY).toISOString(),
    }) as ScheduledRecord
    const decision = decideRelease(scheduled, rules)
    expect(stored(decision)).toMatchObject({ state: 'live', revision: 2 })
    expect(decision.ok && [decision.before, decision.after?.id]).toEqual([undefined, 'a'])
  })
})

describe('scopes', () => {
  const scoped = (...scopes: ('create' | 'update' | 'delete')[]): Writer => ({ ...alice, scopes })
  const refusal = (decision: Decision) => (decision.ok ? undefined : decision.refusal)

  it('each write needs its scope, asked before anything about the id', () => {
    const mine = created()
    expect(refusal(decideCreate(undefined, scoped(), 'a', draft(), rules))).toMatchObject({
      status: 403,
      scope: 'create',
    })
    // A create over a taken id is refused for the scope, not for the id: nothing is said of it.
    expect(refusal(decideCreate(mine, scoped('update'), 'a', draft(), rules))?.scope).toBe('create')
    expect(refusal(decideReplace(mine, scoped('create'), 'a', draft(), rules))?.scope).toBe(
      'update',
    )
    expect(refusal(decideReplace(undefined, scoped('update'), 'b', draft(), rules))?.scope).toBe(
      'create',
    )
    expect(refusal(decideRemove(mine, scoped('create', 'update'), 'a', rules))?.scope).toBe(
      'delete',
    )
    const deleted = stored(decideRemove(mine, alice, 'a', rules))
    expect(refusal(decideUndelete(deleted, scoped('update'), 'a', rules))?.scope).toBe('delete')
  })

  it('lets through what the scopes allow; no scopes at all means every one (the admin)', () => {
    const mine = created()
    expect(status(decideReplace(mine, scoped('update'), 'a', draft({ title: 'x' }), rules))).toBe(
      200,
    )
    expect(status(decideRemove(mine, scoped('delete'), 'a', rules))).toBe(204)
    expect(status(decideCreate(undefined, { ...admin, scopes: [] }, 'a', draft(), rules))).toBe(201)
  })
})
