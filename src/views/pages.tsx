import { raw } from 'hono/html'
import type { Article } from '../articles/model'
import { articlePath, tagPath } from '../urls'
import { displayDate } from './dates'
import { Layout, type PageMeta } from './layout'

interface Site {
  siteTitle: string
  siteDescription: string
  baseUrl: string
  lang: string
  timeZone: string
}

function Tags(props: { tags: string[] }) {
  if (props.tags.length === 0) return null
  return (
    <ul class="tags" aria-label="Tags">
      {props.tags.map((tag) => (
        <li>
          <a href={tagPath(tag)} rel="tag">
            {tag}
          </a>
        </li>
      ))}
    </ul>
  )
}

function Dateline(props: { article: Article; timeZone: string }) {
  const { article } = props
  return (
    <p class="meta">
      <time datetime={article.published}>
        {displayDate(article.published, article.language, props.timeZone)}
      </time>
      {article.authors.length ? <> · {article.authors.map((a) => a.name).join(', ')}</> : null}
    </p>
  )
}

/** A list of articles (home page, tag page) with a link to the next page. */
export function ListPage(props: {
  site: Site
  meta: PageMeta
  heading: string
  articles: Article[]
  nextHref?: string
}) {
  const { site } = props
  return (
    <Layout {...props.meta}>
      <h1>{props.heading}</h1>
      {props.articles.length === 0 ? <p>No articles yet.</p> : null}
      <ul class="articles">
        {props.articles.map((article) => (
          <li lang={article.language === site.lang ? undefined : article.language}>
            <h2>
              <a href={articlePath(article.id)}>{article.title}</a>
            </h2>
            <Dateline article={article} timeZone={site.timeZone} />
            <p>{article.summary}</p>
            <Tags tags={article.tags} />
          </li>
        ))}
      </ul>
      <nav class="pager" aria-label="Pages">
        {props.nextHref ? (
          <a href={props.nextHref} rel="next">
            Older articles →
          </a>
        ) : null}
      </nav>
    </Layout>
  )
}

/** One article. Its HTML was sanitised on write, so it is inserted as stored. */
export function ArticlePage(props: { site: Site; meta: PageMeta; article: Article }) {
  const { article, site } = props
  return (
    <Layout {...props.meta}>
      <article>
        <h1>{article.title}</h1>
        <Dateline article={article} timeZone={site.timeZone} />
        {article.source ? (
          <p class="meta">
            Source:{' '}
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
            Originally published at <a href={article.url}>{new URL(article.url).host}</a>
          </p>
        ) : null}
        <Tags tags={article.tags} />
      </article>
    </Layout>
  )
}
