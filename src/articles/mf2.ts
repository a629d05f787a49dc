/**
 * Micropub's vocabulary (microformats2 h-entry properties) and edgefeed's articles, both ways,
 * and Micropub updates (`replace`, `add`, `delete`) applied to a stored article.
 */
import { htmlToText } from './content'
import type { Article } from './model'
import { deriveSummary } from './summary'

/** h-entry properties: every property is a list of values. */
export type Properties = Record<string, unknown[]>

/** The h-entry properties edgefeed stores; an update naming another is refused. */
const SUPPORTED = ['name', 'content', 'summary', 'category', 'published', 'photo'] as const
type Supported = (typeof SUPPORTED)[number]

/** A property's first value. */
export const first = (values: unknown[] | undefined) => values?.[0]

/** An update or request Micropub can not carry out; `message` says why, for the client. */
export class MicropubError extends Error {
  override name = 'MicropubError'
}

/** A Micropub content value: a string, or `{html}` / `{value}`. */
function contentOf(value: unknown): { html?: string; text?: string } {
  if (typeof value === 'string') return { text: value }
  if (value && typeof value === 'object') {
    const v = value as { html?: unknown; value?: unknown }
    if (typeof v.html === 'string') return { html: v.html }
    if (typeof v.value === 'string') return { text: v.value }
  }
  return {}
}

/** A photo value: a URL, or `{value, alt}`. */
function photoOf(value: unknown): unknown {
  return value && typeof value === 'object' ? (value as { value?: unknown }).value : value
}

/** An h-entry's properties as article input. Notes without a name get one from their text. */
export function inputFrom(props: Properties): Record<string, unknown> {
  const content = contentOf(first(props.content))
  const text = content.text ?? (content.html ? htmlToText(content.html) : '')
  const name = first(props.name)
  const published = first(props.published)
  return {
    title: typeof name === 'string' && name.trim() ? name : noteTitle(text),
    ...(content.html !== undefined
      ? { content_html: content.html }
      : { content_text: content.text ?? (typeof name === 'string' ? name : '') }),
    ...(props.category ? { tags: props.category } : {}),
    ...(published !== undefined ? { published } : {}),
    ...(first(props.summary) !== undefined ? { summary: first(props.summary) } : {}),
    ...(props.photo ? { image: photoOf(first(props.photo)) } : {}),
  }
}

/** A note's title: its first line, cut at about 80 characters. */
function noteTitle(text: string): string {
  const line = text.trim().split('\n')[0] ?? ''
  const chars = [...line]
  return chars.length > 80 ? chars.slice(0, 79).join('') + '…' : line
}

/** The content as Micropub shows it: the Markdown or text as sent, or the HTML. */
function contentValue(article: Article): unknown {
  return article.content_markdown ?? article.content_text ?? { html: article.content_html }
}

/** The stored article as h-entry properties (for `q=source`). */
export function propertiesOf(article: Article): Properties {
  const props: Properties = {
    name: [article.title],
    content: [contentValue(article)],
    published: [article.published],
    updated: [article.updated],
    summary: [article.summary],
  }
  if (article.tags.length) props.category = [...article.tags]
  if (article.image) props.photo = [article.image]
  return props
}

/** The stored article as the JSON API's input: what an update starts from, nothing lost. */
function inputOf(article: Article): Record<string, unknown> {
  // No `published`: a replace keeps the stored one, and with it whether it was a day only.
  const input: Record<string, unknown> = {
    title: article.title,
    authors: article.authors,
    tags: article.tags,
    language: article.language,
  }
  if (article.content_markdown !== undefined) input.content_markdown = article.content_markdown
  else if (article.content_text !== undefined) input.content_text = article.content_text
  else input.content_html = article.content_html
  // A summary the publisher wrote is kept; one derived from the content is derived again.
  if (article.summary !== deriveSummary(htmlToText(article.content_html))) {
    input.summary = article.summary
  }
  for (const key of ['source', 'url', 'image'] as const) {
    if (article[key] !== undefined) input[key] = article[key]
  }
  return input
}

const CONTENT_KEYS = ['content_html', 'content_markdown', 'content_text'] as const

/** Sets one property on the input, in the article's own format where it has one. */
function setProperty(input: Record<string, unknown>, name: Supported, values: unknown[]): void {
  const value = values[0]
  if (name === 'category') input.tags = values
  else if (name === 'name') input.title = value
  else if (name === 'summary') input.summary = value
  else if (name === 'published') input.published = value
  else if (name === 'photo') input.image = photoOf(value)
  else {
    const content = contentOf(value)
    const format = CONTENT_KEYS.find((k) => input[k] !== undefined) ?? 'content_text'
    for (const key of CONTENT_KEYS) delete input[key]
    if (content.html !== undefined) input.content_html = content.html
    else input[format === 'content_html' ? 'content_text' : format] = content.text
  }
}

function removeProperty(input: Record<string, unknown>, name: Supported): void {
  if (name === 'name' || name === 'content' || name === 'published') {
    throw new MicropubError(`"${name}" can not be deleted: an article needs it`)
  }
  if (name === 'category') input.tags = []
  else if (name === 'summary') delete input.summary
  else delete input.image
}

/** The values of an update's property, checked: a list, under a property edgefeed stores. */
function entries(part: unknown, action: string): [Supported, unknown[]][] {
  if (part === undefined) return []
  if (!part || typeof part !== 'object' || Array.isArray(part)) {
    throw new MicropubError(`"${action}" must be an object of property names and value lists`)
  }
  return Object.entries(part).map(([name, values]) => {
    if (!(SUPPORTED as readonly string[]).includes(name)) {
      throw new MicropubError(`the property "${name}" is not supported`)
    }
    if (!Array.isArray(values)) throw new MicropubError(`"${action}.${name}" must be a list`)
    return [name as Supported, values]
  })
}

/**
 * The article input an update gives (Micropub 3.4): the whole stored article with
 * `replace`, then `add`, then `delete` applied. Refuses updates of an unknown shape.
 */
export function updatedInput(
  article: Article,
  update: Record<string, unknown>,
): Record<string, unknown> {
  const input = inputOf(article)
  for (const [name, values] of entries(update.replace, 'replace')) setProperty(input, name, values)
  for (const [name, values] of entries(update.add, 'add')) {
    if (name === 'category') input.tags = [...(input.tags as unknown[]), ...values]
    else setProperty(input, name, values)
  }
  const remove = update.delete
  if (Array.isArray(remove)) {
    for (const name of remove) {
      if (!(SUPPORTED as readonly unknown[]).includes(name)) {
        throw new MicropubError(`the property "${String(name)}" is not supported`)
      }
      removeProperty(input, name as Supported)
    }
  } else {
    for (const [name, values] of entries(remove, 'delete')) {
      if (name !== 'category')
        throw new MicropubError(`values of "${name}" can not be deleted one by one`)
      input.tags = (input.tags as unknown[]).filter((t) => !values.includes(t))
    }
  }
  return input
}
