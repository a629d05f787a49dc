/**
 * The rules of every write, as pure functions of the coordinator's record of an id: who may
 * change it, what it becomes, and what readers saw before and see after. Nothing here
 * touches storage; desk.ts commits what these decide.
 */
import { finalise, type Draft } from '../articles/build'
import type { Article, Intent } from '../articles/model'
import { liveEntries, StorageLimitError, type KvEntry } from '../store/layout'
import { timestampIn, toMillis } from '../time'
import { refuse, type Refusal, type Writer } from './protocol'
import { visibleTo } from '../access/visibility'
import { can, type Scope } from '../access/scopes'
import {
  isTombstone,
  type ArticleRecord,
  type DraftRecord,
  type LiveRecord,
  type ScheduledRecord,
} from './records'

/** What deciding needs besides the record: the clock and the site's rules. */
export interface Rules {
  now: number
  timeZone: string
  tombstoneMs: number
}

/** A `published` time up to this far ahead counts as now: clocks disagree a little. */
export const CLOCK_SKEW_MS = 60_000
/** Articles can be scheduled at most this far ahead. */
export const SCHEDULE_MAX_MS = 366 * 24 * 3600 * 1000

export type Decision =
  | { ok: false; refusal: Refusal }
  | {
      ok: true
      status: 200 | 201 | 204
      /** The record to store; undefined when nothing changes. */
      record?: ArticleRecord
      /** What readers saw before and see after (undefined: nothing public). */
      before?: Article
      after?: Article
      /** A deleted article whose tombstone (410, Atom's deleted-entry) this write ends. */
      tombstone?: Article
      /** The KV entries of a public record, as the limits were checked against them. */
      entries?: KvEntry[]
    }

const owns = (writer: Writer, record: ArticleRecord) => writer.admin || writer.id === record.owner

/**
 * The record as `writer` may know of it: another publisher's embargo is absent to them
 * (src/access/visibility.ts), so refusals say nothing of it.
 */
function seenBy(writer: Writer, record: ArticleRecord | undefined): ArticleRecord | undefined {
  return record && visibleTo(writer, record) ? record : undefined
}

/** An id held by an article `writer` may not see: taken, without a word of what holds it. */
function unavailable(id: string) {
  return refuse(409, 'Conflict', `The id "${id}" is taken; choose another.`)
}

/** The scopes of article writes, and what each lets a token do. */
const VERBS: Record<Exclude<Scope, 'media'>, string> = {
  create: 'create',
  update: 'change',
  delete: 'delete or undelete',
}

/**
 * A token without the scope a write needs (RFC 6750's `insufficient_scope`). Asked before
 * anything about the id, so the refusal says nothing of what it holds.
 */
function lacking(writer: Writer, scope: keyof typeof VERBS) {
  if (can(writer, scope)) return undefined
  return refuse(
    403,
    'Insufficient scope',
    `This token may not ${VERBS[scope]} articles: it was issued without the "${scope}" scope.`,
    { scope },
  )
}

function forbidden(id: string) {
  return refuse(
    403,
    'Forbidden',
    `The article "${id}" belongs to another publisher; only its owner or the admin may change it.`,
  )
}

/**
 * What an article becomes: a draft as asked, else public now or waiting for its time. Refuses
 * one too far ahead, a draft too, so that publishing it later is not refused for its date.
 */
function stateOf(
  article: Article,
  intent: Intent,
  rules: Rules,
): 'live' | 'scheduled' | 'draft' | Refusal {
  const ms = toMillis(article.published)
  if (ms - rules.now > SCHEDULE_MAX_MS) {
    return {
      status: 400,
      title: 'Invalid input',
      detail: 'An article can be scheduled at most a year ahead.',
      errors: [{ pointer: '/published', detail: 'more than a year in the future' }],
    }
  }
  if (intent === 'draft') return 'draft'
  return ms > rules.now + CLOCK_SKEW_MS ? 'scheduled' : 'live'
}

/** What a write asks of a stored article: its `state`, or the state it has. */
function intentOf(draft: Draft, record?: ArticleRecord): Intent {
  return draft.state ?? (record?.state === 'draft' ? 'draft' : 'published')
}

/**
 * A draft being published is dated now: the time it was saved with is not when readers got
 * it. A time ahead schedules it, and a time the write names (one other than the draft's own)
 * is kept, to backdate it.
 */
function publishing(draft: Draft, saved: Article, rules: Rules): Draft {
  const named =
    draft.published !== undefined && toMillis(draft.published) !== toMillis(saved.published)
  if (named || toMillis(saved.published) > rules.now + CLOCK_SKEW_MS) return draft
  const { publishedIsDay: _day, ...rest } = draft
  return { ...rest, published: timestampIn(rules.now, rules.timeZone) }
}

