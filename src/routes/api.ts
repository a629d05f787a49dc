import { Hono, type Context } from 'hono'
import type { z } from 'zod'
import type { AppEnv } from '../env'
import { identify } from '../access/tokens'
import { requireToken } from '../http/auth'
import { idempotencyOf } from '../http/idempotency'
import { LIMIT_MAX, pageQuery } from '../http/paging'
import { listingQuery } from '../http/listing-query'
import { problem } from '../http/problem'
import { buildDraft, type Draft } from '../articles/build'
import { ID_RULE, idForContent, isValidId } from '../articles/ids'
import type { ArticleInput } from '../articles/schema'
import type { ImportReport } from '../articles/import/plaintext'
import type { ContentWarning } from '../articles/relative-urls'
import { deskOf, sendReply, unwrap, writerOf } from '../http/desk'
import type { WriteOptions } from '../desk/desk'
import type { ApiArticle } from '../desk/protocol'
import { articlePath } from '../urls'
import { readArticle } from '../http/body'
import { docs, documentation, type ListedArticle } from '../http/api-docs'
import { openApiDocument } from '../http/openapi'
import { publishers } from './publishers'
import { mediaApi } from './media'
import { withFileFacts } from '../media/file-facts'
import { planRehost } from '../media/rehost'
import { queueRehost } from '../fanout/rehost'
import { mediaSiteOf } from '../http/upload'
import { micropub } from './micropub'
import { imports } from './imports'

/** The publishing API, mounted at /api. Every call but the OpenAPI document needs a token. */
export const api = new Hono<AppEnv>()

api.use('*', async (c, next) => {
  await next()
  c.header('Cache-Control', 'no-store')
})
api.use('/articles/*', requireToken({ identify }))
api.use('/articles', requireToken({ identify }))
api.route('/publishers', publishers)
api.route('/media', mediaApi)
api.route('/imports', imports)

/** The write coordinator's backlog, for operators: unsynced ids, purges and pings waiting. */
api.get('/status', docs.status, requireToken({ identify, adminOnly: true }), async (c) =>
  c.json(await deskOf(c.env).status()),
)

/** The API described as OpenAPI 3.1, generated from the routes' own descriptions. */
api.get('/openapi.json', docs.openapi, async (c) =>
  c.json(
    await openApiDocument(api, `${c.var.baseUrl}/api`, documentation, [
      { app: micropub, path: '/micropub', serverUrl: c.var.baseUrl },
    ]),
  ),
)

function checkId(id: string): string {
  if (!isValidId(id)) {
    throw problem(400, {
      title: 'Invalid id',
      detail: `An id is ${ID_RULE}.`,
      errors: [{ pointer: '/id', detail: 'not a valid id' }],
    })
  }
  return id
}

/** The article in a write request, built into a draft with the writer's defaults. */
async function draftOf(
  c: Context<AppEnv>,
): Promise<{ input: ArticleInput; draft: Draft; report?: ImportReport }> {
  const read = await readArticle(c)
  const { report } = read
  const input = await withFileFacts(c.env.MEDIA, mediaSiteOf(c), read.input)
  const { config, principal } = c.var
  const draft = buildDraft(input, {
    timeZone: config.timeZone,
    defaultLanguage: config.language,
    defaultAuthor: principal.defaultAuthor,
  })
  if (input.rehost_images ?? config.rehostImages) planRehost(draft, mediaSiteOf(c))
  return { input, draft, report }
}

async function writeOptions(
  c: Context<AppEnv>,
  report?: ImportReport,
  warnings: ContentWarning[] = [],
): Promise<WriteOptions> {
  const idempotency = await idempotencyOf(c)
  // Added to the stored article in the answer (and in its replays).
  const echo = {
    ...(report ? { import_report: report } : {}),
    ...(warnings.length ? { warnings } : {}),
  }
  return {
    baseUrl: c.var.baseUrl,
    ...(idempotency ? { idempotency } : {}),
    ...(Object.keys(echo).length ? { echo: JSON.stringify(echo) } : {}),
  }
}

api.post('/articles', docs.createArticle, async (c) => {
  const { input, draft, report } = await draftOf(c)
  // An id derived from the text: the coordinator tells a repeat (409) from another article whose
  // id came out the same (a suffix) by its fingerprint.
  const derived =
    input.id === undefined
      ? await idForContent(input, draft.published, Date.now(), c.var.config.timeZone)
      : undefined
  const id = input.id ?? derived!.id
  const options = {
    ...(await writeOptions(c, report, draft.warnings)),
    ...(derived ? { fingerprint: derived.fingerprint } : {}),
  }
  const reply = unwrap(await deskOf(c.env).create(writerOf(c.var.principal), id, draft, options))
  return sendReply(c, await queueRehost(c.env.HUB_PINGS, draft, reply, c.var.baseUrl))
})

/** `If-Match: "r3"` replaces or deletes only while the article is at revision 3 (its ETag). */
function ifRevision(header: string | undefined): number | undefined {
  if (header === undefined) return undefined
  const match = /^(?:W\/)?"r(\d+)"$/.exec(header.trim())
  if (!match) {
    throw problem(412, {
      title: 'Precondition Failed',
      detail: 'If-Match must be the ETag of the article, as GET /api/articles/{id} gives it.',
    })
  }
  return Number(match[1])
}

api.put('/articles/:id', docs.replaceArticle, async (c) => {
  const id = checkId(c.req.param('id'))
  const { input, draft, report } = await draftOf(c)
  if (input.id !== undefined && input.id !== id) {
    throw problem(400, {
      title: 'Invalid article',
      detail: `The body's id "${input.id}" differs from the URL's "${id}".`,
      errors: [{ pointer: '/id', detail: 'must match the id in the URL' }],
    })
  }
  const options = {
    ...(await writeOptions(c, report, draft.warnings)),
    ifRevision: ifRevision(c.req.header('If-Match')),
  }
  const reply = unwrap(await deskOf(c.env).replace(writerOf(c.var.principal), id, draft, options))
  return sendReply(c, await queueRehost(c.env.HUB_PINGS, draft, reply, c.var.baseUrl))
})

api.get('/articles/:id', docs.readArticle, async (c) => {
  const article = unwrap(await deskOf(c.env).read(writerOf(c.var.principal), c.req.param('id')))
  c.header('ETag', `"r${article.revision}"`)
  return c.json(article)
})

api.delete('/articles/:id', docs.deleteArticle, async (c) => {
  const options = {
    ...(await writeOptions(c)),
    ifRevision: ifRevision(c.req.header('If-Match')),
  }
  return sendReply(
    c,
    unwrap(await deskOf(c.env).remove(writerOf(c.var.principal), c.req.param('id'), options)),
  )
})

/** What a listing shows of each article. */
function listed(article: ApiArticle, baseUrl: string): z.infer<typeof ListedArticle> {
  const { id, title, summary, published, updated, tags, language, publisher, state } = article
  return {
    id,
    title,
    summary,
    published,
    updated,
    tags,
    language,
    publisher,
    state,
    url: baseUrl + articlePath(id),
  }
}

api.get('/articles', docs.listArticles, async (c) => {
  const { limit, cursor } = pageQuery(c)
  const page = unwrap(
    await deskOf(c.env).list(
      writerOf(c.var.principal),
      Math.min(limit ?? c.var.config.pageSize, LIMIT_MAX),
      cursor,
      listingQuery(c),
    ),
  )
  return c.json({
    items: page.items.map((a) => listed(a, c.var.baseUrl)),
    ...(page.next_cursor ? { next_cursor: page.next_cursor } : {}),
  })
})
