/**
 * The names each public article is listed under: its tags, in every spelling in use (經開區
 * and 经开区 both), and its authors. From them the coordinator writes two things to KV:
 *
 * - each listing's live spellings under its own key (`listingNamesKey`), which a request for
 *   `/tags/*` or `/authors/*` reads to find the address it is served at: one small read,
 *   whatever the number of listings;
 * - the list of feeds (`/feeds`, `/feeds.opml`): the `NAMES_LISTED` most used listings of each
 *   kind, so that its size is bounded however many names publishers make up.
 *
 * Which spelling a listing is shown and headed with is decided here, once (`namesOf`).
 */
import type { Article } from '../articles/model'
import { listingFold, type ListingKind } from '../articles/listings'
import { spellingOf } from '../articles/tags'
import { tagSpellings } from '../articles/variants'
import { AUTHORS_KEY, listingNamesKey, TAGS_KEY } from '../store/keys'

/** How many tags, and how many authors, the list of feeds names: those with most articles. */
export const NAMES_LISTED = 100

/**
 * The most spellings one listing keeps live (the most used): 經開區, 经开区 and a few mixes of
 * the two scripts are plenty, and a listing's record stays small however many mixes
 * publishers invent. Any other spelling answers 301 to the nearest of these.
 */
export const SPELLINGS_KEPT = 8

/** What one list holds and how its names are told apart. */
export interface NameList {
  kind: ListingKind
  /** The table that keeps it: `(id, fold, spelling)` rows. */
  table: 'spellings' | 'bylines'
  /** The KV key the list of feeds reads it from. */
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
  kind: 'tag',
  table: 'spellings',
  key: TAGS_KEY,
  of: tagSpellings,
  fold: (name) => listingFold({ kind: 'tag', name }),
  distinct: spellingOf,
}

/** Authors: one name per author's page. */
export const AUTHOR_NAMES: NameList = {
  kind: 'author',
  table: 'bylines',
  key: AUTHORS_KEY,
  of: (article) => article.authors.map((a) => a.name),
  fold: (name) => listingFold({ kind: 'author', name }),
  distinct: (name) => listingFold({ kind: 'author', name }),
}

/** A listing's live spellings as KV is to hold them: `[]` deletes its key. */
export interface ListingNames {
  fold: string
  key: string
  spellings: string[]
}

export class Spellings {
  /** True at first, so that a restarted object checks the list of feeds once. */
  private changed = true

  constructor(
    private readonly sql: SqlStorage,
    readonly names: NameList,
  ) {}

  /**
   * Records the names `id` is listed under: those of `article` while it is public, none
   * otherwise. Touches this article's names alone, so a write costs the same on a site of ten
   * articles or a million.
   */
  update(id: string, article: Article | undefined): void {
    const { table, kind } = this.names
    const before = this.sql
      .exec<{ fold: string; spelling: string }>(
        `SELECT fold, spelling FROM ${table} WHERE id = ? ORDER BY spelling`,
        id,
      )
      .toArray()
    const after = article
      ? [...new Set(this.names.of(article))].sort().map((spelling) => ({
          fold: this.names.fold(spelling),
          spelling,
        }))
      : []
    const pairs = (rows: { fold: string; spelling: string }[]) =>
      new Set(rows.map((r) => `${r.fold}\n${r.spelling}`))
    const [was, is] = [pairs(before), pairs(after)]
    if (was.size === is.size && [...was].every((p) => is.has(p))) return
    this.sql.exec(`DELETE FROM ${table} WHERE id = ?`, id)
    this.sql.exec(
      `INSERT OR IGNORE INTO ${table} (id, fold, spelling)
       SELECT ?, value ->> '$[0]', value ->> '$[1]' FROM json_each(?)`,
      id,
      JSON.stringify(after.map((r) => [r.fold, r.spelling])),
    )
    const [foldsWere, foldsAre] = [
      new Set(before.map((r) => r.fold)),
      new Set(after.map((r) => r.fold)),
    ]
    for (const fold of foldsAre) if (!foldsWere.has(fold)) this.count(fold, 1)
    for (const fold of foldsWere) if (!foldsAre.has(fold)) this.count(fold, -1)
    // Every listing whose spellings this article changed: its KV record may change.
    const moved = [...was].filter((p) => !is.has(p)).concat([...is].filter((p) => !was.has(p)))
    for (const fold of new Set(moved.map((p) => p.split('\n')[0]!))) {
      this.sql.exec(
        'INSERT OR IGNORE INTO listing_names_due (kind, fold) VALUES (?, ?)',
        kind,
        fold,
      )
    }
    this.changed = true
  }

