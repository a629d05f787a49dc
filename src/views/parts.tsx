/**
 * Pieces the pages share: tags, datelines, feed addresses and the subscribe box. Articles are
 * microformats2 h-entries: these carry their `p-category`, `dt-published` and `p-author`.
 */
import type { Listing } from '../articles/listings'
import type { ArticleCard as Article } from '../articles/model'
import { tagPath, toIri } from '../urls'
import { AuthorCards } from './cards'
import { displayDate } from './dates'
import { feedLinks, type Site } from './layout'

export function Tags(props: { site: Site; tags: string[] }) {
  if (props.tags.length === 0) return null
  return (
    <ul class="tags" aria-label={props.site.labels.tags}>
      {props.tags.map((tag) => (
        <li>
          <a class="p-category" href={props.site.prefix + tagPath(tag)} rel="tag">
            {tag}
          </a>
        </li>
      ))}
    </ul>
  )
}

/** The language an article's dates are written in: its own, the page's when it is `und`. */
export function dateLanguage(site: Site, article: Article): string {
  return article.language === 'und' ? site.lang : article.language
}

/** When an article was published, as its readers write dates: its h-entry's `dt-published`. */
export function Published(props: { site: Site; article: Article; class?: string }) {
  const { article } = props
  const precision = article.published_precision
  return (
    // A day alone is a valid HTML date string: no time is claimed that nobody gave.
    <time
      class={props.class ?? 'dt-published'}
      datetime={precision === 'date' ? article.published.slice(0, 10) : article.published}
    >
      {displayDate(
        article.published,
        dateLanguage(props.site, article),
        props.site.timeZone,
        precision,
      )}
    </time>
  )
}

export function Dateline(props: { site: Site; article: Article }) {
  const { article } = props
  return (
    <p class="meta">
      <Published site={props.site} article={article} />
      {article.authors.length ? (
        <>
          {' · '}
          <AuthorCards site={props.site} authors={article.authors} />
        </>
      ) : null}
    </p>
  )
}

/**
 * A URL to read: as an IRI (`/tags/經開區/feed.xml`, not `%E7%B6%93...`), in parts that end
 * after a `/`, `?`, `&` or `=`. The stylesheet keeps each part whole on its line (a hyphen or a
 * CJK character inside one is no place to break) unless it is longer than the line.
 */
function ReadableUrl(props: { url: string }) {
  const parts = toIri(props.url).split(/(?<=[/?&=])(?!\/)/)
  return (
    <code class="url">
      {parts.map((part, i) => (
        <>
          {i ? <wbr /> : null}
          <span>{part}</span>
        </>
      ))}
    </code>
  )
}

/** A feed address to read, and its copy button (revealed by /app.js), which copies it encoded. */
export function CopyableUrl(props: { site: Site; url: string }) {
  const l = props.site.labels
  return (
    <>
      <ReadableUrl url={props.url} />{' '}
      <button type="button" class="copy" data-copy={props.url} data-copied={l.copied} hidden>
        {l.copy}
      </button>
    </>
  )
}

/** The feeds of a list, each with its address to copy. */
export function FeedList(props: { site: Site; listing?: Listing }) {
  return (
    <ul class="feedlist">
      {feedLinks(props.site, props.listing).map((f) => (
        <li>
          <a href={f.url} type={f.type}>
            {f.label}
          </a>{' '}
          <CopyableUrl site={props.site} url={f.url} />
        </li>
      ))}
    </ul>
  )
}

/** The feeds of the page, to subscribe to; on lists with a word on what feeds are. */
export function Subscribe(props: { site: Site; listing?: Listing; withHint?: boolean }) {
  const { site } = props
  const l = site.labels
  return (
    <aside class="subscribe" aria-labelledby="subscribe">
      <h2 id="subscribe">{l.subscribe}</h2>
      {props.withHint ? <p>{l.subscribeHint}</p> : null}
      <FeedList site={site} listing={props.listing} />
      {props.withHint ? (
        <p>
          <a href={`${site.prefix}/feeds`}>{l.allFeeds} →</a>
        </p>
      ) : null}
    </aside>
  )
}
