import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { requireToken } from '../auth'
import { problem } from '../problem'
import { isValidId } from '../articles/ids'
import type { Article } from '../articles/model'
import type { ImportReport } from '../articles/import/plaintext'
import { getArticle, getStored } from '../store/articles'
import { createArticle, removeArticle, replaceArticle } from './publishing'
import { articlePath } from '../urls'
import { readArticle } from './article-body'
import { pageQuery, readPageChecked } from './paging'
import { publishers } from './publishers'
import { openapi } from './openapi'

/** The publishing API, mounted at /api. Every call needs a bearer token. */
export const api = new Hono<AppEnv>()

api.use('*', async (c, next) => {
  await next()
  c.header('Cache-Control', 'no-store')
})
api.use('/articles/*', requireToken())
api.use('/articles', requireToken())
api.route('/publishers', publishers)
api.route('/', openapi)

function notFound(id: string) {
  return problem(404, { title: 'Not Found', detail: `No article has the id "${id}".` })
}

function checkId(id: string): string {
  if (!isValidId(id)) {
    throw problem(400, {
      title: 'Invalid id',
      detail:
        'An id is a slug of lowercase letters, digits, "-", "_" and "." of at most 128 bytes.',
      errors: [{ pointer: '/id', detail: 'not a valid id' }],
    })
  }
  return id
}

api.post('/articles', async (c) => {
  const { input, report } = await readArticle(c)
  const article = await createArticle(c, input)
  c.header('Location', `/api/articles/${encodeURIComponent(article.id)}`)
  return c.json(withReport(article, report), 201)
})

api.put('/articles/:id', async (c) => {
  const id = checkId(c.req.param('id'))
  const { input, report } = await readArticle(c)
  if (input.id !== undefined && input.id !== id) {
    throw problem(400, {
      title: 'Invalid article',
      detail: `The body's id "${input.id}" differs from the URL's "${id}".`,
      errors: [{ pointer: '/id', detail: 'must match the id in the URL' }],
    })
  }
  const stored = await getStored(c.var.kv, id)
  const previous = stored.article
  const article = await replaceArticle(c, id, input, stored)
  if (!previous) c.header('Location', `/api/articles/${encodeURIComponent(id)}`)
  return c.json(withReport(article, report), previous ? 200 : 201)
})

/** A text import answers with the stored article and what was recognised where. */
function withReport(article: Article, report?: ImportReport) {
  return report ? { ...article, import_report: report } : article
}

api.get('/articles/:id', async (c) => {
  const id = c.req.param('id')
  const { article, tombstone } = await getStored(c.var.kv, id)
  if (!article) {
    if (tombstone) {
      throw problem(410, {
        title: 'Gone',
        detail: `The article "${id}" was deleted at ${tombstone.deleted_at}.`,
        deleted_at: tombstone.deleted_at,
      })
    }
    throw notFound(id)
  }
  return c.json(article)
})

api.delete('/articles/:id', async (c) => {
  const id = c.req.param('id')
  const article = await getArticle(c.var.kv, id)
  if (!article) throw notFound(id)
  await removeArticle(c, article)
  return c.body(null, 204)
})

/** What a listing shows of each article. */
function listed(article: Article, baseUrl: string) {
  const { id, title, summary, published, updated, tags, language, publisher } = article
  return {
    id,
    title,
    summary,
    published,
    updated,
    tags,
    language,
    publisher,
    url: baseUrl + articlePath(id),
  }
}

api.get('/articles', async (c) => {
  const { limit, cursor } = pageQuery(c)
  const page = await readPageChecked(c, { limit: limit ?? c.var.config.pageSize, cursor })
  return c.json({
    items: page.items.map((a) => listed(a, c.var.baseUrl)),
    ...(page.cursor ? { next_cursor: page.cursor } : {}),
  })
})
