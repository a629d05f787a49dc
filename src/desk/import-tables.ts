/**
 * The coordinator's tables for archive imports (docs/migration.md), made by SCHEMA for a new
 * object and by a migration for an older one (src/desk/schema.ts).
 */
export const IMPORT_TABLES = `
-- each imported article's id in the feed it came from: an import run again finds it here
CREATE TABLE IF NOT EXISTS guids (
  guid TEXT PRIMARY KEY,
  id TEXT NOT NULL
);
-- old permalinks' paths on this site, answered 301 to the article; synced 1 once KV has it
CREATE TABLE IF NOT EXISTS redirects (
  path TEXT PRIMARY KEY,
  id TEXT NOT NULL,
  synced INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS redirects_unsynced ON redirects (path) WHERE synced = 0;
-- import jobs: the whole job as JSON (src/imports/job.ts), its owner and state to find it by
CREATE TABLE IF NOT EXISTS imports (
  id TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  state TEXT NOT NULL,
  job TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS import_refusals (
  import TEXT NOT NULL,
  seq INTEGER NOT NULL,
  refusal TEXT NOT NULL,
  PRIMARY KEY (import, seq)
);
`
