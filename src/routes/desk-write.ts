/**
 * What the desk writes with, mounted at /desk/api behind a session: the publishing API's
 * article calls themselves (the same validation, import, coordinator and If-Match), and two
 * that store nothing: reading a pasted page through the import, and rendering the article's
 * page in each script for the live preview; and how far a write's purges and pings have gone.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { requireDeskSession } from '../access/desk-session'
import { buildArticle } from '../articles/build'
import { publicArticle } from '../store/layout'
import { previewPages } from '../views/desk/preview-pages'
import { ArticleInput } from '../articles/schema'
import { readArticle } from '../http/body'
import { deskOf, sendReply, unwrap, writerOf } from '../http/desk'
import { problem } from '../http/problem'
import { readJsonBody } from '../http/validate'
import { DeliveryQuery } from '../http/desk-schemas'
import { api } from './api'

export const deskWrite = new Hono<AppEnv>()

deskWrite.use('*', requireDeskSession)

/**
 * A pasted page, read by the import as the API reads a text/plain or text/html body: the fields it found
 * and its report, for the editor to check before saving. Nothing is stored.
 */
deskWrite.post('/import', async (c) => {
  const type = c.req.header('Content-Type') ?? ''
  if (!/^text\/(plain|html)\b/i.test(type)) {
    throw problem(415, {
      title: 'Unsupported Media Type',
      detail: 'Send the pasted page as text/plain or text/html.',
    })
  }
  const { input, report } = await readArticle(c)
  return c.json({ article: input, report })
})

/**
 * The article's whole page as readers will see it, rendered by the site's own page, unsaved:
 * in Traditional and Simplified for a Chinese article. The desk shows each in a sandboxed frame.
 */
deskWrite.post('/preview/pages', async (c) => {
  const input = await readJsonBody(c, ArticleInput)
  const { config, principal } = c.var
  const article = buildArticle(input, {
    id: input.id ?? 'preview',
    publisher: principal.name,
    now: Date.now(),
    timeZone: config.timeZone,
    defaultLanguage: config.language,
    defaultAuthor: principal.defaultAuthor,
  })
  return c.json({ pages: await previewPages(publicArticle(article), config, c.var.baseUrl) })
})

/**
 * How far a write's purges and pings have gone: the desk sends back the `delivery` its write
 * answer carried, and shows each pass as it is sent. Reads the coordinator's queues only.
 */
deskWrite.post('/delivery', async (c) => {
  const { tags, feeds, second } = await readJsonBody(c, DeliveryQuery)
  return c.json(await deskOf(c.env).deliveryProgress(tags, feeds, Date.parse(second)))
})

/** Puts back an article deleted while its tombstone lasts (the API offers this through Micropub). */
deskWrite.post('/articles/:id/undelete', async (c) => {
  const writer = writerOf(c.var.principal)
  const id = c.req.param('id')
  return sendReply(c, unwrap(await deskOf(c.env).undelete(writer, id, { baseUrl: c.var.baseUrl })))
})

// The article and media calls: only these of the API are reachable with a session.
const articles = new Hono<AppEnv>()
articles.use('*', async (c, next) => {
  if (!/^\/desk\/api\/(articles|media)(\/|$)/.test(c.req.path)) return c.notFound()
  await next()
})
articles.route('/', api)
deskWrite.route('/', articles)
