import { Hono, type Context } from 'hono'
import type { AppEnv } from '../env'
import { SCRIPTS } from '../articles/script'
import { inScript } from '../articles/variants'
import { getArticle } from '../store/articles'
import { listTags, neighbour } from '../store/listings'
import { getTombstone } from '../store/tombstones'
import { articlePath, tagPath, withQuery } from '../urls'
import { APP_SCRIPT } from '../views/app-script'
import { ArticlePage, ErrorPage, FeedsPage, ListPage } from '../views/pages'
import { STYLE } from '../views/style'
import { ICON_SVG } from '../views/icon'
import { pageQuery, readPageChecked } from './paging'
import { siteFor } from './site'

/** The HTML view: home, tags, articles, the list of feeds. */
export const pages = new Hono<AppEnv>()

async function listPage(c: Context<AppEnv>, path: string, tag?: string) {
  const site = siteFor(c)
  const { limit, cursor } = pageQuery(c)
  const page = await readPageChecked(c, { tag, limit: limit ?? c.var.config.pageSize, cursor })
  const heading = tag ?? site.title
  return c.html(
    <ListPage
      site={site}
      heading={heading}
      tag={tag}
      articles={page.items.map((a) => inScript(a, c.var.script))}
      nextHref={
        page.cursor ? site.prefix + withQuery(path, { limit, cursor: page.cursor }) : undefined
      }
      meta={{
        title: heading,
        description: site.description,
        lang: site.lang,
        path: withQuery(path, { limit, cursor }),
        feedTag: tag,
      }}
    />,
  )
}

/** 404 and 410, in the site's style. */
function errorPage(c: Context<AppEnv>, status: 404 | 410) {
  const site = siteFor(c)
  const l = site.labels
  const [heading, text] = status === 404 ? [l.notFound, l.notFoundText] : [l.gone, l.goneText]
  return c.html(
    <ErrorPage
      site={site}
      heading={heading}
      text={text}
      meta={{ title: heading, lang: site.lang, path: c.req.path }}
    />,
    status,
  )
}

/** The 404 page, for any path nothing else answers. */
export const notFoundPage = (c: Context<AppEnv>) => errorPage(c, 404)

pages.get('/', (c) => listPage(c, '/'))
pages.get('/tags/:tag', (c) => listPage(c, tagPath(c.req.param('tag')), c.req.param('tag')))

/** 410 for an article its publisher deleted (while the tombstone lasts), else 404. */
async function missingArticle(c: Context<AppEnv>, id: string) {
  return errorPage(c, (await getTombstone(c.var.kv, id)) ? 410 : 404)
}

pages.get('/articles/:id', async (c) => {
  const stored = await getArticle(c.var.kv, c.req.param('id'))
  if (!stored) return missingArticle(c, c.req.param('id'))
  const site = siteFor(c)
  const article = inScript(stored, c.var.script)
  const url = site.baseUrl + articlePath(article.id)
  return c.html(
    <ArticlePage
      site={site}
      article={article}
      meta={{
        title: article.title,
        description: article.summary,
        lang: article.language,
        path: articlePath(article.id),
        og: {
          type: 'article',
          image: article.image,
          published: article.published,
          modified: article.updated,
        },
        jsonLd: {
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: article.title,
          description: article.summary,
          datePublished: article.published,
          dateModified: article.updated,
          inLanguage: article.language,
          mainEntityOfPage: url,
          url,
          ...(article.image ? { image: [article.image] } : {}),
          author: article.authors.map((a) => ({
            '@type': 'Person',
            name: a.name,
            ...(a.url ? { url: a.url } : {}),
          })),
          publisher: { '@type': 'Organization', name: site.title, url: `${site.baseUrl}/` },
          ...(article.tags.length ? { keywords: article.tags.join(', ') } : {}),
        },
      }}
    />,
  )
})

// Previous and next article: resolved only when a reader follows the link.
pages.get('/articles/:id/:direction{newer|older}', async (c) => {
  const article = await getArticle(c.var.kv, c.req.param('id'))
  if (!article) return notFoundPage(c)
  const id = await neighbour(c.var.kv, article, c.req.param('direction') as 'newer' | 'older')
  const site = siteFor(c)
  return c.redirect(site.prefix + (id ? articlePath(id) : '/'), 302)
})

pages.get('/feeds', async (c) => {
  const site = siteFor(c)
  const tags = await listTags(c.var.kv)
  const scripts = site.chinese
    ? SCRIPTS.filter((s) => s !== c.var.script).map((s) => ({ name: s, site: siteFor(c, s) }))
    : []
  return c.html(
    <FeedsPage
      site={site}
      tags={tags}
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

pages.get('/style.css', (c) => c.body(STYLE, 200, { 'Content-Type': 'text/css; charset=utf-8' }))
pages.get('/icon.svg', (c) => c.body(ICON_SVG, 200, { 'Content-Type': 'image/svg+xml' }))
pages.get('/app.js', (c) =>
  c.body(APP_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
)
