/**
 * An archive's item made an article: the same validation, limits and sanitiser as any write
 * (the API's schema, then `buildDraft`), so an item over a limit is refused with the reason,
 * listed, and the import goes on. The item's id becomes its immutable `guid`; its link is the
 * old permalink, kept as a redirect and as the base its relative links are resolved against.
 */
import { buildDraft, type Draft } from '../articles/build'
import { deriveId } from '../articles/ids'
import { ArticleInput } from '../articles/schema'
import { cleanDeep } from '../articles/text'
import { uniqueTags } from '../articles/tags'
import { toMillis } from '../time'
import { REDIRECT_PATH_MAX_BYTES } from '../store/keys'
import type { ImportItem, Refused } from './item'
import { htmlText } from './text'

/** What every item of one import shares. */
export interface ImportContext {
  timeZone: string
  defaultLanguage: string
  /** Tags the import adds to every article. */
  tags: string[]
  /** The clock: an import brings the past, so an item dated ahead of it is refused. */
  now: number
}

export type Made = { ok: true; id: string; draft: Draft } | { ok: false; refused: Refused }

/** The title an untitled item (a short post) gets: the start of its text. */
function titleOf(item: ImportItem): string | undefined {
  if (item.title?.trim()) return item.title.trim()
  const text = item.summary ?? htmlText(item.content_html ?? item.content_text ?? '')
  const words = [...text.trim()]
  if (words.length === 0) return undefined
  return words.length <= 80 ? text.trim() : `${words.slice(0, 79).join('').trimEnd()}…`
}

/** The JSON an API write of this item would send. */
function inputOf(item: ImportItem, ctx: ImportContext, title: string): Record<string, unknown> {
  const content = item.content_html
    ? { content_html: item.content_html }
    : item.content_text
      ? { content_text: item.content_text }
      : item.summary
        ? { content_text: item.summary }
        : // An item with a title alone (a link post): its text is a link to where it was.
          {
            content_html: item.link
              ? `<p><a href="${item.link.replace(/"/g, '&quot;')}">${title.replace(/</g, '&lt;')}</a></p>`
              : `<p>${title.replace(/</g, '&lt;')}</p>`,
          }
  return {
    title,
    ...content,
    ...(item.summary ? { summary: item.summary } : {}),
    ...(item.authors.length ? { authors: item.authors } : {}),
    ...(item.published ? { published: item.published } : {}),
    ...(item.updated ? { updated: item.updated } : {}),
    tags: uniqueTags([...item.tags, ...ctx.tags]),
    ...(item.language ? { language: item.language } : {}),
    ...(item.image ? { image: item.image } : {}),
    ...(item.enclosures.length ? { attachments: item.enclosures } : {}),
    ...(item.link ? { base_url: item.link } : {}),
  }
}

/** A refusal's reason from the schema's first complaints, naming the fields. */
function reasonOf(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'item'} ${i.message}`)
    .join('; ')
}

/** The article an item becomes, or why it cannot be one. */
export async function makeArticle(item: ImportItem, ctx: ImportContext): Promise<Made> {
  const who = { guid: item.guid, ...(item.link ? { link: item.link } : {}) }
  const title = titleOf(item)
  if (!title) return { ok: false, refused: { ...who, reason: 'the item has no title and no text' } }
  const refused = (reason: string): Made => ({ ok: false, refused: { ...who, title, reason } })
  if (item.published && toMillis(item.published) > ctx.now + 60_000) {
    return refused(
      `published ${item.published} is in the future: an import brings what is already out`,
    )
  }
  const parsed = ArticleInput.safeParse(cleanDeep(inputOf(item, ctx, title)))
  if (!parsed.success) return refused(reasonOf(parsed.error.issues))
  const input = { ...parsed.data, guid: item.guid }
  let draft: Draft
  try {
    draft = buildDraft(input, { timeZone: ctx.timeZone, defaultLanguage: ctx.defaultLanguage })
  } catch (error) {
    if (error instanceof Error && /FieldRefusal|ContentTooLarge/.test(error.name)) {
      return refused(error.message)
    }
    throw error
  }
  const published = draft.published ?? ''
  const id = await deriveId(input.title, published, item.guid)
  return { ok: true, id, draft }
}

/** The path an old permalink has on this site, to redirect; undefined for the home page. */
export function redirectPath(link: string | undefined): string | undefined {
  if (!link) return undefined
  const { pathname } = new URL(link)
  const long = new TextEncoder().encode(pathname).length > REDIRECT_PATH_MAX_BYTES
  if (pathname === '/' || pathname.startsWith('/api/') || long) return undefined
  return pathname
}
