import { Hono, type Context } from 'hono'
import type { AppEnv } from '../env'
import { buildFeed } from '../feeds/build'
import { renderAtom } from '../feeds/atom'
import { renderJson } from '../feeds/json'
import { renderRss } from '../feeds/rss'
import type { Feed } from '../feeds/model'
import { inScript } from '../articles/variants'
import { scriptOf } from '../articles/script'
import { listingQuery } from '../edge/canonical'
import { isBrowserNavigation, NAVIGATION_VARY } from '../http/negotiate'
import type { Listing } from '../articles/listings'
import { headingOf, readFeedListing } from './listing'
import type { PublicArticle } from '../articles/model'
import { listDeleted } from '../store/tombstones'
import { FEED_FILES, FEED_FORMATS, FEED_TYPES, feedPath, type FeedFormat } from '../urls'
import { siteModel } from '../views/models/site'
import { FeedPreviewPage } from '../views/feeds-page'
import { notFoundPage } from './pages'
import { liveSpelling } from './tag-spelling'

const RENDER: Record<FeedFormat, (feed: Feed) => string> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJson,
}

/** RSS, Atom and JSON Feed for the whole site, each tag and each author. */
export const feeds = new Hono<AppEnv>()

async function serveFeed(c: Context<AppEnv>, format: FeedFormat, listing?: Listing) {
  const asked = await readFeedListing(c, listing)
  if (!asked) return notFoundPage(c)
  const { page, limit, cursor } = asked
  const { config } = c.var
  c.header('Vary', NAVIGATION_VARY)
  if (isBrowserNavigation(c.req.raw.headers)) return preview(c, format, listing, page.items)
  // Atom readers learn of deletions (RFC 6721) on the first page.
  const deleted =
    format === 'atom' && !cursor
      ? await listDeleted(c.env.ARTICLES, { listing, limit: config.pageSize })
      : []
  // Hubs hear of each feed's first page at its own address (src/desk/pings.ts), and of a
  // script's feeds with every change only on a Chinese site: any other page names no hub, so
  // that no one subscribes to a topic that is never announced.
  const announced =
    limit === undefined &&
    cursor === undefined &&
    (c.var.script === undefined || scriptOf(config.language) !== undefined)
  const feed = buildFeed(
    announced ? config : { ...config, websubHubs: [] },
    {
      format,
      listing,
      heading: listing && headingOf(listing, c.var.listingNames),
      limit,
      cursor,
      baseUrl: c.var.baseUrl,
      script: c.var.script,
      deleted,
    },
    page,
  )
  // WebSub discovery: each hub, and exactly one self link.
  for (const hub of feed.links.hubs) c.header('Link', `<${hub}>; rel="hub"`, { append: true })
  if (feed.links.hubs.length) c.header('Link', `<${feed.links.self}>; rel="self"`, { append: true })
  return c.body(RENDER[format](feed), 200, {
    'Content-Type': `${FEED_TYPES[format]}; charset=utf-8`,
  })
}

/** A person who clicked a feed link: explain feeds, show the address and the latest items. */
function preview(
  c: Context<AppEnv>,
  format: FeedFormat,
  listing: Listing | undefined,
  articles: PublicArticle[],
) {
  const site = siteModel(c.var.config, c.var.baseUrl, c.var.script)
  const path = feedPath(format, listing)
  return c.html(
    <FeedPreviewPage
      site={site}
      feedUrl={site.baseUrl + site.prefix + path}
      articles={articles.map((a) => inScript(a, c.var.script))}
      meta={{
        title: `${site.labels.feedPreview}: ${listing?.name ?? site.title}`,
        lang: site.lang,
        path,
        feedListing: listing,
      }}
    />,
  )
}

for (const format of FEED_FORMATS) {
  feeds.get(`/${FEED_FILES[format]}`, listingQuery, (c) => serveFeed(c, format))
  const tail = `/${FEED_FILES[format]}`
  feeds.get(`/tags/:tag${tail}`, listingQuery, liveSpelling('tag', tail), (c) =>
    serveFeed(c, format, { kind: 'tag', name: c.req.param('tag') }),
  )
  feeds.get(`/authors/:author${tail}`, listingQuery, liveSpelling('author', tail), (c) =>
    serveFeed(c, format, { kind: 'author', name: c.req.param('author') }),
  )
}
