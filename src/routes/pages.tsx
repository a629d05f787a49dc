import { Hono, type Context } from 'hono'
import type { AppEnv } from '../env'
import { problem } from '../problem'
import { getArticle } from '../store/articles'
import { articlePath, tagPath, withQuery } from '../urls'
import { ArticlePage, ListPage } from '../views/pages'
import { STYLE } from '../views/style'
import { pageQuery, readPageChecked } from './paging'

/** The HTML view: home page, article pages, tag pages. */
export const pages = new Hono<AppEnv>()

function site(c: Context<AppEnv>) {
  const { config } = c.var
  return {
    siteTitle: config.siteTitle,
    siteDescription: config.siteDescription,
    baseUrl: c.var.baseUrl,
    lang: config.language,
    timeZone: config.timeZone,
  }
}

async function listPage(c: Context<AppEnv>, path: string, tag?: string) {
  const s = site(c)
  const { limit, cursor } = pageQuery(c)
  const page = await readPageChecked(c, { tag, limit: limit ?? c.var.config.pageSize, cursor })
  const heading = tag === undefined ? s.siteTitle : tag
  return c.html(
    <ListPage
      site={s}
      heading={heading}
      articles={page.items}
      nextHref={page.cursor ? withQuery(path, { limit, cursor: page.cursor }) : undefined}
      meta={{
        siteTitle: s.siteTitle,
        title: heading,
        description: s.siteDescription,
        lang: s.lang,
        canonical: s.baseUrl + withQuery(path, { limit, cursor }),
        baseUrl: s.baseUrl,
        feedTag: tag,
      }}
    />,
  )
}

pages.get('/', (c) => listPage(c, '/'))
pages.get('/tags/:tag', (c) => listPage(c, tagPath(c.req.param('tag')), c.req.param('tag')))

pages.get('/articles/:id', async (c) => {
  const id = c.req.param('id')
  const article = await getArticle(c.var.kv, id)
  if (!article) throw problem(404, { title: 'Not Found', detail: `No article has the id "${id}".` })
  const s = site(c)
  return c.html(
    <ArticlePage
      site={s}
      article={article}
      meta={{
        siteTitle: s.siteTitle,
        title: article.title,
        description: article.summary,
        lang: article.language,
        canonical: s.baseUrl + articlePath(article.id),
        baseUrl: s.baseUrl,
      }}
    />,
  )
})

pages.get('/style.css', (c) => c.body(STYLE, 200, { 'Content-Type': 'text/css; charset=utf-8' }))
