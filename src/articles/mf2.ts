/**
 * Micropub's vocabulary (microformats2 h-entry properties) and edgefeed's articles, both ways:
 * a create's properties as article input, and a stored article as `q=source` shows it.
 * Properties an article is not made of are kept beside it (src/articles/properties.ts);
 * updates are applied in mf2-update.ts.
 */
import { htmlToText } from './content'
import { MicropubError } from './errors'
import type { Article, JsonValue } from './model'
import { photosFrom, photoValues } from './mf2-photos'
import { extraPropertyProblem, isArticleProperty } from './properties'

/** h-entry properties: every property is a list of values. */
export type Properties = Record<string, unknown[]>

/** A property's first value. */
export const first = (values: unknown[] | undefined) => values?.[0]

/** A Micropub content value: a string, or `{html}` / `{value}`. */
export function contentOf(value: unknown): { html?: string; text?: string } {
  if (typeof value === 'string') return { text: value }
  if (value && typeof value === 'object') {
    const v = value as { html?: unknown; value?: unknown }
    if (typeof v.html === 'string') return { html: v.html }
    if (typeof v.value === 'string') return { text: v.value }
  }
  return {}
}

/** Micropub's `post-status`: `draft` keeps a post unpublished; `published` publishes it. */
export const POST_STATUS = 'post-status'

/** A `post-status` list as the article's state; refuses another value. */
export function stateFrom(values: unknown[]): 'draft' | 'published' {
  const value = first(values)
  if (values.length !== 1 || (value !== 'draft' && value !== 'published')) {
    throw new MicropubError(`"${POST_STATUS}" must be "published" or "draft"`)
  }
  return value
}

/** The properties that are not the article's own, checked: kept as sent, or refused by name. */
function extrasOf(props: Properties): Record<string, JsonValue[]> {
  const extras: Record<string, JsonValue[]> = {}
  for (const [name, values] of Object.entries(props)) {
    if (isArticleProperty(name)) continue
    const problem = extraPropertyProblem(name, values)
    if (problem) throw new MicropubError(`the property "${name.slice(0, 64)}" ${problem}`)
    if (name !== 'mp-syndicate-to') extras[name] = values as JsonValue[]
  }
  return extras
}

/** Every property's values as a list, as Micropub sends them; refuses any other shape. */
export function checkedProperties(props: Record<string, unknown>): Properties {
  for (const [name, values] of Object.entries(props)) {
    if (!Array.isArray(values)) {
      throw new MicropubError(`"properties.${name.slice(0, 64)}" must be a list of values`)
    }
  }
  return props as Properties
}

/**
 * An h-entry's properties as article input. Notes without a name get one from their text;
 * properties an article is not made of are kept as `extra_properties`.
 */
export function inputFrom(all: Properties): Record<string, unknown> {
  const { [POST_STATUS]: status, ...props } = all
  const content = contentOf(first(props.content))
  const text = content.text ?? (content.html ? htmlToText(content.html) : '')
  const name = first(props.name)
  const extras = extrasOf(props)
  return {
    title: typeof name === 'string' && name.trim() ? name : noteTitle(text),
    ...(content.html !== undefined
      ? { content_html: content.html }
      : { content_text: content.text ?? (typeof name === 'string' ? name : '') }),
    ...(props.category ? { tags: props.category } : {}),
    ...(props.published ? { published: first(props.published) } : {}),
    ...(props.updated ? { updated: first(props.updated) } : {}),
    ...(props.summary ? { summary: first(props.summary) } : {}),
    ...(props.photo ? { photos: photosFrom(props.photo) } : {}),
    ...(status ? { state: stateFrom(status) } : {}),
    ...(Object.keys(extras).length ? { extra_properties: extras } : {}),
  }
}

/** The h-entry property each article field is made from (`inputFrom`), to name it in errors. */
export const PROPERTY_OF_FIELD: Readonly<Record<string, string>> = {
  title: 'name',
  content_html: 'content',
  content_text: 'content',
  tags: 'category',
  photos: 'photo',
  extra_properties: 'properties',
}

/** A note's title: its first line, cut at about 80 characters. */
export function noteTitle(text: string): string {
  const line = text.trim().split('\n')[0] ?? ''
  const chars = [...line]
  return chars.length > 80 ? chars.slice(0, 79).join('') + '…' : line
}

/** The content as Micropub shows it: the Markdown or text as sent, or the HTML. */
function contentValue(article: Article): unknown {
  return article.content_markdown ?? article.content_text ?? { html: article.content_html }
}

/**
 * The stored article as h-entry properties (for `q=source`), kept properties included; a
 * draft says so in `post-status`.
 */
export function propertiesOf(article: Article, draft = false): Properties {
  const props: Properties = { ...article.extra_properties }
  if (draft) props[POST_STATUS] = ['draft']
  props.name = [article.title]
  props.content = [contentValue(article)]
  props.published = [article.published]
  props.updated = [article.updated]
  props.summary = [article.summary]
  if (article.tags.length) props.category = [...article.tags]
  const photos = photoValues(article)
  if (photos.length) props.photo = photos
  return props
}
