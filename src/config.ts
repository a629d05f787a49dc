import { isLanguageTag } from './articles/script'
import { isTimeZone } from './time'
import { isHttpUrl } from './urls'

/** The site's settings, read once from `[vars]` in wrangler.toml and the `ADMIN_TOKEN` secret. */
export interface Config {
  siteTitle: string
  siteDescription: string
  /** Canonical base URL without a trailing slash; undefined means "the request's origin". */
  siteUrl?: string
  /** BCP 47 tag for articles that name no language. */
  language: string
  /** IANA zone for dates given without an offset, and for dates shown in HTML. */
  timeZone: string
  /** Items per feed page and HTML list. */
  pageSize: number
  /** Seconds feed readers and browsers may reuse a public response. */
  cacheMaxAge: number
  adminToken?: string
  /** How long a deleted article's tombstone is kept, in seconds. */
  tombstoneSeconds: number
  /** WebSub hubs to ping after every change. */
  websubHubs: string[]
  /** The site's profiles elsewhere (Mastodon, Bluesky...): `rel="me"` links in its h-card. */
  siteMe: string[]
  /**
   * How long KV may show other locations an older value after a write: the second purge of
   * each change waits this long.
   */
  kvPropagationSeconds: number
  /** Seconds before the first retry of a failed WebSub ping. */
  websubRetrySeconds: number
  /**
   * When this version of the Worker was uploaded (0 where the runtime does not say): a deploy
   * may change how every page renders, so no page's Last-Modified is earlier.
   */
  deployedMs: number
  /** R2's public domain for the media bucket, without a trailing slash (docs/media.md). */
  mediaPublicUrl?: string
  /** How long a file no article uses is kept before the daily collection, in seconds. */
  mediaGraceSeconds: number
  /** Whether every write's images from other hosts are copied into R2. */
  rehostImages: boolean
  /** Images copied into R2 per hour for the whole site, at most. */
  rehostPerHour: number
  /** Cloudflare Access in front of the desk; undefined (off) unless both vars are set. */
  access?: AccessConfig
}

/** A Cloudflare Access application: its team's origin (the JWT's issuer) and audience tag. */
export interface AccessConfig {
  /** `https://{team}.cloudflareaccess.com`: the issuer, and where its signing keys are. */
  issuer: string
  aud: string
}

/** A `[vars]` value the service cannot run with; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

type Vars = Partial<Record<keyof Env | 'ADMIN_TOKEN', unknown>>

/** The upload time of this version, from the version metadata binding. */
function deployedMs(metadata: unknown): number {
  const timestamp = (metadata as { timestamp?: unknown } | undefined)?.timestamp
  const ms = typeof timestamp === 'string' ? Date.parse(timestamp) : NaN
  return Number.isFinite(ms) ? ms : 0
}

function text(vars: Vars, name: keyof Vars, fallback: string): string {
  const value = vars[name]
  if (value === undefined || value === null || value === '') return fallback
  if (typeof value !== 'string') throw new ConfigError(`${name} must be a string`)
  return value.trim()
}

function integer(vars: Vars, name: keyof Vars, fallback: number, min: number, max: number): number {
  const raw = text(vars, name, String(fallback))
  const value = Number(raw)
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`)
  }
  return value
}

function flag(vars: Vars, name: keyof Vars): boolean {
  const raw = text(vars, name, 'false').toLowerCase()
  if (raw !== 'true' && raw !== 'false') {
    throw new ConfigError(`${name} must be "true" or "false", not "${raw}"`)
  }
  return raw === 'true'
}

/** ACCESS_TEAM_DOMAIN and ACCESS_AUD: both or neither. */
function access(vars: Vars): AccessConfig | undefined {
  const team = text(vars, 'ACCESS_TEAM_DOMAIN', '').toLowerCase()
  const aud = text(vars, 'ACCESS_AUD', '')
  if (!team && !aud) return undefined
  if (!team || !aud) {
    throw new ConfigError(
      'ACCESS_TEAM_DOMAIN and ACCESS_AUD must be set together (Cloudflare Access), or neither',
    )
  }
  const name =
    /^(?:https:\/\/)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.cloudflareaccess\.com)?\/?$/.exec(
      team,
    )?.[1]
  if (!name) {
    throw new ConfigError(
      `ACCESS_TEAM_DOMAIN must be a Cloudflare Access team such as newsroom.cloudflareaccess.com, not "${team}"`,
    )
  }
  if (!/^[\x21-\x7e]{1,256}$/.test(aud)) {
    throw new ConfigError("ACCESS_AUD must be the Access application's audience tag (no spaces)")
  }
  return { issuer: `https://${name}.cloudflareaccess.com`, aud }
}

