import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { rememberVersion } from '../version-memo'
import { newVersion, writeVersion } from '../store/version'
import type { Article } from '../articles/model'
import { tagSpellings } from '../articles/variants'
import { notifyHubs } from '../websub'

/**
 * What every write does once its change is stored: a new content version, which this
 * location's next request sees at once (the edge memo) and other locations through KV, and
 * a ping to WebSub hubs, which does not delay the answer.
 */
export async function announce(
  c: Context<AppEnv>,
  ...changed: (Article | undefined)[]
): Promise<void> {
  const version = newVersion()
  writeVersion(c.var.kv, version, (writing) => c.executionCtx.waitUntil(writing))
  await rememberVersion(new URL(c.req.url).origin, { ...version, checked: Date.now() })
  notifyHubs(c, [...new Set(changed.flatMap((a) => (a ? tagSpellings(a) : [])))])
}
