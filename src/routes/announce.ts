import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { rememberVersion } from '../cache'
import type { VersionListener } from '../store/version'
import type { Article } from '../articles/model'
import { tagSpellings } from '../articles/variants'
import { notifyHubs } from '../websub'

/**
 * What every write does once its change is stored: make the new version visible to this
 * location's next request, and (without delaying the answer) tell WebSub hubs.
 */
export function announce(c: Context<AppEnv>, ...changed: (Article | undefined)[]): VersionListener {
  const tags = [...new Set(changed.flatMap((a) => (a ? tagSpellings(a) : [])))]
  return async (version) => {
    await rememberVersion(new URL(c.req.url).origin, version)
    notifyHubs(c, tags)
  }
}
