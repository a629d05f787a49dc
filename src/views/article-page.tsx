import { raw } from 'hono/html'
import type { PublicArticle as Article } from '../articles/model'
import { articlePath } from '../urls'
import { Layout, type PageMeta, type Site } from './layout'
import { Dateline, Subscribe, Tags } from './parts'

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
      <Subscribe site={site} />
    </Layout>
  )
}
