/** The import's settings from `[vars]` (docs/migration.md), checked as the site's are. */
import { ConfigError } from '../config'

export interface ImportConfig {
  /** `host:port` pairs fetched although private or loopback: the tests' fixture servers. */
  allowHosts: Set<string>
  /** Seconds between two pages of another site's feed. */
  pauseSeconds: number
}

const HOST_PORT = /^[a-z0-9.-]+:\d{1,5}$|^\[[0-9a-f:.]+\]:\d{1,5}$/i

export function importConfig(env: {
  IMPORT_ALLOW_HOSTS?: string
  IMPORT_PAUSE_SECONDS?: string
}): ImportConfig {
  const hosts = (env.IMPORT_ALLOW_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean)
  const bad = hosts.find((h) => !HOST_PORT.test(h))
  if (bad) {
    throw new ConfigError(
      `IMPORT_ALLOW_HOSTS must list host:port pairs, such as fixtures.test:8080, not "${bad}"`,
    )
  }
  const pause = Number(env.IMPORT_PAUSE_SECONDS ?? '2')
  if (!Number.isFinite(pause) || pause < 0 || pause > 3600) {
    throw new ConfigError('IMPORT_PAUSE_SECONDS must be a number of seconds between 0 and 3600')
  }
  return { allowHosts: new Set(hosts), pauseSeconds: pause }
}
