/**
 * Drafts in the coordinator's rules: what a draft is stored as, who sees it, and what
 * publishing it does to its date and to readers. Fixed clock; no storage.
 */
import { describe, expect, it } from 'vitest'
import { buildDraft } from '../../src/articles/build'
import { decideCreate, decideRemove, decideReplace, type Decision } from '../../src/desk/decide'
import type { Writer } from '../../src/desk/protocol'
import type { ArticleRecord } from '../../src/desk/records'
import { unpublished, visibleTo } from '../../src/access/visibility'

const NOW = Date.parse('2026-06-01T00:00:00Z')
const HOUR = 3_600_000
const rules = (now = NOW) => ({ now, timeZone: 'Asia/Taipei', tombstoneMs: 30 * 24 * HOUR })
const alice: Writer = { id: 'p_alice', name: 'alice', admin: false }
const bob: Writer = { id: 'p_bob', name: 'bob', admin: false }
const admin: Writer = { id: 'admin', name: 'admin', admin: true }

const input = (extra: Record<string, unknown> = {}) =>
  buildDraft(
    { title: '草稿', content_text: '內容。', tags: ['經開區'], ...extra },
    { timeZone: 'Asia/Taipei', defaultLanguage: 'zh-Hant' },
  )

function stored(decision: Decision): ArticleRecord {
  if (!decision.ok) throw new Error(`refused: ${decision.refusal.detail}`)
  if (!decision.record) throw new Error('nothing to store')
  return decision.record
}

const saved = (extra = {}) =>
  stored(decideCreate(undefined, alice, 'd', input({ state: 'draft', ...extra }), rules()))

describe('a draft', () => {
  it('is stored unpublished, with nothing for readers: no before, after or KV entries', () => {
    const decision = decideCreate(undefined, alice, 'd', input({ state: 'draft' }), rules())
    expect(stored(decision).state).toBe('draft')
    expect(decision.ok && [decision.before, decision.after, decision.entries]).toEqual([
      undefined,
      undefined,
      undefined,
    ])
  })

  it('is seen by its owner and the admin alone, as an embargo is', () => {
    const record = saved()
    expect(unpublished(record)).toBe(true)
    expect([alice, admin, bob].map((w) => visibleTo(w, record))).toEqual([true, true, false])
  })

  it('stays a draft when saved again without a state, keeping its date', () => {
    const later = rules(NOW + HOUR)
    const decision = decideReplace(saved(), alice, 'd', input({ title: '改過' }), later)
    const record = stored(decision)
    expect(record.state).toBe('draft')
    expect(record.article.published).toBe(saved().article.published)
    expect(decision.ok && decision.after).toBeUndefined()
  })

  it('keeps its id from another publisher, saying nothing of it', () => {
    const decision = decideCreate(saved(), bob, 'd', input(), rules())
    expect(!decision.ok && decision.refusal).toMatchObject({ status: 409 })
    expect(JSON.stringify(decision)).not.toContain('草稿')
  })

  it('leaves no tombstone when deleted', () => {
    const record = stored(decideRemove(saved(), alice, 'd', rules()))
    expect(record.state === 'deleted' && record.expiresMs).toBe(NOW)
  })
})

describe('publishing a draft', () => {
  it('makes it public, dated when it is published, not when it was saved', () => {
    const later = rules(NOW + 5 * HOUR)
    const decision = decideReplace(saved(), alice, 'd', input({ state: 'published' }), later)
    const record = stored(decision)
    expect(record.state).toBe('live')
    expect(Date.parse(record.article.published)).toBe(NOW + 5 * HOUR)
    expect(decision.ok && decision.before).toBeUndefined()
    expect(decision.ok && decision.after?.id).toBe('d')
    expect(decision.ok && decision.entries?.length).toBeGreaterThan(0)
  })

  it('with its own date sent back as it was read, still dates it now', () => {
    const draft = saved()
    const sent = input({ state: 'published', published: draft.article.published })
    const record = stored(decideReplace(draft, alice, 'd', sent, rules(NOW + HOUR)))
    expect(Date.parse(record.article.published)).toBe(NOW + HOUR)
  })

  it('schedules it for a time ahead, its own or one sent', () => {
    const ahead = new Date(NOW + 48 * HOUR).toISOString()
    const kept = saved({ published: ahead })
    expect(kept.state).toBe('draft')
    const record = stored(decideReplace(kept, alice, 'd', input({ state: 'published' }), rules()))
    expect(record.state).toBe('scheduled')
    expect(Date.parse(record.article.published)).toBe(NOW + 48 * HOUR)
  })

  it('backdates it to a time the write names', () => {
    const past = '2026-05-01T08:00:00+08:00'
    const sent = input({ state: 'published', published: past })
    const record = stored(decideReplace(saved(), alice, 'd', sent, rules()))
    expect(record.state).toBe('live')
    expect(record.article.published).toBe(past)
  })

  it('changes its state even when nothing else changes', () => {
    const ahead = new Date(NOW + 48 * HOUR).toISOString()
    const scheduled = stored(
      decideCreate(undefined, alice, 'd', input({ published: ahead }), rules()),
    )
    const back = decideReplace(
      scheduled,
      alice,
      'd',
      input({ published: ahead, state: 'draft' }),
      rules(),
    )
    expect(stored(back).state).toBe('draft')
  })
})

describe('a published article', () => {
  it('cannot become a draft again: 409 naming the state', () => {
    const live = stored(decideCreate(undefined, alice, 'p', input(), rules()))
    const decision = decideReplace(live, alice, 'p', input({ state: 'draft' }), rules())
    expect(!decision.ok && decision.refusal).toMatchObject({
      status: 409,
      errors: [{ pointer: '/state' }],
    })
  })
})
