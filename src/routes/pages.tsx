import { Hono, type Context } from 'hono'
import type { AppEnv } from '../env'
import { SCRIPTS } from '../articles/script'
import { inScript } from '../articles/variants'
import { isValidId } from '../articles/ids'
import { listingQuery, noQuery } from '../edge/canonical'
import { changedAt, tagResponse } from '../edge/headers'
import { ALL, articleTag, FEEDS, STATIC } from '../edge/tags'
import { headingOf, readCardListing } from './listing'
import { liveSpelling } from './tag-spelling'
import { getArticle } from '../store/articles'
import { listNames, neighbour } from '../store/listings'
import { getTombstone } from '../store/tombstones'
import { articlePath, listingPath, withQuery } from '../urls'
import type { Listing } from '../articles/listings'
import { APP_SCRIPT } from '../views/app-script'
import { ICON_SVG } from '../views/icon'
import { articleMeta } from '../views/models/article'
import { siteModel } from '../views/models/site'
import { ArticlePage } from '../views/article-page'
import { ErrorPage } from '../views/error-page'
import { FeedsPage } from '../views/feeds-page'
import { ListPage } from '../views/list-page'
import { STYLE } from '../views/style'

/** The HTML view: home, tags, articles, the list of feeds. */
export const pages = new Hono<AppEnv>()

const siteOf = (c: Context<AppEnv>) => siteModel(c.var.config, c.var.baseUrl, c.var.script)

/** The home page, a tag's page or an author's: recent articles, paged. */
export async function listPage(c: Context<AppEnv>, listing?: Listing) {
  const asked = await readCardListing(c, listing)
  if (!asked) return notFoundPage(c)
  const { page, limit, cursor } = asked
  const site = siteOf(c)
  const heading = listing ? headingOf(listing, c.var.listingNames) : site.title
  const path = listingPath(listing) || '/'
  return c.html(
    <ListPage
      site={site}
      heading={heading}
      listing={listing}
      articles={page.items.map((a) => inScript(a, c.var.script))}
      nextHref={
        page.cursor ? site.prefix + withQuery(path, { limit, cursor: page.cursor }) : undefined
      }
      meta={{
        title: heading,
        description: site.description,
        lang: site.lang,
        path: withQuery(path, { limit, cursor }),
        feedListing: listing,
      }}
    />,
  )
}

/** 404 and 410, in the site's style. Their script links stay on this site whatever the path. */
function errorPage(c: Context<AppEnv>, status: 404 | 410) {
  const site = siteOf(c)
  const l = site.labels
  const [heading, text] = status === 404 ? [l.notFound, l.notFoundText] : [l.gone, l.goneText]
  return c.html(
    <ErrorPage
      site={site}
      heading={heading}
      text={text}
      meta={{ title: heading, lang: site.lang }}
    />,
    status,
  )
}

/** The 404 page, for any path nothing else answers. */
export const notFoundPage = (c: Context<AppEnv>) => errorPage(c, 404)

pages.get('/', listingQuery, (c) => listPage(c))
pages.get('/tags/:tag', listingQuery, liveSpelling('tag', ''), (c) =>
  listPage(c, { kind: 'tag', name: c.req.param('tag') }),
)
pages.get('/authors/:author', listingQuery, liveSpelling('author', ''), (c) =>
  listPage(c, { kind: 'author', name: c.req.param('author') }),
)

/** The article's id from the path, or undefined when no article could have it. */
function idParam(c: Context<AppEnv>): string | undefined {
  const id = c.req.param('id')
  return id !== undefined && isValidId(id) ? id : undefined
}

pages.get('/articles/:id', noQuery, async (c) => {
  const id = idParam(c)
  if (id === undefined) return notFoundPage(c)
  // The 404 or 410 is tagged too: publishing the id purges it.
  tagResponse(c, articleTag(id))
  const stored = await getArticle(c.env.ARTICLES, id)
  if (!stored) return errorPage(c, (await getTombstone(c.env.ARTICLES, id)) ? 410 : 404)
  changedAt(c, stored.changedMs)
  const site = siteOf(c)
  const article = inScript(stored.article, c.var.script)
  const meta = articleMeta(site, article, stored.article.language)
  return c.html(<ArticlePage site={site} article={article} meta={meta} />)
})

// Previous and next article: resolved only when a reader follows the link.
pages.get('/articles/:id/:direction{newer|older}', noQuery, async (c) => {
  const id = idParam(c)
  if (id === undefined) return notFoundPage(c)
  tagResponse(c, articleTag(id), ALL)
  const stored = await getArticle(c.env.ARTICLES, id)
  if (!stored) return notFoundPage(c)
  const direction = c.req.param('direction') === 'newer' ? 'newer' : 'older'
  const other = await neighbour(c.env.ARTICLES, stored.article, direction)
  return c.redirect(siteOf(c).prefix + (other ? articlePath(other) : '/'), 302)
})

pages.get('/feeds', noQuery, async (c) => {
  tagResponse(c, FEEDS)
  const site = siteOf(c)
  const { tags, authors, changedMs } = await listNames(c.env.ARTICLES, FEEDS)
  changedAt(c, changedMs)
  const scripts = site.chinese
    ? SCRIPTS.filter((s) => s !== c.var.script).map((s) => ({
        name: s,
        site: siteModel(c.var.config, c.var.baseUrl, s),
      }))
    : []
  return c.html(
    <FeedsPage
      site={site}
      tags={tags}
      authors={authors}
      scripts={scripts}
      meta={{
        title: site.labels.feeds,
        description: site.labels.subscribeHint,
        lang: site.lang,
        path: '/feeds',
      }}
    />,
  )
})

const asset = (body: string, type: string) => (c: Context<AppEnv>) => {
  tagResponse(c, STATIC)
  return c.body(body, 200, { 'Content-Type': type })
}
pages.get('/style.css', noQuery, asset(STYLE, 'text/css; charset=utf-8'))
pages.get('/icon.svg', noQuery, asset(ICON_SVG, 'image/svg+xml'))
pages.get('/app.js', noQuery, asset(APP_SCRIPT, 'text/javascript; charset=utf-8'))
