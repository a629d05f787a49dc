/**
 * Micropub updates (W3C Recommendation 3.4): `replace`, `add` and `delete` applied to the whole
 * stored article, as the JSON API's input, so that nothing an update does not name is lost.
 */
import { htmlToText } from './content'
import { MicropubError } from './errors'
import { contentOf, noteTitle, POST_STATUS, stateFrom } from './mf2'
import { photosFrom } from './mf2-photos'
import type { Article } from './model'
import { extraPropertyProblem, isArticleProperty, type ArticleProperty } from './properties'
import { deriveSummary } from './summary'

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
  for (const key of ['source', 'url', 'photos', 'attachments', 'extra_properties'] as const) {
    if (article[key] !== undefined) input[key] = article[key]
  }
  // A lead image that is the first photo is derived again from the photos an update leaves.
  if (article.image !== undefined && article.image !== article.photos?.[0]?.url) {
    input.image = article.image
  }
  return input
}

/** The text a note's title is read from: the text or Markdown as sent, or the HTML's text. */
function textOf(article: Partial<Article>): string {
  return (
    article.content_text ??
    article.content_markdown ??
    (article.content_html === undefined ? '' : htmlToText(article.content_html))
  )
}

const CONTENT_KEYS = ['content_html', 'content_markdown', 'content_text'] as const

/**
 * Micropub's `photo` is the article's photos, or its lead image when it has none: changing it
 * changes the photos, and the lead image with them unless it is another picture.
 */
function setPhotos(input: Record<string, unknown>, photos: unknown[] | undefined): void {
  const old = (input.photos as { url: string }[] | undefined) ?? []
  if (!old.length || old.some((p) => p.url === input.image)) delete input.image
  if (photos?.length) input.photos = photos
  else delete input.photos
}

/** Sets one property on the input, in the article's own format where it has one. */
function setProperty(input: Record<string, unknown>, name: ArticleProperty, values: unknown[]) {
  const value = values[0]
  if (name === 'category') input.tags = values
  else if (name === 'name') input.title = value
  else if (name === 'summary') input.summary = value
  else if (name === 'published') input.published = value
  else if (name === 'updated') input.updated = value
  else if (name === 'photo') setPhotos(input, photosFrom(values))
  else {
    const content = contentOf(value)
    const format = CONTENT_KEYS.find((k) => input[k] !== undefined) ?? 'content_text'
    for (const key of CONTENT_KEYS) delete input[key]
    if (content.html !== undefined) input.content_html = content.html
    else input[format === 'content_html' ? 'content_text' : format] = content.text
  }
}

function removeProperty(input: Record<string, unknown>, name: ArticleProperty): void {
  if (name === 'name' || name === 'content' || name === 'published' || name === 'updated') {
    throw new MicropubError(`"${name}" can not be deleted: an article needs it`)
  }
  if (name === 'category') input.tags = []
  else if (name === 'summary') delete input.summary
  else setPhotos(input, undefined)
}

/** The input's kept properties, to change in place. */
function extrasIn(input: Record<string, unknown>): Record<string, unknown[]> {
  return ((input.extra_properties as Record<string, unknown[]> | undefined) ??= {})
}

/** The values of an update's part, checked: an object of value lists. */
function entries(part: unknown, action: string): [string, unknown[]][] {
  if (part === undefined) return []
  if (!part || typeof part !== 'object' || Array.isArray(part)) {
    throw new MicropubError(`"${action}" must be an object of property names and value lists`)
  }
  return Object.entries(part).map(([name, values]) => {
    if (!Array.isArray(values)) {
      throw new MicropubError(`"${action}.${name.slice(0, 64)}" must be a list`)
    }
    if (!isArticleProperty(name) && name !== POST_STATUS) {
      const problem = extraPropertyProblem(name, values)
      if (problem) throw new MicropubError(`the property "${name.slice(0, 64)}" ${problem}`)
    }
    return [name, values]
  })
}

const unremovableStatus = () =>
  new MicropubError(`"${POST_STATUS}" can not be deleted: replace it with "published" or "draft"`)

/** `post-status` replaced or added: the article's state, no longer a kept property. */
function setStatus(input: Record<string, unknown>, values: unknown[]): void {
  input.state = stateFrom(values)
  delete extrasIn(input)[POST_STATUS]
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** `delete`: whole properties (a list of names), or some values of each (an object). */
function applyDelete(input: Record<string, unknown>, remove: unknown): void {
  if (Array.isArray(remove)) {
    for (const name of remove) {
      if (typeof name !== 'string') throw new MicropubError('"delete" must list property names')
      if (name === POST_STATUS) throw unremovableStatus()
      if (isArticleProperty(name)) removeProperty(input, name)
      else delete extrasIn(input)[name]
    }
    return
  }
  for (const [name, values] of entries(remove, 'delete')) {
    if (name === POST_STATUS) throw unremovableStatus()
    if (name === 'category') {
      input.tags = (input.tags as unknown[]).filter((t) => !values.includes(t))
    } else if (isArticleProperty(name)) {
      throw new MicropubError(`values of "${name}" can not be deleted one by one`)
    } else {
      const extras = extrasIn(input)
      const left = (extras[name] ?? []).filter((v) => !values.some((d) => same(v, d)))
      if (left.length) extras[name] = left
      else delete extras[name]
    }
  }
}

/**
 * The article input an update gives (Micropub 3.4): the whole stored article with
 * `replace`, then `add`, then `delete` applied. Refuses updates of an unknown shape, and
 * properties that can be neither used nor kept.
 */
export function updatedInput(
  article: Article,
  update: Record<string, unknown>,
): Record<string, unknown> {
  const input = inputOf(article)
  for (const [name, values] of entries(update.replace, 'replace')) {
    if (name === POST_STATUS) setStatus(input, values)
    else if (isArticleProperty(name)) setProperty(input, name, values)
    else extrasIn(input)[name] = values
  }
  for (const [name, values] of entries(update.add, 'add')) {
    if (name === POST_STATUS) setStatus(input, values)
    else if (name === 'category') input.tags = [...(input.tags as unknown[]), ...values]
    else if (name === 'photo')
      setPhotos(input, [...((input.photos as unknown[]) ?? []), ...photosFrom(values)])
    else if (isArticleProperty(name)) setProperty(input, name, values)
    else extrasIn(input)[name] = [...(extrasIn(input)[name] ?? []), ...values]
  }
  applyDelete(input, update.delete)
  // A note titled by its first line keeps following it, unless the update names a title.
  const named = [update.replace, update.add].some(
    (part) => part && typeof part === 'object' && Object.hasOwn(part, 'name'),
  )
  if (!named && article.title === noteTitle(textOf(article))) {
    input.title = noteTitle(textOf(input))
  }
  const extras = input.extra_properties as Record<string, unknown[]> | undefined
  if (extras && !Object.keys(extras).length) delete input.extra_properties
  return input
}
