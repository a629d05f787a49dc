/**
 * A featured image read after its post (an export's attachment written after the post that
 * shows it): the article already written gets it as its lead image, and, when the import
 * copies images, the copy is planned as a write's would be.
 */
import type { Article, RehostReport } from '../articles/model'
import type { MediaSite } from '../media/links'
import { externalImages, REHOST_PER_ARTICLE } from '../media/rehost'

/** The article with `image` as its lead, or undefined when it has one already. */
export function withLateLead(
  article: Article,
  image: string,
  /** Where this site's files are, when the import copies images; undefined when it does not. */
  rehost: MediaSite | undefined,
): { article: Article; copy: boolean } | undefined {
  if (article.image) return undefined
  const led: Article = { ...article, image }
  if (!rehost || externalImages({ content_html: '', image }, rehost).length === 0) {
    return { article: led, copy: false }
  }
  const report: RehostReport = article.rehost ?? { state: 'queued', images: [] }
  if (report.images.includes(image)) return { article: led, copy: false }
  if (report.images.length >= REHOST_PER_ARTICLE) {
    const failed = [
      ...(report.failed ?? []),
      { url: image, reason: `over the limit of ${REHOST_PER_ARTICLE} images per article` },
    ]
    const images = [...report.images, image]
    return { article: { ...led, rehost: { ...report, images, failed } }, copy: false }
  }
  const next: RehostReport = { ...report, state: 'queued', images: [...report.images, image] }
  return { article: { ...led, rehost: next }, copy: true }
}
