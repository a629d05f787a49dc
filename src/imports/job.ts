/**
 * An import job as the coordinator keeps it and the API shows it: what was asked, where the
 * walk through the archive is, and what became of each item. Plain values, cloned over RPC.
 */
import type { Refused } from './item'
import type { WxrCursor } from './wxr'

export const IMPORT_STATES = ['queued', 'running', 'paused', 'done', 'failed', 'cancelled'] as const
export type ImportState = (typeof IMPORT_STATES)[number]

/** What the publisher asked for, validated (src/http/import-schema.ts). */
export interface ImportRequest {
  /** A feed's URL, or the export's URL on this site (`/media/{key}`) and its R2 key. */
  source?: string
  wxr?: string
  wxrKey?: string
  dryRun: boolean
  /** Copy the images articles show from other hosts into R2, as a write's `rehost_images`. */
  rehostImages?: boolean
  /** The site's address the import was asked at: its copies' URLs are made from it. */
  baseUrl?: string
  /** Added to every imported article's own. */
  tags: string[]
  /** Only items published in [since, until) are imported; the others are skipped. */
  since?: string
  until?: string
}

/** Where the walk is: a page of a feed and the item on it, or a byte of an export. */
export type ImportPosition =
  | { kind: 'feed'; url: string; index: number; visited: string[]; pages: number }
  | { kind: 'wxr'; key: string; size: number; cursor: WxrCursor }

export interface ImportCounts {
  /** Items read from the archive (drafts and other non-articles of an export not counted). */
  found: number
  imported: number
  /** Already here (the same guid), or outside since/until. */
  skipped: number
  refused: number
  /** With `rehostImages`: images from other hosts queued to be copied (on a dry run, would be). */
  images?: number
}

export interface ImportJob {
  id: string
  /** Who asked: the admin or a publisher's id. */
  owner: string
  /** The publisher credited, and the writer whose articles these become. */
  writer: { id: string; name: string; admin: boolean }
  state: ImportState
  request: ImportRequest
  position: ImportPosition
  /** True once the last page or byte was read. */
  finished: boolean
  /** Why the walk ended where it did: the archive is complete, or a link led back (a loop). */
  end?: 'complete' | 'loop'
  counts: ImportCounts
  /** Steps taken: a batch of the same step sent twice is written once. */
  step: number
  /** Workflow instances started for the job: each resume starts one. */
  runs: number
  createdMs: number
  startedMs?: number
  finishedMs?: number
  error?: string
}

/** An item refused, with the place it was read at. */
export type RefusedItem = Refused

export const emptyCounts = (): ImportCounts => ({ found: 0, imported: 0, skipped: 0, refused: 0 })
