import type { Config } from './config'
import type { Script } from './articles/script'
import type { Principal } from './access/principal'
import type { DeskSession } from './desk/signin'

/** Hono's environment for this app. `Env` is generated from wrangler.toml by `npm run types`. */
export interface AppEnv {
  Bindings: Env
  Variables: {
    config: Config
    /** The site's canonical base URL: SITE_URL (the request's origin only for local runs). */
    baseUrl: string
    /** The script variant a public page was asked in (`/zh-Hans/...`); undefined for the original. */
    script?: Script
    /** A tag's or author's live spellings, the heading first (src/routes/tag-spelling.ts). */
    listingNames?: string[]
    /** Who is writing, once authenticated. */
    principal: Principal
    /** A browser desk request's session (src/access/desk-session.ts). */
    deskSession?: DeskSession
    /** What a public response shows, for purging (src/edge/tags.ts). */
    cacheTags?: string[]
    /** When what a public response shows last changed: its Last-Modified (src/edge/headers.ts). */
    changedMs?: number
    /** How long a public response that ages by the clock may be kept, at most (seconds). */
    keepSeconds?: number
  }
}
