/**
 * The write coordinator's own storage: SQLite inside its Durable Object, strongly consistent
 * and read without a network hop. It is the truth about every id; KV is the copy readers see.
 *
 * SCHEMA makes the tables a new object starts with; MIGRATIONS bring an object made by an
 * earlier version up to date. `CREATE TABLE IF NOT EXISTS` never changes a table that exists,
 * so a column added later is added by a migration, counted in SQLite's `user_version`.
 */
import { SIGNIN_SCHEMA } from './signin-schema'
import { IMPORT_TABLES } from './import-tables'
import { NAME_TABLES, NAME_TABLES_MIGRATION } from './name-tables'
import { DERIVED_ID_TABLE } from './derived-ids'

/** The coordinator's record of each id (src/desk/records.ts), as a table named `name`. */
function articlesTable(name: string): string {
  return `
CREATE TABLE IF NOT EXISTS ${name} (
  id TEXT PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('live', 'scheduled', 'draft', 'deleted')),
  -- the publisher's stable id (never its name), or 'admin'
  owner TEXT NOT NULL,
  -- the whole article as stored, source text included
  article TEXT NOT NULL,
  published_ms INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  deleted_ms INTEGER,
  expires_ms INTEGER,
  -- every KV key this id may hold: what a sync writes is added before it writes
  kv_keys TEXT NOT NULL DEFAULT '[]',
  -- the revision KV holds; behind revision while a sync is due
  kv_revision INTEGER NOT NULL DEFAULT 0,
  -- when readers' view of the id last changed (a publish, an edit, a release, a deletion)
  changed_ms INTEGER NOT NULL DEFAULT 0
);`
}

const ARTICLE_INDEXES = `
CREATE INDEX IF NOT EXISTS articles_by_time ON articles (published_ms DESC, id);
CREATE INDEX IF NOT EXISTS articles_by_state ON articles (state, published_ms);
CREATE INDEX IF NOT EXISTS articles_unsynced ON articles (id) WHERE kv_revision < revision;`

/** The columns of `articles`, copied as they are when the table is made again. */
const ARTICLE_COLUMNS =
  'id, state, owner, article, published_ms, revision, deleted_ms, expires_ms, kv_keys, kv_revision, changed_ms'

/**
 * SQLite can not widen a CHECK constraint in place: the table is made again with the new one,
 * its rows copied, and its indexes made anew (they went with the old table).
 */
const ARTICLES_WITH_DRAFTS = `
${articlesTable('articles_v6')}
INSERT INTO articles_v6 (${ARTICLE_COLUMNS}) SELECT ${ARTICLE_COLUMNS} FROM articles;
DROP TABLE articles;
ALTER TABLE articles_v6 RENAME TO articles;
${ARTICLE_INDEXES}`

