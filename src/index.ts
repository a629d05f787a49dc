import { Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv } from './env'
import { ConfigError, loadConfig } from './config'
import { problemResponse } from './problem'
import { BODY_LIMIT_BYTES } from './articles/schema'
import { edgeCache } from './cache'
import { representation } from './negotiate'
import { countReads } from './store/counting'
import { api } from './routes/api'
import { micropub } from './routes/micropub'
import { discovery } from './routes/discovery'
import { feeds } from './routes/feeds'
import { notFoundPage, pages } from './routes/pages'
import { SCRIPTS } from './articles/script'

/** Headers every HTML page carries: nothing runs but what we serve, nothing frames us. */
const PAGE_SECURITY = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src https: http:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
}

const app = new Hono<AppEnv>()

app.use('*', async (c, next) => {
  const config = loadConfig(c.env)
  const reads = { keys: 0, lists: 0 }
  c.set('config', config)
  c.set('baseUrl', config.siteUrl ?? new URL(c.req.url).origin)
  c.set('reads', reads)
  c.set('kv', countReads(c.env.ARTICLES, reads))
  await next()
  c.header('X-Content-Type-Options', 'nosniff')
})

/** Request bodies over BODY_LIMIT_BYTES are refused before they are read. */
const bodyLimitProblem = bodyLimit({
  maxSize: BODY_LIMIT_BYTES,
  onError: () => {
    throw new HTTPException(413, {
      res: problemResponse(413, {
        title: 'Content Too Large',
        detail: `Request bodies are limited to ${BODY_LIMIT_BYTES} bytes.`,
      }),
    })
  },
})

app.use('/api/*', bodyLimitProblem)
app.route('/api', api)
app.use('/micropub', bodyLimitProblem)
app.route('/micropub', micropub)

app.use(
  '*',
  edgeCache((c) => representation(c.req.path, c.req.raw.headers)),
)
app.use('*', async (c, next) => {
  await next()
  if (c.res.headers.get('Content-Type')?.startsWith('text/html')) {
    for (const [name, value] of Object.entries(PAGE_SECURITY)) c.header(name, value)
  } else {
    // Browser-based aggregators may read feeds from other origins.
    c.header('Access-Control-Allow-Origin', '*')
  }
})
app.route('/', feeds)
app.route('/', pages)
app.route('/', discovery)
// Every feed and page again in each Chinese script: /zh-Hans/feed.xml, /zh-Hant/articles/...
for (const script of SCRIPTS) {
  const inScript: MiddlewareHandler<AppEnv> = async (c, next) => {
    c.set('script', script)
    await next()
  }
  app.use(`/${script}`, inScript)
  app.use(`/${script}/*`, inScript)
  app.route(`/${script}`, feeds)
  app.route(`/${script}`, pages)
}

app.notFound((c) => {
  if (!c.req.path.startsWith('/api/')) return notFoundPage(c)
  return problemResponse(
    404,
    { title: 'Not Found', detail: `Nothing is at ${c.req.path}.` },
    { 'Cache-Control': 'no-store' },
  )
})

app.onError((err, c) => {
  if (err instanceof HTTPException) return err.getResponse()
  if (err instanceof ConfigError) {
    console.error(`configuration error: ${err.message}`)
    return problemResponse(500, { title: 'Configuration error', detail: err.message })
  }
  console.error(`unhandled error on ${c.req.method} ${c.req.path}`, err)
  return problemResponse(500, { title: 'Internal Server Error', detail: 'The error was logged.' })
})

export default app
