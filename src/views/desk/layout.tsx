/** The desk's page shell: no inline script or style (the CSP allows neither), its own files. */
import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import { deskLabels, type DeskLabels } from './labels'

/** What every desk page knows. */
export interface DeskContext {
  siteTitle: string
  language: string
  /** The signed-in publisher's name, on pages behind a session. */
  publisher?: string
}

export type Words = ReturnType<typeof deskLabels>

/** A label in the site's language, with English after it when that differs. */
export function Bi(props: { w: Words; k: keyof DeskLabels }) {
  const { w, k } = props
  if (!w.en) return <>{w.local[k]}</>
  return (
    <>
      {w.local[k]}{' '}
      <span lang="en" class="en">
        {w.en[k]}
      </span>
    </>
  )
}

/** A label as plain text (for attributes): both languages, separated. */
export function biText(w: Words, k: keyof DeskLabels): string {
  return w.en ? `${w.local[k]} · ${w.en[k]}` : w.local[k]
}

export function DeskLayout(props: {
  ctx: DeskContext
  title: string
  /** Data for the desk's script, as JSON in a non-executable block. */
  data: Record<string, unknown>
  children?: Child
}) {
  const w = deskLabels(props.ctx.language)
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={w.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex, nofollow" />
          <title>{`${props.title} · ${props.ctx.siteTitle}`}</title>
          <link rel="icon" href="/icon.svg" type="image/svg+xml" />
          <link rel="stylesheet" href="/desk/desk.css" />
          <script src="/desk/webauthn.js" defer></script>
          <script src="/desk/desk.js" type="module"></script>
          <script type="application/json" id="desk-data">
            {raw(JSON.stringify(props.data).replace(/</g, '\\u003c'))}
          </script>
        </head>
        <body>
          <a class="skip" href="#main">
            Skip to content
          </a>
          <header class="desk">
            <a class="home" href="/desk/">
              {props.ctx.siteTitle} · <Bi w={w} k="desk" />
            </a>
            {props.ctx.publisher ? (
              <span class="who">
                <Bi w={w} k="signedInAs" />: <strong>{props.ctx.publisher}</strong>{' '}
                <button type="button" id="signout">
                  <Bi w={w} k="signOut" />
                </button>
              </span>
            ) : null}
          </header>
          <main id="main">{props.children}</main>
        </body>
      </html>
    </>
  )
}
