/**
 * The desk's sign-in tables, in the coordinator's SQLite beside the publishers they belong to,
 * so a revocation and the end of its sessions are one transaction. Secrets (enrolment links,
 * session ids) are kept only as SHA-256 hashes, as publisher tokens are.
 */
export const SIGNIN_SCHEMA = `
-- one-time links the admin gives a publisher to register a passkey
CREATE TABLE IF NOT EXISTS enrolments (
  token_hash TEXT PRIMARY KEY,
  publisher_id TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  expires_ms INTEGER NOT NULL,
  used_ms INTEGER
);

CREATE TABLE IF NOT EXISTS passkeys (
  -- the credential id, base64url, as the authenticator gave it
  id TEXT PRIMARY KEY,
  publisher_id TEXT NOT NULL,
  public_key TEXT NOT NULL,
  counter INTEGER NOT NULL,
  transports TEXT NOT NULL DEFAULT '[]',
  label TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  used_ms INTEGER
);
CREATE INDEX IF NOT EXISTS passkeys_by_publisher ON passkeys (publisher_id);

-- WebAuthn challenges handed out and not yet answered: each is taken once
CREATE TABLE IF NOT EXISTS challenges (
  id TEXT PRIMARY KEY,
  challenge TEXT NOT NULL,
  -- 'enrol:{token hash}', 'add:{publisher id}' or 'signin'
  purpose TEXT NOT NULL,
  expires_ms INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS sessions (
  id_hash TEXT PRIMARY KEY,
  publisher_id TEXT NOT NULL,
  csrf TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  seen_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_publisher ON sessions (publisher_id);
`
