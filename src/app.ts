/** The app: middleware and routes wired together, and one error shape. */
import { Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { except } from 'hono/combine'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv } from './env'
import { ConfigError, loadConfig, type Config } from './config'
import { problem, problemFrom, problemResponse } from './http/problem'
import { BODY_LIMIT_BYTES } from './articles/limits'
import { SCRIPTS } from './articles/script'
import { listingQuery } from './edge/canonical'
import { noStoreByDefault, publicEdge } from './edge/headers'
import { NO_STORE } from './edge/policy'
import { feedCors } from './http/cors'
import { headLength, methodNotAllowed } from './http/methods'
import { api } from './routes/api'
import { micropub } from './routes/micropub'
import { discovery } from './routes/discovery'
import { feeds } from './routes/feeds'
import { listPage, notFoundPage, pages } from './routes/pages'
import { mediaFiles, micropubMedia } from './routes/media'
import { uploadLimit } from './http/upload'
import { desk, deskHome } from './routes/desk'
import { oldPermalink } from './routes/redirects'

/**
 * Headers every HTML page carries besides `nosniff`, which every response gets: nothing runs
 * but what we serve, nothing frames us.
 */
const PAGE_SECURITY = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src https: http:; media-src https: http:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'strict-origin-when-cross-origin',
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/

/**
 * The site's canonical base URL. Output never depends on the `Host` header (Workers Cache
 * keys leave the host out, so a page rendered for one host is served for all): it is
 * SITE_URL, and only a local run on a loopback address may go without one.
 */
function baseUrlOf(config: Config, url: string): string {
  if (config.siteUrl) return config.siteUrl
  const { hostname, origin } = new URL(url)
  if (LOOPBACK.test(hostname)) return origin
  throw problem(503, {
    title: 'SITE_URL is not set',
    detail:
      'Set SITE_URL in wrangler.toml to the public address (https://news.example.org): every link in pages and feeds is built from it.',
  })
}

export const app = new Hono<AppEnv>()

app.use('*', headLength)
app.use('*', noStoreByDefault)
app.use('*', async (c, next) => {
  const config = loadConfig(c.env)
  c.set('config', config)
  c.set('baseUrl', baseUrlOf(config, c.req.url))
  await next()
  c.header('X-Content-Type-Options', 'nosniff')
})

// A method no route takes where others do: 405 with Allow, before any token is asked for.
app.use('*', methodNotAllowed(app))

/** Request bodies over BODY_LIMIT_BYTES are refused before they are read. */
const bodyLimitProblem: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: BODY_LIMIT_BYTES,
  onError: () => {
    throw problem(413, {
      title: 'Content Too Large',
      detail: `Request bodies are limited to ${BODY_LIMIT_BYTES} bytes.`,
    })
  },
})

// Uploads have their own limits (src/http/upload.ts).
app.use('/api/*', except(['/api/media', '/api/media/*'], bodyLimitProblem))
app.route('/api', api)
// Micropub's multipart creates carry photos: an upload's limit (src/http/upload.ts).
const multipart = (c: { req: { header(name: string): string | undefined } }) =>
  /^multipart\/form-data/i.test(c.req.header('Content-Type') ?? '')
app.use('/micropub', except(multipart, bodyLimitProblem))
app.use(
  '/micropub',
  except((c) => !multipart(c), uploadLimit),
)
app.route('/micropub/media', micropubMedia)
app.route('/micropub', micropub)
// Files are served with their own caching: a year, since the key is the content.
app.route('/media', mediaFiles)
// The browser desk: signed-in pages and calls, never cached (src/routes/desk.tsx).
app.use('/desk/*', except(['/desk/api/media', '/desk/api/media/*'], bodyLimitProblem))
app.route('/desk', desk)
app.get('/desk/', deskHome)

// Everything below is public: cached at the edge, tagged for purging.
app.use('*', publicEdge)
app.use('*', async (c, next) => {
  await next()
  if (c.res.headers.get('Content-Type')?.startsWith('text/html')) {
    for (const [name, value] of Object.entries(PAGE_SECURITY)) c.header(name, value)
  } else {
    // Browser-based aggregators may read feeds from other origins.
    c.header('Access-Control-Allow-Origin', '*')
  }
})
app.use('*', feedCors)
app.route('/', feeds)
app.route('/', pages)
app.route('/', discovery)
// Every feed and page again in each Chinese script: /zh-Hans/feed.xml, /zh-Hant/articles/...
for (const script of SCRIPTS) {
  const inScript: MiddlewareHandler<AppEnv> = async (c, next) => {
    c.set('script', script)
    await next()
  }
  // The variant's home page is `/zh-Hans/`, as every page links it.
  app.get(`/${script}`, (c) => c.redirect(`/${script}/`, 301))
  app.get(`/${script}/`, inScript, listingQuery, (c) => listPage(c))
  app.use(`/${script}/*`, inScript)
  app.route(`/${script}`, feeds)
  app.route(`/${script}`, pages)
}

app.notFound(async (c) => {
  if (!c.req.path.startsWith('/api/')) return (await oldPermalink(c)) ?? notFoundPage(c)
  return problemResponse(404, {
    title: 'Not Found',
    detail: `Nothing is at ${c.req.path.slice(0, 200)}.`,
  })
})

app.onError((err, c) => {
  const refused = problemFrom(err)
  if (refused) return refused.getResponse()
  if (err instanceof HTTPException) return err.getResponse()
  if (err instanceof ConfigError) {
    console.error(`configuration error: ${err.message}`)
    return problemResponse(500, { title: 'Configuration error', detail: err.message })
  }
  // Workers Cache serves the last good copy of a public page (stale-if-error) meanwhile.
  console.error(`unhandled error on ${c.req.method} ${c.req.path.slice(0, 200)}`, err)
  return problemResponse(
    500,
    { title: 'Internal Server Error', detail: 'The error was logged.' },
    { 'Cache-Control': NO_STORE },
  )
})
