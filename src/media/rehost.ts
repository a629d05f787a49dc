/**
 * Images that never break: an article's images from other hosts, copied into R2 after the
 * write's answer (src/fanout/rehost.ts) and the article pointed at the copies through the
 * coordinator. These are the rules: which images, how many, and the article once copied.
 */
import type { Draft } from '../articles/build'
import { imageSources, moveImages } from '../articles/images'
import type { Article, MediaFacts, RehostReport } from '../articles/model'
import { apiArticlePath } from '../urls'
import { mediaKeyOf, type MediaSite } from './links'

/** The most images one article asks to copy; the rest are reported, not fetched. */
export const REHOST_PER_ARTICLE = 20

/** What one run of the queue's consumer did: each copy with R2's facts of it. */
export interface RehostResult {
  copied: { from: string; to: string; file: MediaFacts }[]
  failed: { url: string; reason: string }[]
}

/** The images `article` shows from other hosts: in its content, its lead image and photos. */
export function externalImages(
  article: Pick<Article, 'content_html' | 'image' | 'photos'>,
  site: MediaSite,
): string[] {
  const urls = [
    ...imageSources(article.content_html),
    ...(article.image ? [article.image] : []),
    ...(article.photos ?? []).map((p) => p.url),
  ]
  return [...new Set(urls)].filter((url) => !mediaKeyOf(site, url))
}

/** What a write that asks for copies is to copy: queued, unless it shows no image elsewhere. */
export function planRehost(draft: Draft, site: MediaSite): void {
  const images = externalImages(draft.fields, site)
  if (images.length === 0) return
  const over = images.slice(REHOST_PER_ARTICLE)
  const report: RehostReport = { state: 'queued', images }
  if (over.length) {
    report.failed = over.map((url) => ({
      url,
      reason: `over the limit of ${REHOST_PER_ARTICLE} images per article`,
    }))
  }
  draft.fields.rehost = report
}

/** Where one image of a report stands: waiting for the queue, copied (to `copy`), or failed. */
export type RehostImage =
  | { url: string; state: 'pending' }
  | { url: string; state: 'copied'; copy: string }
  | { url: string; state: 'failed'; reason: string }

/**
 * A report as its publisher reads it (the write's answer, `GET /api/articles/{id}`): the
 * report, each image with where it stands, in the order of the content, and the address to
 * ask again until `state` is `done`.
 */
export type RehostStatus = RehostReport & { results: RehostImage[]; status_url: string }

/** The publisher's view of the report of article `id`. */
export function rehostStatus(report: RehostReport, id: string): RehostStatus {
  const copied = new Map((report.copied ?? []).map((c) => [c.from, c.to]))
  const failed = new Map((report.failed ?? []).map((f) => [f.url, f.reason]))
  const results = report.images.map((url): RehostImage => {
    const copy = copied.get(url)
    if (copy !== undefined) return { url, state: 'copied', copy }
    const reason = failed.get(url)
    if (reason !== undefined) return { url, state: 'failed', reason }
    return { url, state: 'pending' }
  })
  return { ...report, results, status_url: apiArticlePath(id) }
}

/** The images of a report still to copy. */
export function pendingImages(report: RehostReport): string[] {
  const done = new Set([
    ...(report.copied ?? []).map((c) => c.from),
    ...(report.failed ?? []).map((f) => f.url),
  ])
  return report.images.filter((url) => !done.has(url))
}

/**
 * The article with `result` applied: each copied image shown from its copy (in the content,
 * its other script, the lead image and the photos), and the report brought up to date;
 * `done` when no image is left to try.
 */
export function withCopies(article: Article, result: RehostResult): Article {
  const report = article.rehost
  if (!report) return article
  const moved = new Map(result.copied.map((c) => [c.from, c.to]))
  const copied = [...(report.copied ?? []), ...result.copied.map(({ from, to }) => ({ from, to }))]
  const failed = [...(report.failed ?? []), ...result.failed]
  const next: RehostReport = { state: 'queued', images: report.images }
  if (copied.length) next.copied = copied
  if (failed.length) next.failed = failed
  if (pendingImages(next).length === 0) next.state = 'done'
  const out: Article = {
    ...article,
    content_html: moveImages(article.content_html, moved),
    rehost: next,
  }
  const lead = result.copied.find((c) => c.from === article.image)
  if (lead) {
    out.image = lead.to
    out.image_file = lead.file
  }
  if (article.photos) {
    out.photos = article.photos.map((p) => ({ ...p, url: moved.get(p.url) ?? p.url }))
  }
  if (article.variants) {
    out.variants = Object.fromEntries(
      Object.entries(article.variants).map(([script, text]) => [
        script,
        { ...text, content_html: moveImages(text.content_html, moved) },
      ]),
    )
  }
  return out
}
