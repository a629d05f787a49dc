/**
 * The tag spellings each public article is listed under, for the list of feeds (`/feeds`),
 * which shows every spelling in use (經開區 and 经开区 both). The coordinator writes the list
 * to KV when it changes, which is only when a spelling appears or its last article leaves it.
 */
import type { Article } from '../articles/model'
import { foldTag, spellingOf } from '../articles/tags'
import { tagSpellings } from '../articles/variants'

export class Spellings {
  /** True at first, so that a restarted object checks the list once. */
  private changed = true

  constructor(private readonly sql: SqlStorage) {}

  /**
   * Records the spellings `id` is listed under: those of `article` while it is public, none
   * otherwise. Checked for this article's tags alone, so a write costs the same on a site of
   * ten articles or a million.
   */
  update(id: string, article: Article | undefined): void {
    const before = this.sql
      .exec<{ spelling: string }>(
        'SELECT spelling FROM spellings WHERE id = ? ORDER BY spelling',
        id,
      )
      .toArray()
      .map((r) => r.spelling)
    const after = article ? [...new Set(tagSpellings(article))].sort() : []
    if (before.join('\n') === after.join('\n')) return
    const moved = [
      ...after.filter((s) => !before.includes(s)),
      ...before.filter((s) => !after.includes(s)),
    ]
    const held = this.held(moved)
    this.sql.exec('DELETE FROM spellings WHERE id = ?', id)
    this.sql.exec(
      `INSERT OR IGNORE INTO spellings (id, fold, spelling)
       SELECT ?, value ->> '$[0]', value ->> '$[1]' FROM json_each(?)`,
      id,
      JSON.stringify(after.map((spelling) => [foldTag(spelling), spelling])),
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

  /** Every spelling of every live tag, one per spelling that differs by more than case. */
  list(): string[] {
    const seen = new Set<string>()
    const out: string[] = []
    for (const { fold, spelling } of this.sql
      .exec<{ fold: string; spelling: string }>(
        'SELECT DISTINCT fold, spelling FROM spellings ORDER BY fold, spelling',
      )
      .toArray()) {
      const key = `${fold}\n${spellingOf(spelling)}`
      if (!seen.has(key)) {
        seen.add(key)
        out.push(spelling)
      }
    }
    return out
  }

  /** Which of `spellings` some article is listed under, as one comparable string. */
  private held(spellings: string[]): string {
    if (spellings.length === 0) return ''
    return (
      this.sql
        .exec<{ held: string | null }>(
          `SELECT group_concat(spelling, char(10)) AS held FROM (
           SELECT DISTINCT spelling FROM spellings
           WHERE spelling IN (SELECT value FROM json_each(?)) ORDER BY spelling)`,
          JSON.stringify(spellings),
        )
        .one().held ?? ''
    )
  }
}
