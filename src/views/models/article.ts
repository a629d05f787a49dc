import type { PublicArticle } from '../../articles/model'
import { articlePath, writtenIn } from '../../urls'
import type { PageMeta, Site } from '../layout'

/**
 * What an article page puts in its head: OpenGraph, and schema.org NewsArticle for search
 * engines. `written` is the language the article is written in (the page may show it in
 * another script), which decides its script versions.
 */
export function articleMeta(site: Site, article: PublicArticle, written: string): PageMeta {
  const url = site.baseUrl + articlePath(article.id)
  return {
    title: article.title,
    description: article.summary,
    lang: article.language,
    path: articlePath(article.id),
    written: writtenIn(written),
    og: {
      type: 'article',
      image: article.image,
      published: article.published,
      modified: article.updated,
    },
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: article.title,
      description: article.summary,
      datePublished: article.published,
      dateModified: article.updated,
      inLanguage: article.language,
      mainEntityOfPage: url,
      url,
      ...(article.image ? { image: [article.image] } : {}),
      author: article.authors.map((a) => ({
        '@type': 'Person',
        name: a.name,
        ...(a.url ? { url: a.url } : {}),
      })),
      publisher: { '@type': 'Organization', name: site.title, url: `${site.baseUrl}/` },
      ...(article.tags.length ? { keywords: article.tags.join(', ') } : {}),
    },
  }
}
