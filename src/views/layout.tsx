import type { Child } from 'hono/jsx'
import { raw } from 'hono/html'
import type { Listing } from '../articles/listings'
import { SCRIPTS, type Script } from '../articles/script'
import {
  canonicalPath,
  FEED_FORMATS,
  FEED_TYPES,
  feedPath,
  scriptPrefix,
  scriptVersions,
  type FeedFormat,
  type Written,
} from '../urls'
import type { Labels } from './labels'
import { SiteCard } from './cards'

/** The site as one page view sees it. */
export interface Site {
  title: string
  description: string
  /** Canonical base URL (SITE_URL or the request's origin). */
  baseUrl: string
  /** `/zh-Hans` or `/zh-Hant` on a script variant, else empty: prefixed to internal links. */
  prefix: string
  /** The script variant this view is, if any. */
  script?: Script
  /** The language of this view: the script variant's, or SITE_LANGUAGE. */
  lang: string
  timeZone: string
  /** A Chinese site offers every page in both scripts. */
  chinese: boolean
  /** The site's profiles elsewhere, linked `rel="me"` from its h-card (SITE_ME). */
  me: string[]
  /** R2's public domain, where audio and video are linked (docs/media.md). */
  mediaPublicUrl?: string
  labels: Labels
}

/** What one page puts in its `<head>`. */
export interface PageMeta {
  title: string
  description?: string
  lang: string
  /**
   * The page's path without a script prefix: canonical URL and alternates derive from it.
   * An error page has none, so nothing a request sent is written back into the page.
   */
  path?: string
  /** Which script versions the page has (an article's, by its language); a list's by default. */
  written?: Written
  /** Announce this tag's feeds instead of the site's. */
  feedListing?: Listing
  og?: { type: 'website' | 'article'; image?: string; published?: string; modified?: string }
  /** Structured data (schema.org) for search engines. */
  jsonLd?: object
}

export const FEED_LABELS: Record<FeedFormat, string> = {
  rss: 'RSS',
  atom: 'Atom',
  json: 'JSON Feed',
}
export const SCRIPT_NAMES: Record<string, string> = { 'zh-Hans': '简体', 'zh-Hant': '繁體' }

/** The three feeds of the site or of one tag, as links in `site`'s script. */
export function feedLinks(site: Site, listing?: Listing) {
  return FEED_FORMATS.map((format) => ({
    format,
    label: FEED_LABELS[format],
    type: FEED_TYPES[format],
    url: site.baseUrl + site.prefix + feedPath(format, listing),
  }))
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the element. */
function jsonLd(data: object): string {
  return JSON.stringify(data).replace(/</g, '\\u003c')
}

/** The page shell: everything in `<head>`, a header with the feeds, main, footer. */
export function Layout(props: { site: Site; meta: PageMeta; children?: Child }) {
  const { site, meta } = props
  const l = site.labels
  const written = site.chinese ? (meta.written ?? 'listing') : 'none'
  const canonical =
    meta.path === undefined
      ? undefined
      : site.baseUrl + canonicalPath(meta.path, written, site.script)
  const versions = meta.path === undefined ? [] : scriptVersions(meta.path, written)
  // The other scripts' view of this page; the home page for a page that has no path.
  const pathIn = (prefix: string) => prefix + (meta.path ?? '/')
  const title = meta.title === site.title ? meta.title : `${meta.title} · ${site.title}`
  const feeds = feedLinks(site, meta.feedListing)
  const og = meta.og ?? { type: 'website' }
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={meta.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{title}</title>
          {meta.description ? <meta name="description" content={meta.description} /> : null}
          {canonical ? <link rel="canonical" href={canonical} /> : null}
          {versions.map((v) => (
            <link rel="alternate" hreflang={v.hreflang} href={site.baseUrl + v.path} />
          ))}
          {feeds.map((f) => (
            <link rel="alternate" type={f.type} title={`${site.title} (${f.label})`} href={f.url} />
          ))}
          <link rel="icon" href="/icon.svg" type="image/svg+xml" />
          <link rel="micropub" href={`${site.baseUrl}/micropub`} />
          <link rel="stylesheet" href="/style.css" />
          <script src="/app.js" defer></script>
          <meta property="og:site_name" content={site.title} />
          <meta property="og:title" content={meta.title} />
          <meta property="og:type" content={og.type} />
          {canonical ? <meta property="og:url" content={canonical} /> : null}
          {meta.description ? <meta property="og:description" content={meta.description} /> : null}
          {og.image ? <meta property="og:image" content={og.image} /> : null}
          {og.published ? <meta property="article:published_time" content={og.published} /> : null}
          {og.modified ? <meta property="article:modified_time" content={og.modified} /> : null}
          <meta name="twitter:card" content={og.image ? 'summary_large_image' : 'summary'} />
          <meta name="twitter:title" content={meta.title} />
          {meta.description ? <meta name="twitter:description" content={meta.description} /> : null}
          {og.image ? <meta name="twitter:image" content={og.image} /> : null}
          {meta.jsonLd ? (
            <script type="application/ld+json">{raw(jsonLd(meta.jsonLd))}</script>
          ) : null}
        </head>
        <body>
          <a class="skip" href="#main">
            {l.skip}
          </a>
          <header class="site">
            <a class="home" href={`${site.prefix}/`}>
              {site.title}
            </a>
            <nav aria-label={l.feeds}>
              {site.chinese ? (
                <span class="scripts">
                  <a
                    href={pathIn('')}
                    hreflang={undefined}
                    aria-current={site.prefix === '' ? 'true' : undefined}
                  >
                    {l.original}
                  </a>
                  {SCRIPTS.map((s) => (
                    <a
                      href={pathIn(scriptPrefix(s))}
                      hreflang={s}
                      lang={s}
                      aria-current={site.prefix === scriptPrefix(s) ? 'true' : undefined}
                    >
                      {SCRIPT_NAMES[s]}
                    </a>
                  ))}
                </span>
              ) : null}
              <a href={`${site.prefix}/feeds`}>{l.feeds}</a>
            </nav>
          </header>
          <main id="main">{props.children}</main>
          <footer class="site">
            <p>
              <SiteCard site={site} />
            </p>
            <p>
              {feeds.map((f, i) => (
                <>
                  {i ? ' · ' : ''}
                  <a href={f.url} type={f.type}>
                    {f.label}
                  </a>
                </>
              ))}
            </p>
          </footer>
        </body>
      </html>
    </>
  )
}
