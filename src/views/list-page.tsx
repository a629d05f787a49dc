import type { ArticleCard } from '../articles/model'
import { articlePath } from '../urls'
import type { Listing } from '../articles/listings'
import { Layout, type PageMeta, type Site } from './layout'
import { Dateline, Subscribe, Tags } from './parts'

/** Home page and tag pages: recent articles, paged (an h-feed of h-entries), with a subscribe box. */
export function ListPage(props: {
  site: Site
  meta: PageMeta
  heading: string
  articles: ArticleCard[]
  nextHref?: string
  listing?: Listing
}) {
  const { site } = props
  const l = site.labels
  return (
    <Layout site={site} meta={props.meta}>
      <div class="h-feed">
        <h1 class="p-name">{props.heading}</h1>
        {props.articles.length === 0 ? <p>{l.noArticles}</p> : null}
        <ul class="articles">
          {props.articles.map((article) => (
            <li
              class="h-entry"
              lang={article.language === props.meta.lang ? undefined : article.language}
            >
              <h2>
                <a class="u-url p-name" href={site.prefix + articlePath(article.id)}>
                  {article.title}
                </a>
              </h2>
              <Dateline site={site} article={article} />
              <p class="summary p-summary">{article.summary}</p>
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
      </div>
      <Subscribe site={site} listing={props.listing} withHint />
    </Layout>
  )
}
