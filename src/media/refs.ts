/**
 * Which of our files an article uses, and where: what the coordinator records so that no file
 * an article shows is ever deleted, and checks so that an article shows only files its
 * publisher uploaded.
 */
import type { Article } from '../articles/model'
import { mediaKeyOf, mediaKeysIn, type MediaSite } from './links'

/** One use of a file of ours: its key, and the field (a JSON Pointer) that uses it. */
export interface MediaRef {
  key: string
  pointer: string
}

/** The field the content was sent in: where a file the content shows is pointed at. */
function contentPointer(article: Article): string {
  if (article.content_markdown !== undefined) return '/content_markdown'
  if (article.content_text !== undefined) return '/content_text'
  return '/content_html'
}

/** Every use of a file of ours in `article`: content, lead image, photos and attachments. */
export function mediaRefs(article: Article, site: MediaSite): MediaRef[] {
  const refs: MediaRef[] = []
  const add = (url: string | undefined, pointer: string) => {
    const key = url && mediaKeyOf(site, url)
    if (key) refs.push({ key, pointer })
  }
  const content = contentPointer(article)
  for (const key of mediaKeysIn(site, article.content_html)) refs.push({ key, pointer: content })
  // A lead image taken from the photos is named where it was sent: among the photos.
  if (!article.photos?.some((p) => p.url === article.image)) add(article.image, '/image')
  article.photos?.forEach((p, i) => add(p.url, `/photos/${i}/url`))
  article.attachments?.forEach((a, i) => add(a.url, `/attachments/${i}/url`))
  return refs
}

/** The keys of the files an article uses, once each. */
export function mediaKeysOf(article: Article, site: MediaSite): string[] {
  return [...new Set(mediaRefs(article, site).map((r) => r.key))]
}
