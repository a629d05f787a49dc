/**
 * What the Worker and the write coordinator say to each other over RPC: plain, structured-
 * clonable values. A refusal is a value, not a thrown error, so that its status and details
 * cross the RPC boundary intact; the Worker turns it into a problem response (src/http/desk.ts).
 */
import type { Article } from '../articles/model'
import type { FieldError } from '../articles/errors'
import type { ArticleRecord } from './records'
import type { Scope } from '../access/scopes'
import { rehostStatus, type RehostStatus } from '../media/rehost'

/** Who is writing, as the Worker authenticated them; the coordinator checks it is still so. */
export interface Writer {
  /** The publisher's stable id, or `admin`. */
  id: string
  name: string
  admin: boolean
  /**
   * What the writer's token may do. The coordinator sets it from its own registry, whatever
   * the Worker sends; undefined is every scope (the admin).
   */
  scopes?: readonly Scope[]
}

export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 410 | 412 | 413 | 422 | 503

/** A problem (RFC 9457) as a value; only members that cross RPC as they are. */
export interface Refusal {
  status: RefusalStatus
  title: string
  detail: string
  errors?: FieldError[]
  /** A 410's time of deletion. */
  deleted_at?: string
  /** A file still in use: the articles using it that the asker may see. */
  articles?: string[]
  /** A 403 for a token without this scope (RFC 6750's `insufficient_scope`). */
  scope?: Scope
}

export type Outcome<T> =
  { ok: true; status: 200 | 201 | 204; value: T } | { ok: false; refusal: Refusal }

/**
 * Whether readers see an article: public, waiting for its time, kept as a draft, or deleted
 * (only a listing of tombstones shows one: a read answers 410).
 */
export type ArticleState = 'published' | 'scheduled' | 'draft' | 'deleted'

/** A record's state as the API names it. */
const API_STATES = {
  live: 'published',
  scheduled: 'scheduled',
  draft: 'draft',
  deleted: 'deleted',
} as const

/**
 * An article as the API shows it to publishers: the stored article, its state, and where each
 * image it asked to be copied stands.
 */
export type ApiArticle = Omit<Article, 'rehost'> & {
  rehost?: RehostStatus
  state: ArticleState
  revision: number
}

export function apiArticle(record: ArticleRecord): ApiArticle {
  const { rehost, ...article } = record.article
  return {
    ...article,
    ...(rehost ? { rehost: rehostStatus(rehost, article.id) } : {}),
    state: API_STATES[record.state],
    revision: record.revision,
  }
}

/** What a listing of articles asks for, besides its page (the API validates it). */
export interface ListQuery {
  /** One state only; every state but `deleted` when absent. */
  state?: ArticleState
  /** Words each listed title holds (src/articles/title-search.ts). */
  q?: string
  /** Only the viewer's own articles. */
  mine?: boolean
}

/** A publisher as the admin registers it (the API validates it: src/http/publisher-schema.ts). */
export interface NewPublisher {
  name: string
  display_name?: string
  default_author?: string
  /** What its token may do; every scope when absent. */
  scopes?: Scope[]
}

/** A retried request recognised by its `Idempotency-Key` and the hash of what it sent. */
export interface Idempotency {
  key: string
  fingerprint: string
}

/** A write's answer as the API sends it, kept for `Idempotency-Key` replays. */
export interface Reply {
  status: 200 | 201 | 204
  /** The article written. */
  id: string
  /** The body, as the JSON text sent (and sent again on a replay); null for 204. */
  json: string | null
  location?: string
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed?: boolean
}

export function refuse(
  status: RefusalStatus,
  title: string,
  detail: string,
  extra: Partial<Refusal> = {},
) {
  return { ok: false as const, refusal: { status, title, detail, ...extra } }
}
