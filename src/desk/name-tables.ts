/**
 * What the coordinator keeps to write each listing's live spellings to KV and to bound the
 * list of feeds (src/desk/spellings.ts): how many public articles each listing holds, and
 * which listings' KV records are behind. Migration 7 builds both from the spellings and
 * bylines an older object already has, so every listing's record is written at its next alarm.
 */
export const NAME_TABLES = `
-- a listing's spellings, read by the listing: the one a request is sent to, its heading
CREATE INDEX IF NOT EXISTS spellings_by_fold ON spellings (fold, spelling);
CREATE INDEX IF NOT EXISTS bylines_by_fold ON bylines (fold, spelling);

-- how many public articles each tag's or author's listing holds: the most used are listed
CREATE TABLE IF NOT EXISTS listing_uses (
  kind TEXT NOT NULL CHECK (kind IN ('tag', 'author')),
  fold TEXT NOT NULL,
  articles INTEGER NOT NULL,
  PRIMARY KEY (kind, fold)
);
CREATE INDEX IF NOT EXISTS listing_uses_by_articles ON listing_uses (kind, articles DESC, fold);

-- listings whose live spellings KV does not hold yet
CREATE TABLE IF NOT EXISTS listing_names_due (
  kind TEXT NOT NULL,
  fold TEXT NOT NULL,
  PRIMARY KEY (kind, fold)
);
`

/** Migration 7: the tables, filled from what an object made before them holds. */
export const NAME_TABLES_MIGRATION = `${NAME_TABLES}
INSERT OR REPLACE INTO listing_uses (kind, fold, articles)
  SELECT 'tag', fold, count(DISTINCT id) FROM spellings GROUP BY fold;
INSERT OR REPLACE INTO listing_uses (kind, fold, articles)
  SELECT 'author', fold, count(DISTINCT id) FROM bylines GROUP BY fold;
INSERT OR IGNORE INTO listing_names_due (kind, fold) SELECT kind, fold FROM listing_uses;
`
