/**
 * WebSub (W3C): after every change, tell each configured hub which feeds changed, so
 * subscribers hear of it without polling. Pings run after the response (`waitUntil`), retry
 * with backoff, and log what was given up.
 */
import type { Context } from 'hono'
import type { AppEnv } from './env'
import type { Article } from './articles/model'
import { scriptOf, SCRIPTS } from './articles/script'
import { tagSpellings } from './articles/variants'
import { FEED_FILES, feedPath, scriptPrefix, type FeedFormat } from './urls'

const ATTEMPTS = 3
const BACKOFF_MS = [500, 2000]

/** One publish ping, retried with backoff; resolves false when given up. */
export async function ping(
  hub: string,
  topic: string,
  wait = (ms: number) => new Promise((r) => setTimeout(r, ms)),
): Promise<boolean> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      const res = await fetch(hub, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }),
      })
      if (res.ok) return true
      console.warn(`WebSub hub ${hub} answered ${res.status} for ${topic} (attempt ${attempt})`)
    } catch (error) {
      console.warn(`WebSub hub ${hub} unreachable for ${topic} (attempt ${attempt})`, error)
    }
    if (attempt < ATTEMPTS) await wait(BACKOFF_MS[attempt - 1]!)
  }
  console.error(`WebSub: gave up telling ${hub} that ${topic} changed after ${ATTEMPTS} attempts`)
  return false
}

/**
 * Every feed a change to these articles touches, in every format: the site's and each tag
 * spelling's. The `/zh-Hans` and `/zh-Hant` feeds change with a Chinese article even on a
 * site in another language, so they are named when the site or a changed article is Chinese.
 */
export function changedFeeds(baseUrl: string, siteLanguage: string, changed: Article[]): string[] {
  const tags = [...new Set(changed.flatMap(tagSpellings))]
  const chinese = [siteLanguage, ...changed.map((a) => a.language)].some(
    (language) => scriptOf(language) !== undefined,
  )
  const prefixes = ['', ...(chinese ? SCRIPTS.map(scriptPrefix) : [])]
  const formats = Object.keys(FEED_FILES) as FeedFormat[]
  return prefixes.flatMap((prefix) =>
    [undefined, ...tags].flatMap((tag) =>
      formats.map((format) => baseUrl + prefix + feedPath(format, tag)),
    ),
  )
}

/** Pings every hub about every feed the change touches, after the response is sent. */
export function notifyHubs(c: Context<AppEnv>, changed: Article[]): void {
  const { websubHubs, language } = c.var.config
  if (websubHubs.length === 0) return
  const topics = changedFeeds(c.var.baseUrl, language, changed)
  c.executionCtx.waitUntil(
    Promise.all(websubHubs.flatMap((hub) => topics.map((topic) => ping(hub, topic)))),
  )
}
