/**
 * The browser desk at /desk/: its pages, its static files, and its calls (/desk/api). Every
 * response is `no-store` (never in Workers Cache or a shared cache), sends no CORS headers,
 * and carries a CSP that runs only the desk's own files and forbids framing.
 */
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../env'
import { findSession } from '../access/desk-session'
import { accessSignIn } from '../access/access-session'
import { tokenHash } from '../access/tokens'
import { withSignIn } from '../http/desk'
import { NO_STORE } from '../edge/policy'
import { FEEDS } from '../edge/tags'
import { listNames } from '../store/listings'
import { EnrolmentToken } from '../http/desk-schemas'
import type { DeskContext } from '../views/desk/layout'
import { DeskPage } from '../views/desk/desk-page'
import { EnrolPage, EnrolRefusedPage, SignInPage } from '../views/desk/signin-pages'
import { deskAuth } from './desk-auth'
import { deskWrite } from './desk-write'

/**
 * Only the desk's own files run, connect and style; images in a preview may come from the
 * article's hosts, and its pages are frames of this origin (sandboxed, in the script); nothing
 * frames the desk, and forms post nowhere but through the script.
 */
export const DESK_SECURITY = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' https: http:; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  // An enrolment link is a secret in the path: it is never sent on as a Referer.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': NO_STORE,
}

export const desk = new Hono<AppEnv>()

desk.use('*', async (c, next) => {
  await next()
  for (const [name, value] of Object.entries(DESK_SECURITY)) c.header(name, value)
})

const STATIC = new Set([
  '/desk/desk.js',
  '/desk/editor.js',
  '/desk/articles.js',
  '/desk/delivery.js',
  '/desk/desk.css',
  '/desk/webauthn.js',
])

/** The desk's files, as they are in src/desk-ui/public (the Assets binding). */
desk.get('/:file{[a-z]+\\.(js|css)}', async (c) => {
  if (!STATIC.has(c.req.path)) return c.notFound()
  const asset = await c.env.DESK_ASSETS.fetch(new URL(c.req.path, 'https://assets.invalid'))
  if (!asset.ok) return c.notFound()
  const type = c.req.path.endsWith('.css') ? 'text/css' : 'text/javascript'
  return c.body(await asset.arrayBuffer(), 200, { 'Content-Type': `${type}; charset=utf-8` })
})

function contextOf(c: Context<AppEnv>): DeskContext {
  const { siteTitle, language } = c.var.config
  return { siteTitle, language }
}

/**
 * The desk's home, `/desk/` (a sub-app's `/` is `/desk` without the slash: app.ts mounts it).
 * Without a session, a request through Cloudflare Access (when configured) signs in here.
 */
export async function deskHome(c: Context<AppEnv>) {
  const ctx = contextOf(c)
  if (!(await findSession(c))) {
    const access = await accessSignIn(c)
    if ('refused' in access) return c.html(<SignInPage ctx={ctx} refusal={access.refused} />, 403)
    if ('absent' in access) return c.html(<SignInPage ctx={ctx} />)
  }
  const { tags, authors } = await listNames(c.env.ARTICLES, FEEDS)
  return c.html(
    <DeskPage
      ctx={{ ...ctx, publisher: c.var.principal.name }}
      csrf={c.var.deskSession!.csrf}
      timeZone={c.var.config.timeZone}
      tags={tags}
      authors={authors}
    />,
  )
}

desk.get('/', (c) => c.redirect('/desk/', 301))

desk.get('/enrol/:token', async (c) => {
  const ctx = contextOf(c)
  const token = c.req.param('token')
  if (!EnrolmentToken.safeParse(token).success) {
    return c.html(<EnrolRefusedPage ctx={ctx} detail="This is not an enrolment link." />, 404)
  }
  const hash = await tokenHash(token)
  const found = await withSignIn(c.env, async (s) => await s.enrolment(hash))
  if (!found.ok) {
    const { status, detail } = found.refusal
    return c.html(<EnrolRefusedPage ctx={ctx} detail={detail} />, status === 410 ? 410 : 404)
  }
  return c.html(<EnrolPage ctx={ctx} publisher={found.value.publisher.name} token={token} />)
})

desk.route('/api', deskAuth)
desk.route('/api', deskWrite)