type Built =
  | { ok: true; record: LiveRecord | ScheduledRecord | DraftRecord; entries?: KvEntry[] }
  | { ok: false; refusal: Refusal }

/**
 * The record an article becomes, with every KV limit checked before anything is stored: the
 * entries it was checked as are the ones KV gets.
 */
function recordFor(
  previous: ArticleRecord | undefined,
  article: Article,
  owner: string,
  intent: Intent,
  rules: Rules,
): Built {
  const state = stateOf(article, intent, rules)
  if (typeof state !== 'string') return { ok: false, refusal: state }
  let entries: KvEntry[]
  try {
    entries = liveEntries(article, rules.now)
  } catch (error) {
    if (!(error instanceof StorageLimitError)) throw error
    return {
      ok: false,
      refusal: { status: 413, title: 'Content Too Large', detail: `Not stored: ${error.message}.` },
    }
  }
  return {
    ok: true,
    ...(state === 'live' ? { entries } : {}),
    record: {
      id: article.id,
      state,
      owner,
      article,
      publishedMs: toMillis(article.published),
      revision: (previous?.revision ?? 0) + 1,
      kvKeys: previous?.kvKeys ?? [],
      kvRevision: previous?.kvRevision ?? 0,
      changedMs: rules.now,
    },
  }
}

/**
 * The decision for a built record. `previous` is the record it replaces: when that was a
 * tombstone still shown, the write also ends the tombstone.
 */
function decided(
  built: Built,
  status: 200 | 201,
  before: Article | undefined,
  previous?: ArticleRecord,
  now = 0,
): Decision {
  if (!built.ok) return built
  const { record, entries } = built
  const after = record.state === 'live' ? record.article : undefined
  const tombstone = previous && isTombstone(previous, now) ? previous.article : undefined
  return {
    ok: true,
    status,
    record,
    before,
    after,
    ...(tombstone ? { tombstone } : {}),
    ...(entries ? { entries } : {}),
  }
}

/**
 * A new article under `id`: 409 if the id is taken; over a tombstone only for its owner (or
 * the admin, who writes it back for that owner: the id stays theirs, as an edit would keep it).
 */
export function decideCreate(
  record: ArticleRecord | undefined,
  writer: Writer,
  id: string,
  draft: Draft,
  rules: Rules,
): Decision {
  const unscoped = lacking(writer, 'create')
  if (unscoped) return unscoped
  if (record && !seenBy(writer, record)) return unavailable(id)
  if (record && record.state !== 'deleted') {
    return refuse(
      409,
      'Conflict',
      `An article with the id "${id}" exists. Replace it with PUT /api/articles/${id}.`,
    )
  }
  const tombstone = record && isTombstone(record, rules.now) ? record : undefined
  if (tombstone && !owns(writer, tombstone)) return forbidden(id)
  // Publishing over its own tombstone puts a deleted article back: undelete's scope, by any way.
  const unscopedUndelete = tombstone && lacking(writer, 'delete')
  if (unscopedUndelete) return unscopedUndelete
  const article = finalise(draft, {
    id,
    publisher: tombstone?.article.publisher ?? writer.name,
    now: rules.now,
    timeZone: rules.timeZone,
  })
  const owner = tombstone?.owner ?? writer.id
  const built = recordFor(record, article, owner, intentOf(draft), rules)
  return decided(built, 201, undefined, record, rules.now)
}

/**
 * Creates or replaces `id`. A replace keeps the owner, the stored `published` unless one is
 * sent, and changes nothing at all when the article sent is the one stored.
 */
export function decideReplace(
  record: ArticleRecord | undefined,
  writer: Writer,
  id: string,
  draft: Draft,
  rules: Rules,
  ifRevision?: number,
): Decision {
  const seen = seenBy(writer, record)
  const stale = precondition(seen, id, ifRevision)
  if (stale) return stale
  if (!record || record.state === 'deleted' || !seen) {
    return decideCreate(record, writer, id, draft, rules)
  }
  const unscoped = lacking(writer, 'update')
  if (unscoped) return unscoped
  if (!owns(writer, record)) return forbidden(id)
  const intent = intentOf(draft, record)
  if (record.state === 'live' && intent === 'draft') return unpublishable(id)
  const previous = record.article
  const published = record.state === 'draft' && intent === 'published'
  const article = finalise(published ? publishing(draft, previous, rules) : draft, {
    id,
    publisher: previous.publisher,
    now: rules.now,
    timeZone: rules.timeZone,
    previous,
  })
  const built = recordFor(record, article, record.owner, intent, rules)
  // Sent again as stored (and staying in its state): nothing changes, not even `updated`.
  if (article === previous && built.ok && built.record.state === record.state) {
    return { ok: true, status: 200 }
  }
  const before = record.state === 'live' ? previous : undefined
  return decided(built, 200, before)
}

