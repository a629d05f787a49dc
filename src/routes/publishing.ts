/**
 * Creating, replacing and deleting articles: the one path that the JSON API and Micropub
 * both take, so ids, ownership, conversion, tombstones and announcements never differ.
 * Refusals are problem responses; Micropub turns them into its own error format.
 */
import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { assertOwner } from '../auth'
import { buildArticle, defaultPublished, type BuildContext } from '../articles/build'
import { deriveId } from '../articles/ids'
import type { Article } from '../articles/model'
import type { ArticleInput } from '../articles/schema'
import { problem } from '../problem'
import { deleteArticle, getStored, putArticle, type Stored } from '../store/articles'
import type { Tombstone } from '../store/tombstones'
import { announce } from './announce'

function buildContext(
  c: Context<AppEnv>,
  id: string,
  now: number,
  previous?: Article,
): BuildContext {
  const { config, principal } = c.var
  return {
    id,
    publisher: principal.name,
    defaultAuthor: principal.defaultAuthor,
    now,
    timeZone: config.timeZone,
    defaultLanguage: config.language,
    previous,
  }
}

/** Publishes a new article under `id`, or an id derived from it; 409 if the id is taken. */
export async function createArticle(
  c: Context<AppEnv>,
  input: ArticleInput,
  id = input.id,
): Promise<Article> {
  const now = Date.now()
  const content = input.content_html ?? input.content_markdown ?? input.content_text
  const chosen =
    id ??
    (await deriveId(input.title, defaultPublished(input, now, c.var.config.timeZone), content))
  // One read answers both "is the id taken?" and "was it deleted?" (its tombstone goes).
  const stored = await getStored(c.var.kv, chosen)
  if (stored.article) {
    throw problem(409, {
      title: 'Conflict',
      detail: `An article with the id "${chosen}" exists. Replace it with PUT /api/articles/${chosen}.`,
    })
  }
  const article = buildArticle(input, buildContext(c, chosen, now))
  await putArticle(c.var.kv, article, stored)
  await announce(c, article)
  return article
}

/**
 * Creates or replaces the article `id` (403 when another publisher owns it). Sending the same
 * article again writes nothing. `stored` is what the caller read under the id (`getStored`).
 */
export async function replaceArticle(
  c: Context<AppEnv>,
  id: string,
  input: ArticleInput,
  stored: Stored,
): Promise<Article> {
  const previous = stored.article
  if (previous) assertOwner(c.var.principal, previous.publisher, id)
  const article = buildArticle(input, buildContext(c, id, Date.now(), previous))
  // buildArticle hands back `previous` itself when nothing changed.
  if (article !== previous) {
    await putArticle(c.var.kv, article, stored)
    await announce(c, article, previous)
  }
  return article
}

/** Deletes an article, leaving its tombstone (403 when another publisher owns it). */
export async function removeArticle(c: Context<AppEnv>, article: Article): Promise<void> {
  assertOwner(c.var.principal, article.publisher, article.id)
  await deleteArticle(c.var.kv, article, c.var.config.tombstoneSeconds)
  await announce(c, article)
}

/** Puts a deleted article back from its tombstone (403 when another publisher owns it). */
export async function restoreArticle(c: Context<AppEnv>, tombstone: Tombstone): Promise<void> {
  const { article } = tombstone
  assertOwner(c.var.principal, article.publisher, article.id)
  await putArticle(c.var.kv, article, { tombstone })
  await announce(c, article)
}
