import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { rememberVersion } from '../version-memo'
import { newVersion, writeVersion } from '../store/version'
import type { Article } from '../articles/model'
import { notifyHubs } from '../websub'

/**
 * A new content version for a stored change: in this location's edge memo before it returns,
 * so the location's next request sees the change, and in KV for other locations after the
 * answer (`later`, the request's `waitUntil`).
 */
export async function recordChange(
  kv: KVNamespace,
  origin: string,
  later: (writing: Promise<void>) => void,
): Promise<void> {
  const version = newVersion()
  writeVersion(kv, version, later)
  await rememberVersion(origin, { ...version, checked: Date.now() })
}

/**
 * What every write does once its change is stored: a new content version (above), and a
 * ping to WebSub hubs, which does not delay the answer.
 */
export async function announce(
  c: Context<AppEnv>,
  ...changed: (Article | undefined)[]
): Promise<void> {
  await recordChange(c.var.kv, new URL(c.req.url).origin, (writing) =>
    c.executionCtx.waitUntil(writing),
  )
  notifyHubs(
    c,
    changed.filter((a) => a !== undefined),
  )
}
