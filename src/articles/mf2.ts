/**
 * Micropub's vocabulary (microformats2 h-entry properties) and edgefeed's articles, both ways.
 */
import { htmlToText } from './content'
import type { Article } from './model'

/** h-entry properties: every property is a list of values. */
export type Properties = Record<string, unknown[]>

/** A property's first value. */
export const first = (values: unknown[] | undefined) => values?.[0]

/** Plain text of a Micropub content value: a string, or `{html}` / `{value}`. */
function contentOf(value: unknown): { html?: string; text?: string } {
  if (typeof value === 'string') return { text: value }
  if (value && typeof value === 'object') {
    const v = value as { html?: unknown; value?: unknown }
    if (typeof v.html === 'string') return { html: v.html }
    if (typeof v.value === 'string') return { text: v.value }
  }
  return {}
}

/** An h-entry's properties as article input. Notes without a name get one from their text. */
export function inputFrom(props: Properties): unknown {
  const content = contentOf(first(props.content))
  const text = content.text ?? (content.html ? htmlToText(content.html) : '')
  const name = first(props.name)
  const photo = first(props.photo)
  const published = first(props.published)
  return {
    title: typeof name === 'string' && name.trim() ? name : noteTitle(text),
    ...(content.html !== undefined
      ? { content_html: content.html }
      : { content_text: content.text ?? (typeof name === 'string' ? name : '') }),
    ...(props.category ? { tags: props.category } : {}),
    ...(published !== undefined ? { published } : {}),
    ...(first(props.summary) !== undefined ? { summary: first(props.summary) } : {}),
    ...(photo !== undefined
      ? { image: typeof photo === 'object' && photo ? (photo as { value?: unknown }).value : photo }
      : {}),
  }
}

/** A note's title: its first line, cut at about 80 characters. */
function noteTitle(text: string): string {
  const line = text.trim().split('\n')[0] ?? ''
  const chars = [...line]
  return chars.length > 80 ? chars.slice(0, 79).join('') + '…' : line
}

/** The stored article as h-entry properties (for `q=source` and updates). */
export function propertiesOf(article: Article): Properties {
  const props: Properties = {
    name: [article.title],
    content:
      article.content_text !== undefined
        ? [article.content_text]
        : [{ html: article.content_html }],
    published: [article.published],
    updated: [article.updated],
    summary: [article.summary],
  }
  if (article.tags.length) props.category = [...article.tags]
  if (article.image) props.photo = [article.image]
  return props
}
