import type { Config } from './config'
import type { Script } from './articles/script'
import type { Principal } from './auth'
import type { KvReads } from './store/counting'
import type { ContentVersion } from './store/version'

/** Hono's environment for this app. `Env` is generated from wrangler.toml by `npm run types`. */
export interface AppEnv {
  Bindings: Env & { ADMIN_TOKEN?: string }
  Variables: {
    config: Config
    /** The site's canonical base URL: SITE_URL, or the request's origin. */
    baseUrl: string
    /** The ARTICLES namespace, wrapped to count this request's reads. */
    kv: KVNamespace
    reads: KvReads
    /** The script variant a public page was asked in (`/zh-Hans/...`); undefined for the original. */
    script?: Script
    /** The content version public pages are cached under (set by the edge cache). */
    version: ContentVersion
    /** Who is writing, once authenticated. */
    principal: Principal
  }
}
