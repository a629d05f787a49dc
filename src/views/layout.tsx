import type { Child } from 'hono/jsx'
import { raw } from 'hono/html'
import { FEED_TYPES, feedPath, type FeedFormat } from '../urls'

/** What every page's `<head>` and chrome need. */
export interface PageMeta {
  siteTitle: string
  title: string
  description?: string
  lang: string
  /** Absolute canonical URL of the page. */
  canonical: string
  baseUrl: string
  /** Feeds announced for autodiscovery: the site's, or a tag's. */
  feedTag?: string
}

const FEED_LABELS: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' }

export function feedLinks(tag?: string) {
  return (Object.keys(FEED_TYPES) as FeedFormat[]).map((format) => ({
    format,
    label: FEED_LABELS[format],
    type: FEED_TYPES[format],
    path: feedPath(format, tag),
  }))
}

/** The page shell: head with autodiscovery, header, main, footer. */
export function Layout(props: PageMeta & { children?: Child }) {
  const feeds = feedLinks(props.feedTag)
  const title =
    props.title === props.siteTitle ? props.title : `${props.title} · ${props.siteTitle}`
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={props.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{title}</title>
          {props.description ? <meta name="description" content={props.description} /> : null}
          <link rel="canonical" href={props.canonical} />
          <link rel="stylesheet" href="/style.css" />
          {feeds.map((f) => (
            <link
              rel="alternate"
              type={f.type}
              title={`${props.siteTitle} (${f.label})`}
              href={props.baseUrl + f.path}
            />
          ))}
        </head>
        <body>
          <a class="skip" href="#main">
            Skip to content
          </a>
          <header class="site">
            <a class="home" href="/">
              {props.siteTitle}
            </a>
            <nav class="feeds" aria-label="Feeds">
              {feeds.map((f) => (
                <a href={f.path}>{f.label}</a>
              ))}
            </nav>
          </header>
          <main id="main">{props.children}</main>
          <footer class="site">
            <p>Published with edgefeed.</p>
          </footer>
        </body>
      </html>
    </>
  )
}
