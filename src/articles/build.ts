import type { ArticleInput } from './schema'
import type { Article, Attachment, Intent } from './model'
import { FieldRefusal } from './errors'
import { sanitize } from './sanitize'
import { RelativeUrls, type ContentWarning } from './relative-urls'
import { htmlToText, markdownToHtml, textToHtml } from './content'
import { deriveSummary } from './summary'
import { uniqueTags } from './tags'
import { detectLanguage } from './language'
import { buildVariants } from './variants'
import { latest, parseTimestamp, timestampIn, type Timestamp } from '../time'

/**
 * An article built from a publisher's input, before it has an id, an owner or its dates:
 * everything that costs CPU (rendering, sanitising, script conversion) and needs nothing
 * stored. The write coordinator finishes it against the article it replaces (`finalise`).
 */
export interface Draft {
  fields: Omit<Article, 'id' | 'published' | 'updated' | 'publisher'>
  /** As the publisher gave them; absent means "keep the stored one, or now". */
  published?: Timestamp
  updated?: Timestamp
  /** `published` was a day without a time: readers are shown the day, not a made-up midnight. */
  publishedIsDay?: boolean
  /** What building changed in what was sent, for the write's answer; never stored. */
  warnings: ContentWarning[]
  /** As the publisher asked; absent, a new article is published and a stored one keeps its state. */
  state?: Intent
}

/** What building needs besides the input. */
export interface DraftContext {
  timeZone: string
  /** SITE_LANGUAGE: an article that names no language has it when its text agrees. */
  defaultLanguage: string
  /** Credited when the input names no author. */
  defaultAuthor?: string
}

/** The lead image: the one named, else the first photo. */
export function leadImage(input: Pick<ArticleInput, 'image' | 'photos'>): string | undefined {
  return input.image ?? input.photos?.[0]?.url
}

/**
 * Turns validated input into a draft: content rendered and sanitised, its relative URLs made
 * absolute against `base_url` or `url`, dates read.
 */
export function buildDraft(input: ArticleInput, ctx: DraftContext): Draft {
  const urls = new RelativeUrls(input.base_url ?? input.url)
  const content_html =
    input.content_html !== undefined
      ? sanitize(input.content_html, '/content_html', urls)
      : input.content_markdown !== undefined
        ? markdownToHtml(input.content_markdown, urls)
        : textToHtml(input.content_text ?? '')
  const text = htmlToText(content_html)
  const fields: Draft['fields'] = {
    title: input.title,
    summary: input.summary || deriveSummary(text),
    content_html,
    authors: input.authors ?? (ctx.defaultAuthor ? [{ name: ctx.defaultAuthor }] : []),
    tags: uniqueTags(input.tags ?? []),
    language: input.language ?? detectLanguage(`${input.title}\n${text}`, ctx.defaultLanguage),
  }
  if (input.content_markdown !== undefined) fields.content_markdown = input.content_markdown
  if (input.content_text !== undefined) fields.content_text = input.content_text
  if (input.source_text !== undefined) fields.source_text = input.source_text
  if (input.source) fields.source = input.source
  if (input.url) fields.url = input.url
  const image = leadImage(input)
  if (image) fields.image = image
  if (image && input.image_file) fields.image_file = input.image_file
  if (input.photos?.length) fields.photos = input.photos
  if (input.attachments?.length) fields.attachments = input.attachments.map(attachment)
  if (input.extra_properties && Object.keys(input.extra_properties).length) {
    fields.extra_properties = input.extra_properties
  }
  if (input.guid) fields.guid = input.guid
  const variants = buildVariants(fields)
  if (variants) fields.variants = variants
  const format = input.content_html !== undefined ? 'content_html' : 'content_markdown'
  const draft: Draft = { fields, warnings: urls.warnings(`/${format}`) }
  const published = input.published && parseTimestamp(input.published, ctx.timeZone)
  const updated = input.updated && parseTimestamp(input.updated, ctx.timeZone)
  if (published) draft.published = published
  if (published && isDay(input.published!)) draft.publishedIsDay = true
  if (updated) draft.updated = updated
  if (input.state) draft.state = input.state
  return draft
}

/** What finishing a draft needs: who and when, and the article it replaces, if any. */
export interface FinishContext {
  id: string
  /** The publisher's name, kept from the replaced article. */
  publisher: string
  /** The clock, in milliseconds; passed in so tests can fix it. */
  now: number
  timeZone: string
  previous?: Article
}

/**
 * The stored article. A replace keeps the stored `published` unless one is sent (re-sending
 * a typo fix must not move an article to the top of every feed), and a replace that changes
 * nothing gives back `previous` itself, `updated` included: PUT stays idempotent.
 */
export function finalise(draft: Draft, ctx: FinishContext): Article {
  const { previous } = ctx
  const now = timestampIn(ctx.now, ctx.timeZone)
  const published = draft.published ?? previous?.published ?? now
  const article: Article = {
    id: ctx.id,
    ...draft.fields,
    published,
    // A replaced article has changed now; a new one was last updated when it was published.
    updated: draft.updated ?? (previous ? latest(published, now) : published),
    publisher: previous?.publisher ?? ctx.publisher,
  }
  // The feed id readers know an imported article by is the one it came with, for good.
  delete article.guid
  const guid = previous ? previous.guid : draft.fields.guid
  if (guid !== undefined) article.guid = guid
  // The precision goes with the date: a replace that keeps the date keeps it too.
  if (draft.published ? draft.publishedIsDay : previous?.published_precision === 'date') {
    article.published_precision = 'date'
  }
  if (
    previous &&
    !draft.updated &&
    sameArticle({ ...article, updated: previous.updated }, previous)
  ) {
    return previous
  }
  return article
}

/** Builds and finishes in one step, for a new article (tests and the benchmark). */
export function buildArticle(
  input: ArticleInput,
  ctx: DraftContext & Omit<FinishContext, 'timeZone'>,
): Article {
  return finalise(buildDraft(input, ctx), ctx)
}

/** An attachment as stored: a file on another host must say its type (ours have R2's). */
function attachment(
  input: NonNullable<ArticleInput['attachments']>[number],
  i: number,
): Attachment {
  const { mime_type, ...rest } = input
  if (mime_type === undefined) {
    throw new FieldRefusal({
      pointer: `/attachments/${i}/mime_type`,
      detail: 'is required for a file on another host',
    })
  }
  return { ...rest, mime_type }
}

/** A date without a time (`2022-04-08`). */
function isDay(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date.trim())
}

function sameArticle(a: Article, b: Article): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

/** The article with its keys in one order, so that equal articles stringify alike. */
function canonical(article: Article): Record<string, unknown> {
  return Object.fromEntries(Object.entries(article).sort(([a], [b]) => (a < b ? -1 : 1)))
}
