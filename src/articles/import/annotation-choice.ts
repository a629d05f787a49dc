/**
 * The publisher's choice for phonetic annotations applied to an article's fields: the same
 * rule for a text import and for the JSON API's `content_text` / `content_markdown`.
 * Whether a text carries annotations at all is decided once, over all its fields together.
 */
import { htmlToText, markdownToHtml, textParagraphs, textToHtml } from '../content'
import type { ArticleInput } from '../schema'
import { deriveSummary } from '../summary'
import {
  carriesAnnotations,
  findAnnotations,
  removeAnnotations,
  rubyMarkup,
  type AnnotationScan,
} from './annotations'
import { DEFAULT_ANNOTATION_MODE, type AnnotationMode } from './modes'

export type ContentFormat = 'text' | 'markdown'

/** What the import report says about annotations. */
export interface AnnotationReport {
  mode: AnnotationMode
  /** Readings found after Han characters in the title and body (checked against the dictionary). */
  found: number
  /** How many of them match the dictionary tone included; the others differ in tone only. */
  exact: number
  /** Han characters in the title and body. */
  han: number
  /** Whether the text carries annotations: exact >= ANNOTATED_MIN and >= ANNOTATED_SHARE of han. */
  annotated: boolean
  /** Readings removed from the text (`strip`), or from its plain-text fields (`ruby`). */
  removed: number
  /** Readings shown as `<ruby>` in the HTML (`ruby`). */
  ruby: number
}

/** Adds up the scans of a text's fields. */
export function totalScan(scans: readonly AnnotationScan[]): Omit<AnnotationScan, 'annotations'> & {
  found: number
} {
  let found = 0
  let exact = 0
  let han = 0
  for (const scan of scans) {
    found += scan.annotations.length
    exact += scan.exact
    han += scan.han
  }
  return { found, exact, han }
}

/** What happens to the annotations of a text whose fields scanned as `scans`, under `mode`. */
export function annotationReport(
  mode: AnnotationMode,
  scans: readonly AnnotationScan[],
): AnnotationReport {
  const { found, exact, han } = totalScan(scans)
  const annotated = carriesAnnotations(exact, han)
  const removed = annotated && mode !== 'keep' ? found : 0
  return { mode, found, exact, han, annotated, removed, ruby: mode === 'ruby' ? removed : 0 }
}

/** The content as sanitised HTML with its annotations as `<ruby>`. */
export function rubyContentHtml(content: string, format: ContentFormat): string {
  if (format === 'markdown') return markdownToHtml(rubyMarkup(content, (s) => s))
  return textParagraphs(content)
    .map((p) => `<p>${rubyMarkup(p)}</p>`)
    .join('\n')
}

/** The summary the article would get from its plain content: the same as with `strip`. */
export function plainSummary(plain: string, format: ContentFormat): string {
  return deriveSummary(
    htmlToText(format === 'markdown' ? markdownToHtml(plain) : textToHtml(plain)),
  )
}

/**
 * A JSON article with the `annotations` choice applied to its title, summary and
 * `content_text` or `content_markdown`; HTML is kept as sent. When readings are removed the
 * content as posted is kept as `source_text`. With `ruby`, `content_html` holds the rendered
 * content and the plain fields the base text.
 */
export function applyAnnotationChoice(input: ArticleInput): ArticleInput {
  const { annotations: chosen, ...article } = input
  const format: ContentFormat | undefined =
    article.content_text !== undefined
      ? 'text'
      : article.content_markdown !== undefined
        ? 'markdown'
        : undefined
  if (!format) return article
  const content = (format === 'text' ? article.content_text : article.content_markdown)!
  const scans = [article.title, article.summary ?? '', content].map(findAnnotations)
  const mode = chosen ?? DEFAULT_ANNOTATION_MODE
  if (!annotationReport(mode, scans).removed) return article
  const [title, summary, body] = scans.map((s) => s.annotations)
  const plain = removeAnnotations(content, body!)
  const out: ArticleInput = {
    ...article,
    title: removeAnnotations(article.title, title!),
    source_text: content,
  }
  if (article.summary !== undefined) out.summary = removeAnnotations(article.summary, summary!)
  if (format === 'text') out.content_text = plain
  else out.content_markdown = plain
  if (mode === 'ruby') {
    out.content_html = rubyContentHtml(content, format)
    out.summary ??= plainSummary(plain, format)
  }
  return out
}