/** A comma-separated list of http(s) URLs, each checked. */
function urls(vars: Vars, name: keyof Vars, what: string): string[] {
  const list = text(vars, name, '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean)
  for (const url of list) {
    if (!isHttpUrl(url)) {
      throw new ConfigError(
        `${name} must be comma-separated http(s) URLs (${what}), and "${url}" is not one`,
      )
    }
  }
  return list
}

const parsed = new WeakMap<object, Config>()

/** Reads and checks the configuration; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Vars): Config {
  const cached = parsed.get(env)
  if (cached) return cached
  const siteUrl = text(env, 'SITE_URL', '')
  if (siteUrl && !isHttpUrl(siteUrl)) {
    throw new ConfigError(
      `SITE_URL must be an absolute http(s) URL such as https://news.example.org, not "${siteUrl}"`,
    )
  }
  const language = text(env, 'SITE_LANGUAGE', 'en')
  if (!isLanguageTag(language)) {
    throw new ConfigError(
      `SITE_LANGUAGE must be a BCP 47 language tag such as zh-Hant, not "${language}"`,
    )
  }
  const timeZone = text(env, 'SITE_TIMEZONE', 'UTC')
  if (!isTimeZone(timeZone)) {
    throw new ConfigError(
      `SITE_TIMEZONE must be an IANA time zone such as Asia/Taipei, not "${timeZone}"`,
    )
  }
  const mediaPublicUrl = text(env, 'MEDIA_PUBLIC_URL', '')
  if (mediaPublicUrl && !isHttpUrl(mediaPublicUrl)) {
    throw new ConfigError(
      `MEDIA_PUBLIC_URL must be an absolute http(s) URL such as https://media.news.example.org, not "${mediaPublicUrl}"`,
    )
  }
  const config: Config = {
    siteTitle: text(env, 'SITE_TITLE', 'edgefeed'),
    siteDescription: text(env, 'SITE_DESCRIPTION', 'Articles published through edgefeed'),
    siteUrl: siteUrl ? siteUrl.replace(/\/+$/, '') : undefined,
    language,
    timeZone,
    pageSize: integer(env, 'PAGE_SIZE', 20, 1, 100),
    cacheMaxAge: integer(env, 'CACHE_MAX_AGE', 300, 0, 86_400),
    adminToken: text(env, 'ADMIN_TOKEN', '') || undefined,
    tombstoneSeconds: integer(env, 'TOMBSTONE_DAYS', 30, 1, 3650) * 86_400,
    websubHubs: urls(env, 'WEBSUB_HUBS', 'WebSub hubs'),
    siteMe: urls(env, 'SITE_ME', "the site's profiles elsewhere"),
    kvPropagationSeconds: integer(env, 'KV_PROPAGATION_SECONDS', 90, 0, 3600),
    websubRetrySeconds: integer(env, 'WEBSUB_RETRY_SECONDS', 30, 0, 3600),
    deployedMs: deployedMs(env.CF_VERSION_METADATA),
    mediaPublicUrl: mediaPublicUrl ? mediaPublicUrl.replace(/\/+$/, '') : undefined,
    mediaGraceSeconds: integer(env, 'MEDIA_GRACE_DAYS', 30, 1, 3650) * 86_400,
    rehostImages: flag(env, 'REHOST_IMAGES'),
    rehostPerHour: integer(env, 'REHOST_PER_HOUR', 500, 0, 100_000),
  }
  const accessApp = access(env)
  if (accessApp) config.access = accessApp
  parsed.set(env, config)
  return config
}
