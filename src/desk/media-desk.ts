/**
 * The coordinator's media rules over its record of files (media.ts): which files an article
 * may use, uploads, listings, deletes and the collection. Decisions are made in one
 * synchronous transaction; R2 is touched only for a file already marked as being collected,
 * so an upload of the same bytes can never race its deletion.
 */
import type { Article } from '../articles/model'
import { mediaTag } from '../edge/tags'
import {
  EXPORTS_PREFIX,
  exportOf,
  exportPrefix,
  isMediaKey,
  UPLOADS_PREFIX,
  VARIANTS_PREFIX,
  variantsPrefix,
} from '../media/keys'
import type { MediaSite } from '../media/links'
import { refuseDelete, refuseUses } from '../media/ownership'
import { mediaKeysOf, mediaRefs } from '../media/refs'
import type { MediaRegistry, OwnedFile } from './media'
import { refuse, type Outcome, type Writer } from './protocol'

/** Files collected per run: each takes an R2 list and a delete. */
const COLLECT_BATCH = 200
/** A multipart upload's parts left this long were abandoned. */
const UPLOAD_MAX_AGE_MS = 7 * 24 * 3600 * 1000

/** A file in a listing, as the coordinator hands it to the Worker. */
export interface ListedFile {
  key: string
  type: string
  size: number
  created: string
  uses: number
}

const listed = (f: OwnedFile): ListedFile => ({
  key: f.key,
  type: f.type,
  size: f.size,
  created: new Date(f.ownedMs).toISOString(),
  uses: f.uses,
})

export class MediaDesk {
  constructor(
    private readonly registry: MediaRegistry,
    private readonly bucket: R2Bucket,
    private readonly transaction: <T>(work: () => T) => T,
    /** Schedules the purge of cache tags, in the caller's transaction. */
    private readonly purge: (tags: string[]) => void,
  ) {}

  /** The refusal of the files a record's article uses, or undefined when it may use them. */
  refuseUses(
    writer: Writer,
    record: { id: string; owner: string; article: Article },
    site: MediaSite,
  ) {
    const refs = mediaRefs(record.article, site)
    if (refs.length === 0) return undefined
    const refused = refuseUses(
      refs,
      (key) => {
        const row = this.registry.get(key)
        return (
          row && {
            owners: this.registry.owners(key),
            type: row.type,
            collecting: row.collecting,
          }
        )
      },
      { admin: writer.admin, owner: record.owner, kept: new Set(this.registry.usesOf(record.id)) },
    )
    if (!refused) return undefined
    const { status, errors } = refused
    return status === 400
      ? refuse(
          400,
          'Invalid input',
          'The article shows files that are not stored here; nothing was stored.',
          { errors },
        )
      : refuse(
          403,
          'Forbidden',
          "The article shows another publisher's files; nothing was stored.",
          { errors },
        )
  }

  /** Records which files a live or scheduled article uses now. */
  recordUses(record: { id: string; article: Article }, site: MediaSite, now: number): void {
    this.registry.use(record.id, mediaKeysOf(record.article, site), now)
  }

  claim(writer: Writer, file: { key: string; type: string; size: number }, now: number) {
    return this.transaction((): Outcome<{ created: boolean }> => {
      if (this.registry.get(file.key)?.collecting) {
        return refuse(
          503,
          'Service Unavailable',
          'The same file is being deleted right now; send it again in a minute.',
        )
      }
      return {
        ok: true,
        status: 201,
        value: { created: this.registry.claim(writer.id, file, now) },
      }
    })
  }

  list(
    writer: Writer,
    limit: number,
    cursor?: string,
  ): Outcome<{ items: ListedFile[]; next_cursor?: string }> {
    const after = cursor === undefined ? undefined : readCursor(cursor)
    if (after === null) {
      return refuse(400, 'Invalid cursor', 'The cursor is not one this service gave out.', {
        errors: [{ pointer: '/cursor', detail: 'not a valid cursor' }],
      })
    }
    const rows = this.registry.listOwned(writer.id, limit + 1, after)
    const items = rows.slice(0, limit)
    const last = items.at(-1)
    const next =
      rows.length > limit && last
        ? { next_cursor: btoa(JSON.stringify([last.ownedMs, last.key])) }
        : {}
    return { ok: true, status: 200, value: { items: items.map(listed), ...next } }
  }

  read(
    writer: Writer,
    key: string,
    visible: (id: string) => boolean,
  ): Outcome<ListedFile & { articles: string[] }> {
    const row = this.registry.get(key)
    const owners = row ? this.registry.owners(key) : []
    if (!row || row.collecting)
      return refuse(404, 'Not Found', `No file is stored as ${key.slice(0, 80)}.`)
    if (!writer.admin && !owners.includes(writer.id)) {
      return refuse(403, 'Forbidden', 'The file belongs to another publisher.')
    }
    const usedBy = this.registry.usedBy(key)
    return {
      ok: true,
      status: 200,
      value: {
        key,
        type: row.type,
        size: row.size,
        created: new Date(row.createdMs).toISOString(),
        uses: usedBy.length,
        articles: usedBy.filter(visible),
      },
    }
  }

