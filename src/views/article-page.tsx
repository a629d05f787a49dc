import { raw } from 'hono/html'
import type { PublicArticle as Article } from '../articles/model'
import { toMillis } from '../time'
import { articlePath } from '../urls'
import { AuthorCards } from './cards'
import { displayDate } from './dates'
import { Layout, type PageMeta, type Site } from './layout'
import { dateLanguage, Published, Subscribe, Tags } from './parts'
import { Attachments, Photo } from './media'

/**
 * When and by whom, as an h-entry has it: the date links to the article's canonical URL
 * (`u-url u-uid`), a later update is shown beside it (`dt-updated`, on the same element when
 * there was none), and an article that names no author is by the site.
 */
function Byline(props: { site: Site; article: Article }) {
  const { site, article } = props
  const updatedLater = toMillis(article.updated) > toMillis(article.published)
  return (
    <p class="meta">
      <a class="u-url u-uid" href={site.baseUrl + articlePath(article.id)}>
        <Published
          site={site}
          article={article}
          class={updatedLater ? 'dt-published' : 'dt-published dt-updated'}
        />
      </a>
      {updatedLater ? (
        <>
          {` · ${site.labels.updated} `}
          <time class="dt-updated" datetime={article.updated}>
            {displayDate(article.updated, dateLanguage(site, article), site.timeZone)}
          </time>
        </>
      ) : null}
      {' · '}
      <AuthorCards site={site} authors={article.authors} />
    </p>
  )
}

/** One article, an h-entry. Its HTML was sanitised on write, so it is inserted as stored. */
export function ArticlePage(props: { site: Site; meta: PageMeta; article: Article }) {
  const { article, site } = props
  const l = site.labels
  const path = site.prefix + articlePath(article.id)
  // The lead image is shown once: among the photos, with their alt text, when it is one.
  const photos = article.photos ?? []
  return (
    <Layout site={site} meta={props.meta}>
      <article class="h-entry">
        <h1 class="p-name">{article.title}</h1>
        <Byline site={site} article={article} />
        {/* The summary is the page's description; for the h-entry it is data, not shown twice. */}
        <data class="p-summary" value={article.summary}></data>
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
        {article.image && !photos.some((p) => p.url === article.image) ? (
          <figure class="lead">
            <Photo class="u-photo" site={site} url={article.image} alt="" />
          </figure>
        ) : null}
        {photos.map((photo, i) => (
          <figure class={i === 0 && photo.url === article.image ? 'lead' : 'photo'}>
            <Photo class="u-photo" site={site} url={photo.url} alt={photo.alt} />
            {photo.caption || photo.credit ? (
              <figcaption>
                {photo.caption}
                {photo.caption && photo.credit ? ' ' : null}
                {photo.credit ? <small>{photo.credit}</small> : null}
              </figcaption>
            ) : null}
          </figure>
        ))}
        <div class="content e-content">{raw(article.content_html)}</div>
        <Attachments site={site} attachments={article.attachments} />
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