export const SCHEMA = `
${articlesTable('articles')}
${ARTICLE_INDEXES}
CREATE TABLE IF NOT EXISTS spellings (
  id TEXT NOT NULL,
  fold TEXT NOT NULL,
  spelling TEXT NOT NULL,
  PRIMARY KEY (id, spelling)
);
-- whether any article still has a spelling: a write checks only its own tags
CREATE INDEX IF NOT EXISTS spellings_by_spelling ON spellings (spelling);

-- the authors each public article names, likewise, for the list of authors' feeds
CREATE TABLE IF NOT EXISTS bylines (
  id TEXT NOT NULL,
  fold TEXT NOT NULL,
  spelling TEXT NOT NULL,
  PRIMARY KEY (id, spelling)
);
CREATE INDEX IF NOT EXISTS bylines_by_spelling ON bylines (spelling);

CREATE TABLE IF NOT EXISTS publishers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  display_name TEXT,
  default_author TEXT,
  created TEXT NOT NULL,
  revoked TEXT,
  -- what the token may do, space-separated (src/access/scopes.ts)
  scopes TEXT NOT NULL DEFAULT 'create update delete media',
  -- the email Cloudflare Access vouches for that signs this publisher in to the desk
  access_email TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS publishers_by_name ON publishers (name) WHERE revoked IS NULL;

-- what each committed change must purge and announce, moved to purges and pings once KV
-- holds it, so that a purge never runs ahead of the write it is for
CREATE TABLE IF NOT EXISTS changes (
  id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  tags TEXT NOT NULL,
  topics TEXT NOT NULL,
  PRIMARY KEY (id, revision)
);

CREATE TABLE IF NOT EXISTS purges (
  tag TEXT NOT NULL,
  due_ms INTEGER NOT NULL,
  -- a first pass: when the change was made, written to KV as the time the responses that
  -- carry the tag last changed (their Last-Modified) before the purge goes; null on a second
  changed_ms INTEGER,
  PRIMARY KEY (tag, due_ms)
);

CREATE TABLE IF NOT EXISTS pings (
  topic TEXT NOT NULL,
  -- the cache tag whose second purge must be done before hubs hear of the topic
  tag TEXT NOT NULL,
  due_ms INTEGER NOT NULL,
  PRIMARY KEY (topic, due_ms)
);

CREATE TABLE IF NOT EXISTS replies (
  principal TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  article_id TEXT NOT NULL,
  location TEXT,
  body TEXT,
  expires_ms INTEGER NOT NULL,
  PRIMARY KEY (principal, key)
);

-- stored files (R2, keyed by SHA-256): who uploaded each, and which articles use it
CREATE TABLE IF NOT EXISTS media (
  key TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  size INTEGER NOT NULL,
  created_ms INTEGER NOT NULL,
  -- since when no article has used it; null while one does
  unused_since_ms INTEGER,
  -- 1 while the collection deletes it from R2: an upload of the same bytes waits
  collecting INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS media_unused ON media (unused_since_ms) WHERE unused_since_ms IS NOT NULL;
CREATE TABLE IF NOT EXISTS media_owners (
  key TEXT NOT NULL,
  owner TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  PRIMARY KEY (key, owner)
);
CREATE INDEX IF NOT EXISTS media_by_owner ON media_owners (owner, created_ms DESC, key);
CREATE TABLE IF NOT EXISTS media_uses (
  article TEXT NOT NULL,
  key TEXT NOT NULL,
  PRIMARY KEY (article, key)
);
CREATE INDEX IF NOT EXISTS media_uses_by_key ON media_uses (key);

CREATE TABLE IF NOT EXISTS settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
${SIGNIN_SCHEMA}
${IMPORT_TABLES}
${NAME_TABLES}
${DERIVED_ID_TABLE}`

/**
 * Each migration brings the tables from the version before it (its index) to the next. An
 * object created with SCHEMA has every column already: it starts at the last version. The
 * version is kept in `settings` (Durable Objects' SQLite does not promise every PRAGMA).
 */
const MIGRATIONS: string[] = [
  // 1: when readers' view of each id last changed, for Last-Modified (0: before this version).
  'ALTER TABLE articles ADD COLUMN changed_ms INTEGER NOT NULL DEFAULT 0',
  // 2: a first pass's change time, for the time each cache tag's responses last changed.
  'ALTER TABLE purges ADD COLUMN changed_ms INTEGER',
  // 3: what each publisher's token may do; those issued before scopes keep every scope.
  "ALTER TABLE publishers ADD COLUMN scopes TEXT NOT NULL DEFAULT 'create update delete media'",
  // 4: the desk's enrolment links, passkeys, challenges and sessions.
  SIGNIN_SCHEMA,
  // 5: archive imports: guids, redirects, jobs and their refusals.
  IMPORT_TABLES,
  // 6: drafts, a state the articles table's CHECK constraint did not allow.
  ARTICLES_WITH_DRAFTS,
  // 7: each listing's live spellings in KV, and the list of feeds bounded to the most used.
  NAME_TABLES_MIGRATION,
  // 8: derived ids' fingerprints, so that another article whose id came out the same gets a suffix.
  DERIVED_ID_TABLE,
  // 9: the email Cloudflare Access signs each publisher in with (docs/desk.md).
  // One active publisher per email is kept by the registry (a few rows: no index needed).
  'ALTER TABLE publishers ADD COLUMN access_email TEXT',
]

/** Makes the tables, or brings those of an earlier version up to date. */
export function migrate(sql: SqlStorage): void {
  const fresh =
    sql.exec("SELECT 1 FROM sqlite_master WHERE name = 'articles'").toArray().length === 0
  sql.exec(SCHEMA)
  const row = sql
    .exec<{ value: string }>("SELECT value FROM settings WHERE name = 'schema_version'")
    .toArray()[0]
  const version = fresh ? MIGRATIONS.length : row ? Number(row.value) : 0
  for (const migration of MIGRATIONS.slice(version)) sql.exec(migration)
  if (row === undefined || Number(row.value) !== MIGRATIONS.length) {
    sql.exec(
      "INSERT INTO settings (name, value) VALUES ('schema_version', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
      String(MIGRATIONS.length),
    )
  }
}
