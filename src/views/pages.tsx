import { raw } from 'hono/html'
import type { PublicArticle as Article } from '../articles/model'
import { articlePath, tagPath } from '../urls'
import { displayDate } from './dates'
import { feedLinks, Layout, type PageMeta, type Site } from './layout'

function Tags(props: { site: Site; tags: string[] }) {
  if (props.tags.length === 0) return null
  return (
    <ul class="tags" aria-label={props.site.labels.tags}>
      {props.tags.map((tag) => (
        <li>
          <a href={props.site.prefix + tagPath(tag)} rel="tag">
            {tag}
          </a>
        </li>
      ))}
    </ul>
  )
}

function Dateline(props: { site: Site; article: Article }) {
  const { article } = props
  const precision = article.published_precision
  return (
    <p class="meta">
      {/* A day alone is a valid HTML date string: no time is claimed that nobody gave. */}
      <time datetime={precision === 'date' ? article.published.slice(0, 10) : article.published}>
        {displayDate(article.published, article.language, props.site.timeZone, precision)}
      </time>
      {article.authors.length ? <> · {article.authors.map((a) => a.name).join('、')}</> : null}
    </p>
  )
}

/** A feed address and its copy button, which /app.js reveals and makes work. */
function CopyableUrl(props: { site: Site; url: string }) {
  const l = props.site.labels
  return (
    <>
      <code>{props.url}</code>{' '}
      <button type="button" class="copy" data-copy={props.url} data-copied={l.copied} hidden>
        {l.copy}
      </button>
    </>
  )
}

/** The feeds of a list, each with its address to copy. */
export function FeedList(props: { site: Site; tag?: string }) {
  return (
    <ul class="feedlist">
      {feedLinks(props.site, props.tag).map((f) => (
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

/** Home page and tag pages: recent articles, paged, with a subscribe box. */
export function ListPage(props: {
  site: Site
  meta: PageMeta
  heading: string
  articles: Article[]
  nextHref?: string
  tag?: string
}) {
  const { site } = props
  const l = site.labels
  return (
    <Layout site={site} meta={props.meta}>
      <h1>{props.heading}</h1>
      {props.articles.length === 0 ? <p>{l.noArticles}</p> : null}
      <ul class="articles">
        {props.articles.map((article) => (
          <li lang={article.language === props.meta.lang ? undefined : article.language}>
            <h2>
              <a href={site.prefix + articlePath(article.id)}>{article.title}</a>
            </h2>
            <Dateline site={site} article={article} />
            <p class="summary">{article.summary}</p>
            <Tags site={site} tags={article.tags} />
          </li>
        ))}
      </ul>
      {props.nextHref ? (
        <nav class="pager" aria-label={l.older}>
          <a href={props.nextHref} rel="next">
            {l.older} →
          </a>
        </nav>
      ) : null}
      <aside class="subscribe" aria-labelledby="subscribe">
        <h2 id="subscribe">{l.subscribe}</h2>
        <p>{l.subscribeHint}</p>
        <FeedList site={site} tag={props.tag} />
        <p>
          <a href={`${site.prefix}/feeds`}>{l.allFeeds} →</a>
        </p>
      </aside>
    </Layout>
  )
}

/** One article. Its HTML was sanitised on write, so it is inserted as stored. */
export function ArticlePage(props: { site: Site; meta: PageMeta; article: Article }) {
  const { article, site } = props
  const l = site.labels
  const path = site.prefix + articlePath(article.id)
  return (
    <Layout site={site} meta={props.meta}>
      <article>
        <h1>{article.title}</h1>
        <Dateline site={site} article={article} />
        {article.source ? (
          <p class="meta">
            {l.source}:{' '}
            {article.source.url ? (
              <a href={article.source.url}>{article.source.name}</a>
            ) : (
              article.source.name
            )}
          </p>
        ) : null}
        {article.image ? (
          <figure class="lead">
            <img src={article.image} alt="" />
          </figure>
        ) : null}
        <div class="content">{raw(article.content_html)}</div>
        {article.url ? (
          <p class="meta">
            {l.originally} <a href={article.url}>{new URL(article.url).host}</a>
          </p>
        ) : null}
        <Tags site={site} tags={article.tags} />
      </article>
      <nav class="pager" aria-label={l.older}>
        <a href={`${path}/newer`} rel="prev">
          ← {l.newerArticle}
        </a>
        <a href={`${path}/older`} rel="next">
          {l.olderArticle} →
        </a>
      </nav>
      <aside class="subscribe" aria-labelledby="subscribe">
        <h2 id="subscribe">{l.subscribe}</h2>
        <FeedList site={site} />
      </aside>
    </Layout>
  )
}

/** `/feeds`: every feed the site offers, explained for people new to feeds. */
export function FeedsPage(props: {
  site: Site
  meta: PageMeta
  tags: string[]
  scripts: { name: string; site: Site }[]
}) {
  const { site } = props
  const l = site.labels
  return (
    <Layout site={site} meta={props.meta}>
      <h1>{l.feeds}</h1>
      <p>{l.feedsIntro}</p>
      <h2>{l.siteFeeds}</h2>
      <FeedList site={site} />
      {props.tags.length ? (
        <>
          <h2>{l.tagFeeds}</h2>
          {props.tags.map((tag) => (
            <section class="tagfeeds">
              <h3>
                <a href={site.prefix + tagPath(tag)}>{tag}</a>
              </h3>
              <FeedList site={site} tag={tag} />
            </section>
          ))}
        </>
      ) : null}
      {props.scripts.length ? (
        <>
          <h2>{l.scriptFeeds}</h2>
          {props.scripts.map((s) => (
            <section class="tagfeeds" lang={s.site.lang}>
              <h3>{s.name}</h3>
              <FeedList site={s.site} />
            </section>
          ))}
        </>
      ) : null}
    </Layout>
  )
}

/** What a browser shows for a feed URL: an explanation, the address, the latest items. */
export function FeedPreviewPage(props: {
  site: Site
  meta: PageMeta
  feedUrl: string
  articles: Article[]
}) {
  const { site } = props
  const l = site.labels
  return (
    <Layout site={site} meta={props.meta}>
      <h1>{l.feedPreview}</h1>
      <p>{l.feedPreviewText}</p>
      <p class="feedurl">
        <CopyableUrl site={site} url={props.feedUrl} />
      </p>
      <ul class="articles">
        {props.articles.map((article) => (
          <li>
            <h2>
              <a href={site.prefix + articlePath(article.id)}>{article.title}</a>
            </h2>
            <Dateline site={site} article={article} />
          </li>
        ))}
      </ul>
    </Layout>
  )
}

/** 404 and 410 in the site's style. */
export function ErrorPage(props: { site: Site; meta: PageMeta; heading: string; text: string }) {
  const { site } = props
  return (
    <Layout site={site} meta={props.meta}>
      <h1>{props.heading}</h1>
      <p>{props.text}</p>
      <p>
        <a href={`${site.prefix}/`}>{site.labels.home}</a>
      </p>
    </Layout>
  )
}
