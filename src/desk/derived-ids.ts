/**
 * Ids derived from an article's text (`deriveId`) are its title's words, or its date, and 24
 * bits of hash: two different articles can come out the same (titles alike for 60 letters, or
 * of Han characters or punctuation alone, on the same day). The coordinator keeps each derived
 * id's fingerprint, the whole digest, so that a second post of the same article is still
 * refused as a duplicate (409) while another article takes the first free `{id}-2`, `{id}-3`...
 * Existing ids never change: only the article that arrives second is given a suffix.
 */
import type { ArticleRecord } from './records'

/** How many suffixes are tried before the create is left to answer its conflict. */
const SUFFIX_TRIES = 100

export const DERIVED_ID_TABLE = `
-- the fingerprint (SHA-256 of title, date and content) of each article whose id was derived
CREATE TABLE IF NOT EXISTS derived_ids (
  id TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL
);
`

export class DerivedIds {
  constructor(private readonly sql: SqlStorage) {}

  /**
   * The id an article with `fingerprint` takes, `id` derived from it: the first of `id`,
   * `{id}-2`, `{id}-3`... that no article holds, or that holds this same article (which the
   * create then refuses as a duplicate). An article stored before fingerprints were kept, or
   * under an id its publisher chose, is the same article when its title is.
   */
  choose(
    id: string,
    fingerprint: string,
    title: string,
    holder: (id: string) => ArticleRecord | undefined,
  ): string {
    for (let n = 1; n < SUFFIX_TRIES; n++) {
      const candidate = n === 1 ? id : `${id}-${n}`
      const held = holder(candidate)
      if (!held) return candidate
      const known = this.fingerprintOf(candidate)
      if (known === undefined ? held.article.title === title : known === fingerprint) {
        return candidate
      }
    }
    return id
  }

  /** `id` now holds the article with `fingerprint`. */
  record(id: string, fingerprint: string): void {
    this.sql.exec(
      'INSERT OR REPLACE INTO derived_ids (id, fingerprint) VALUES (?, ?)',
      id,
      fingerprint,
    )
  }

  /** `id` holds nothing any more. */
  forget(id: string): void {
    this.sql.exec('DELETE FROM derived_ids WHERE id = ?', id)
  }

  private fingerprintOf(id: string): string | undefined {
    return this.sql
      .exec<{ fingerprint: string }>('SELECT fingerprint FROM derived_ids WHERE id = ?', id)
      .toArray()[0]?.fingerprint
  }
}
