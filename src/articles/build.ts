import type { ArticleInput } from './schema'
import type { Article } from './model'
import { sanitize } from './sanitize'
import { htmlToText, markdownToHtml, textToHtml } from './content'
import { deriveSummary } from './summary'
import { uniqueTags } from './tags'
import { detectLanguage } from './script'
import { buildVariants } from './variants'
import { latest, parseTimestamp, timestampIn, type Timestamp } from '../time'

/** What building an article needs besides the publisher's input. */
export interface BuildContext {
  id: string
  publisher: string
  /** Credited when the input names no author. */
  defaultAuthor?: string
  /** The clock, in milliseconds; passed in so tests can fix it. */
  now: number
  timeZone: string
  defaultLanguage: string
  /** The article this one replaces, if any. */
  previous?: Article
}

/** The date a new article gets when its publisher gives none. */
export function defaultPublished(input: ArticleInput, now: number, timeZone: string): Timestamp {
  return (
    (input.published && parseTimestamp(input.published, timeZone)) || timestampIn(now, timeZone)
  )
}

/** Turns validated input into the stored article: content rendered and sanitised, dates fixed. */
export function buildArticle(input: ArticleInput, ctx: BuildContext): Article {
  const content_html =
    input.content_html !== undefined
      ? sanitize(input.content_html)
      : input.content_markdown !== undefined
        ? markdownToHtml(input.content_markdown)
        : textToHtml(input.content_text ?? '')
  const text = htmlToText(content_html)
  const published = defaultPublished(input, ctx.now, ctx.timeZone)
  const now = timestampIn(ctx.now, ctx.timeZone)
  // A replaced article has changed now; a new one was last updated when it was published.
  const updated =
    (input.updated && parseTimestamp(input.updated, ctx.timeZone)) ||
    (ctx.previous ? latest(published, now) : published)
  const article: Article = {
    id: ctx.id,
    title: input.title,
    summary: input.summary || deriveSummary(text),
    content_html,
    authors: input.authors ?? (ctx.defaultAuthor ? [{ name: ctx.defaultAuthor }] : []),
    published,
    updated,
    tags: uniqueTags(input.tags ?? []),
    language: input.language ?? detectLanguage(`${input.title}\n${text}`) ?? ctx.defaultLanguage,
    publisher: ctx.previous?.publisher ?? ctx.publisher,
  }
  if (input.content_markdown !== undefined) article.content_markdown = input.content_markdown
  if (input.content_text !== undefined) article.content_text = input.content_text
  if (input.source_text !== undefined) article.source_text = input.source_text
  if (input.published && isDay(input.published)) article.published_precision = 'date'
  if (input.source) article.source = input.source
  if (input.url) article.url = input.url
  if (input.image) article.image = input.image
  const variants = buildVariants(article)
  if (variants) article.variants = variants
  // Sending the same article again changes nothing, not even `updated`: PUT stays idempotent.
  if (
    ctx.previous &&
    !input.updated &&
    sameArticle({ ...article, updated: ctx.previous.updated }, ctx.previous)
  ) {
    return ctx.previous
  }
  return article
}

/** A date without a time (`2022-04-08`): readers are shown the day, not a made-up midnight. */
function isDay(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date.trim())
}

function sameArticle(a: Article, b: Article): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