/** Readers have seen a published article: it can be deleted, not made a draft again. */
function unpublishable(id: string) {
  return refuse(
    409,
    'Conflict',
    `The article "${id}" is published: it cannot become a draft again. Delete it to take it from readers.`,
    { errors: [{ pointer: '/state', detail: 'a published article cannot become a draft' }] },
  )
}

/**
 * `If-Match`'s refusal (412) when the id is not at `ifRevision` as `writer` knows it (an id
 * with no article, or a deleted one, is at revision 0); undefined when it is, or none is asked.
 */
function precondition(seen: ArticleRecord | undefined, id: string, ifRevision?: number) {
  if (ifRevision === undefined) return undefined
  const revision = !seen || seen.state === 'deleted' ? 0 : seen.revision
  if (revision === ifRevision) return undefined
  return refuse(
    412,
    'Precondition Failed',
    `The article "${id}" has changed since revision ${ifRevision}; read it again.`,
  )
}

/**
 * Deletes `id`: a public article leaves a tombstone; a scheduled one or a draft leaves no trace. With
 * `ifRevision`, only while it is still at that revision.
 */
export function decideRemove(
  record: ArticleRecord | undefined,
  writer: Writer,
  id: string,
  rules: Rules,
  ifRevision?: number,
): Decision {
  const unscoped = lacking(writer, 'delete')
  if (unscoped) return unscoped
  const seen = seenBy(writer, record)
  if (!record || record.state === 'deleted' || !seen) {
    return refuse(404, 'Not Found', `No article has the id "${id}".`)
  }
  const stale = precondition(seen, id, ifRevision)
  if (stale) return stale
  if (!owns(writer, record)) return forbidden(id)
  const wasPublic = record.state === 'live'
  return {
    ok: true,
    status: 204,
    record: {
      ...record,
      state: 'deleted',
      deletedMs: rules.now,
      // An embargo or a draft was never seen: its tombstone lapses at once and is never shown.
      expiresMs: wasPublic ? rules.now + rules.tombstoneMs : rules.now,
      revision: record.revision + 1,
      changedMs: rules.now,
    },
    before: wasPublic ? record.article : undefined,
  }
}

/** Puts a deleted article back while its tombstone lasts; refuses a live one. */
export function decideUndelete(
  record: ArticleRecord | undefined,
  writer: Writer,
  id: string,
  rules: Rules,
): Decision {
  const unscoped = lacking(writer, 'delete')
  if (unscoped) return unscoped
  if (
    !record ||
    !seenBy(writer, record) ||
    (record.state === 'deleted' && !isTombstone(record, rules.now))
  ) {
    return refuse(404, 'Not Found', `Nothing deleted has the id "${id}".`)
  }
  if (record.state !== 'deleted')
    return refuse(409, 'Conflict', `The article "${id}" is not deleted.`)
  if (!owns(writer, record)) return forbidden(id)
  const { deletedMs: _d, expiresMs: _e, ...rest } = record
  const live: LiveRecord = {
    ...rest,
    state: 'live',
    revision: record.revision + 1,
    changedMs: rules.now,
  }
  return decided({ ok: true, record: live }, 200, undefined, record, rules.now)
}

/** A scheduled article whose time has come. */
export function decideRelease(record: ScheduledRecord, rules: Pick<Rules, 'now'>): Decision {
  const live: LiveRecord = {
    ...record,
    state: 'live',
    revision: record.revision + 1,
    changedMs: rules.now,
  }
  return decided({ ok: true, record: live }, 200, undefined)
}

/**
 * An article whose images were copied into R2 (src/media/rehost.ts): the same article pointing
 * at the copies, its owner, dates and state unchanged. Nothing changes for a deleted one.
 */
export function decideRehost(
  record: ArticleRecord | undefined,
  id: string,
  rehosted: (article: Article) => Article,
  rules: Rules,
): Decision {
  if (!record || record.state === 'deleted') {
    return refuse(404, 'Not Found', `No article has the id "${id}".`)
  }
  const article = rehosted(record.article)
  if (article === record.article) return { ok: true, status: 200 }
  const before = record.state === 'live' ? record.article : undefined
  const intent = record.state === 'draft' ? 'draft' : 'published'
  return decided(recordFor(record, article, record.owner, intent, rules), 200, before)
}
