import type { ArticleCard } from '../articles/model'
import { articlePath, authorPath, tagPath } from '../urls'
import { Layout, type PageMeta, type Site } from './layout'
import { CopyableUrl, Dateline, FeedList } from './parts'

/** `/feeds`: every feed the site offers, explained for people new to feeds. */
export function FeedsPage(props: {
  site: Site
  meta: PageMeta
  tags: string[]
  authors: string[]
  scripts: { name: string; site: Site }[]
}) {
  const { site } = props
  const l = site.labels
  return (
    <Layout site={site} meta={props.meta}>
      <h1>{l.feeds}</h1>
      <p>{l.feedsIntro}</p>
      <p>
        <a href="/feeds.opml" type="text/x-opml">
          {l.opml}
        </a>
      </p>
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
              <FeedList site={site} listing={{ kind: 'tag', name: tag }} />
            </section>
          ))}
        </>
      ) : null}
      {props.authors.length ? (
        <>
          <h2>{l.authorFeeds}</h2>
          {props.authors.map((name) => (
            <section class="tagfeeds">
              <h3>
                <a href={site.prefix + authorPath(name)}>{name}</a>
              </h3>
              <FeedList site={site} listing={{ kind: 'author', name }} />
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
  articles: ArticleCard[]
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
      <ul class="articles h-feed">
        {props.articles.map((article) => (
          <li class="h-entry">
            <h2>
              <a class="u-url p-name" href={site.prefix + articlePath(article.id)}>
                {article.title}
              </a>
            </h2>
            <Dateline site={site} article={article} />
          </li>
        ))}
      </ul>
    </Layout>
  )
}
