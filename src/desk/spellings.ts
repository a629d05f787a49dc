/**
 * The names each public article is listed under, for the list of feeds (`/feeds`, `/feeds.opml`):
 * its tags, in every spelling in use (經開區 and 经开区 both), and its authors. The
 * coordinator writes each list to KV when it changes, which is only when a name appears or
 * its last article leaves it.
 */
import type { Article } from '../articles/model'
import { listingFold } from '../articles/listings'
import { spellingOf } from '../articles/tags'
import { tagSpellings } from '../articles/variants'
import { AUTHORS_KEY, TAGS_KEY } from '../store/keys'

/** What one list holds and how its names are told apart. */
export interface NameList {
  /** The table that keeps it: `(id, fold, spelling)` rows. */
  table: 'spellings' | 'bylines'
  /** The KV key it is written to. */
  key: string
  /** The names an article is listed under. */
  of: (article: Article) => string[]
  /** What names that are one listing share. */
  fold: (name: string) => string
  /** What two names the list shows both of differ by. */
  distinct: (name: string) => string
}

/** Tags: every spelling that differs by more than case (經開區 and 经开区 are both shown). */
export const TAG_NAMES: NameList = {
  table: 'spellings',
  key: TAGS_KEY,
  of: tagSpellings,
  fold: (name) => listingFold({ kind: 'tag', name }),
  distinct: spellingOf,
}

/** Authors: one name per author's page, as their first article wrote it. */
export const AUTHOR_NAMES: NameList = {
  table: 'bylines',
  key: AUTHORS_KEY,
  of: (article) => article.authors.map((a) => a.name),
  fold: (name) => listingFold({ kind: 'author', name }),
  distinct: (name) => listingFold({ kind: 'author', name }),
}

export class Spellings {
  /** True at first, so that a restarted object checks the list once. */
  private changed = true

  constructor(
    private readonly sql: SqlStorage,
    readonly names: NameList,
  ) {}

  /**
   * Records the names `id` is listed under: those of `article` while it is public, none
   * otherwise. Checked for this article's names alone, so a write costs the same on a site of
   * ten articles or a million.
   */
  update(id: string, article: Article | undefined): void {
    const { table } = this.names
    const before = this.sql
      .exec<{ spelling: string }>(
        `SELECT spelling FROM ${table} WHERE id = ? ORDER BY spelling`,
        id,
      )
      .toArray()
      .map((r) => r.spelling)
    const after = article ? [...new Set(this.names.of(article))].sort() : []
    if (before.join('\n') === after.join('\n')) return
    const moved = [
      ...after.filter((s) => !before.includes(s)),
      ...before.filter((s) => !after.includes(s)),
    ]
    const held = this.held(moved)
    this.sql.exec(`DELETE FROM ${table} WHERE id = ?`, id)
    this.sql.exec(
      `INSERT OR IGNORE INTO ${table} (id, fold, spelling)
       SELECT ?, value ->> '$[0]', value ->> '$[1]' FROM json_each(?)`,
      id,
      JSON.stringify(after.map((name) => [this.names.fold(name), name])),
    )
    if (this.held(moved) !== held) this.changed = true
  }

  /**
   * Whether the list changed since it was last taken, clearing the mark: the caller writes
   * the list, and gives it back with `keep` if that fails.
   */
  take(): boolean {
    const changed = this.changed
    this.changed = false
    return changed
  }

  /** The list could not be written: it is still to write. */
  keep(): void {
    this.changed = true
  }

  /** Every name the list shows: one per name that `distinct` tells apart, by fold. */
  list(): string[] {
    const seen = new Set<string>()
    const out: string[] = []
    for (const { fold, spelling } of this.sql
      .exec<{ fold: string; spelling: string }>(
        `SELECT DISTINCT fold, spelling FROM ${this.names.table} ORDER BY fold, spelling`,
      )
      .toArray()) {
      const key = `${fold}\n${this.names.distinct(spelling)}`
      if (!seen.has(key)) {
        seen.add(key)
        out.push(spelling)
      }
    }
    return out
  }

  /** Which of `names` some article is listed under, as one comparable string. */
  private held(names: string[]): string {
    if (names.length === 0) return ''
    return (
      this.sql
        .exec<{ held: string | null }>(
          `SELECT group_concat(spelling, char(10)) AS held FROM (
           SELECT DISTINCT spelling FROM ${this.names.table}
           WHERE spelling IN (SELECT value FROM json_each(?)) ORDER BY spelling)`,
          JSON.stringify(names),
        )
        .one().held ?? ''
    )
  }
}