  /**
   * A listing's live spellings, the one it is headed with first. Of the spellings that
   * `distinct` does not tell apart (Jane Doe and JANE DOE; News and NEWS), the one most of its
   * articles use is kept, the first in code-point order on a tie; those that differ (經開區 and
   * 经开区) are all kept, the most used first, up to `SPELLINGS_KEPT`. The one rule for every
   * heading and list.
   */
  namesOf(fold: string): string[] {
    const seen = new Set<string>()
    const out: string[] = []
    for (const { spelling } of this.sql
      .exec<{ spelling: string }>(
        `SELECT spelling, count(*) AS n FROM ${this.names.table} WHERE fold = ?
         GROUP BY spelling ORDER BY n DESC, spelling`,
        fold,
      )
      .toArray()) {
      const distinct = this.names.distinct(spelling)
      if (!seen.has(distinct)) {
        seen.add(distinct)
        out.push(spelling)
        if (out.length === SPELLINGS_KEPT) break
      }
    }
    return out
  }

  /** Up to `limit` listings whose KV record is behind, with what it is to hold. */
  due(limit: number): ListingNames[] {
    const { kind } = this.names
    return this.sql
      .exec<{ fold: string }>(
        'SELECT fold FROM listing_names_due WHERE kind = ? ORDER BY fold LIMIT ?',
        kind,
        limit,
      )
      .toArray()
      .map(({ fold }) => ({
        fold,
        key: listingNamesKey(kind, fold),
        spellings: this.namesOf(fold),
      }))
  }

  /**
   * KV holds `written`: it is no longer due, unless a write changed it meanwhile (the KV
   * write awaited, and other writes may have run), in which case it stays due.
   */
  written(written: ListingNames): void {
    if (this.namesOf(written.fold).join('\n') !== written.spellings.join('\n')) return
    this.sql.exec(
      'DELETE FROM listing_names_due WHERE kind = ? AND fold = ?',
      this.names.kind,
      written.fold,
    )
  }

  /**
   * Whether the list of feeds may have changed since it was last taken, clearing the mark:
   * the caller writes the list, and gives it back with `keep` if that fails.
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

  /**
   * The names the list of feeds shows: the live spellings of the `NAMES_LISTED` listings with
   * the most articles, in fold order. A bounded read of the counts' index.
   */
  list(): string[] {
    return this.sql
      .exec<{ fold: string }>(
        `SELECT fold FROM (SELECT fold FROM listing_uses WHERE kind = ?
         ORDER BY articles DESC, fold LIMIT ?) ORDER BY fold`,
        this.names.kind,
        NAMES_LISTED,
      )
      .toArray()
      .flatMap(({ fold }) => this.namesOf(fold))
  }

  /** One more or one fewer public article in listing `fold`. */
  private count(fold: string, delta: 1 | -1): void {
    const { kind } = this.names
    this.sql.exec(
      `INSERT INTO listing_uses (kind, fold, articles) VALUES (?, ?, ?)
       ON CONFLICT (kind, fold) DO UPDATE SET articles = articles + excluded.articles`,
      kind,
      fold,
      delta,
    )
    this.sql.exec(
      'DELETE FROM listing_uses WHERE kind = ? AND fold = ? AND articles <= 0',
      kind,
      fold,
    )
  }
}
