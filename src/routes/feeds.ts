import { Hono, type Context } from 'hono'
import type { AppEnv } from '../env'
import { buildFeed } from '../feeds/build'
import { renderAtom } from '../feeds/atom'
import { renderJson } from '../feeds/json'
import { renderRss } from '../feeds/rss'
import type { Feed } from '../feeds/model'
import { FEED_FILES, FEED_TYPES, type FeedFormat } from '../urls'
import { pageQuery, readPageChecked } from './paging'

const RENDER: Record<FeedFormat, (feed: Feed) => string> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJson,
}

/** RSS, Atom and JSON Feed for the whole site and for each tag. */
export const feeds = new Hono<AppEnv>()

async function serveFeed(c: Context<AppEnv>, format: FeedFormat, tag?: string) {
  const { config } = c.var
  const { limit, cursor } = pageQuery(c)
  const page = await readPageChecked(c, { tag, limit: limit ?? config.pageSize, cursor })
  const version = c.get('version')
  const feed = buildFeed(
    config,
    { format, tag, limit, cursor, baseUrl: c.var.baseUrl, script: c.var.script },
    page,
    version.changed,
  )
  return c.body(RENDER[format](feed), 200, {
    'Content-Type': `${FEED_TYPES[format]}; charset=utf-8`,
  })
}

for (const format of Object.keys(FEED_FILES) as FeedFormat[]) {
  feeds.get(`/${FEED_FILES[format]}`, (c) => serveFeed(c, format))
  feeds.get(`/tags/:tag/${FEED_FILES[format]}`, (c) => serveFeed(c, format, c.req.param('tag')))
}