  /**
   * Lets `writer`'s file go. `given` says whether its URL was ever given out: a file a refused
   * request stored was not, and needs no purge.
   */
  async remove(
    writer: Writer,
    key: string,
    visible: (id: string) => boolean,
    given = true,
  ): Promise<Outcome<null>> {
    const decided = this.transaction((): Outcome<null> | { collect: boolean } => {
      const row = this.registry.get(key)
      if (!row || row.collecting)
        return refuse(404, 'Not Found', `No file is stored as ${key.slice(0, 80)}.`)
      const usedBy = this.registry.usedBy(key)
      const refused = refuseDelete(
        { owners: this.registry.owners(key), type: row.type, collecting: false },
        writer,
        usedBy,
      )
      if (refused) {
        const title = refused.status === 403 ? 'Forbidden' : 'Conflict'
        return refuse(refused.status, title, refused.detail, { articles: usedBy.filter(visible) })
      }
      const left = writer.admin ? 0 : this.registry.disown(key, writer.id)
      if (left === 0) this.registry.markCollecting([key], true)
      return { collect: left === 0 }
    })
    if ('ok' in decided) return decided
    if (decided.collect) await this.removeFiles([key], given)
    return { ok: true, status: 204, value: null }
  }

  /**
   * Deletes what no one needs: files no article has used for the grace period, R2 objects the
   * coordinator has no record of (an upload that failed half-way), and abandoned uploads.
   */
  async collect(now: number, graceMs: number): Promise<{ collected: number; orphans: number }> {
    const keys = this.transaction(() => {
      const due = this.registry.unusedBefore(now - graceMs, COLLECT_BATCH)
      this.registry.markCollecting(due, true)
      return due
    })
    const collected = await this.removeFiles(keys)
    const orphans = await this.removeOrphans(now - graceMs, now - UPLOAD_MAX_AGE_MS)
    return { collected, orphans }
  }

  /** Deletes files (and their variants) marked as being collected; returns how many went. */
  private async removeFiles(keys: string[], purge = true): Promise<number> {
    let removed = 0
    for (const key of keys) {
      try {
        // A file is at its key or, for a WordPress export, under the exports' prefix.
        const variants = await this.listKeys(variantsPrefix(key))
        const exports = await this.listKeys(exportPrefix(key))
        await this.bucket.delete([key, ...exports, ...variants])
        this.transaction(() => {
          this.registry.drop(key)
          if (purge) this.purge([mediaTag(key)])
        })
        removed++
      } catch (error) {
        console.error(JSON.stringify({ media_collect_failed: { key, error: String(error) } }))
        this.transaction(() => this.registry.markCollecting([key], false))
      }
    }
    return removed
  }

  /** R2 objects nobody records, older than `before`; parts of uploads older than `uploadsBefore`. */
  private async removeOrphans(before: number, uploadsBefore: number): Promise<number> {
    const stale: string[] = []
    let cursor: string | undefined
    do {
      const page = await this.bucket.list({ cursor, delimiter: '/' })
      const files = page.objects.filter((o) => isMediaKey(o.key))
      const known = this.registry.known(files.map((o) => o.key))
      for (const o of files)
        if (!known.has(o.key) && o.uploaded.getTime() < before) stale.push(o.key)
      cursor = page.truncated ? page.cursor : undefined
    } while (cursor)
    for (const o of await this.listObjects(EXPORTS_PREFIX)) {
      if (!this.registry.get(exportOf(o.key)) && o.uploaded.getTime() < before) stale.push(o.key)
    }
    for (const key of await this.listKeys(VARIANTS_PREFIX)) {
      const file = key.slice(VARIANTS_PREFIX.length, VARIANTS_PREFIX.length + 64)
      if (!this.registry.get(file)) stale.push(key)
    }
    let uploads = { cursor: undefined as string | undefined }
    do {
      const page = await this.bucket.list({ prefix: UPLOADS_PREFIX, cursor: uploads.cursor })
      for (const o of page.objects) if (o.uploaded.getTime() < uploadsBefore) stale.push(o.key)
      uploads = { cursor: page.truncated ? page.cursor : undefined }
    } while (uploads.cursor)
    for (let i = 0; i < stale.length; i += 1000) await this.bucket.delete(stale.slice(i, i + 1000))
    return stale.length
  }

  private async listKeys(prefix: string): Promise<string[]> {
    return (await this.listObjects(prefix)).map((o) => o.key)
  }

  private async listObjects(prefix: string): Promise<R2Object[]> {
    const objects: R2Object[] = []
    let cursor: string | undefined
    do {
      const page = await this.bucket.list({ prefix, cursor })
      objects.push(...page.objects)
      cursor = page.truncated ? page.cursor : undefined
    } while (cursor)
    return objects
  }
}

/** A listing's cursor: where the last page ended, `(ownedMs, key)`. */
function readCursor(cursor: string): { ownedMs: number; key: string } | null {
  try {
    const [ownedMs, key] = JSON.parse(atob(cursor)) as [unknown, unknown]
    return typeof ownedMs === 'number' && typeof key === 'string' ? { ownedMs, key } : null
  } catch {
    return null
  }
}
