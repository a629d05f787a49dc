// The storage floor: a Worker that makes exactly the storage operations an edgefeed publish
// makes, through edgefeed's own store modules, and nothing else (no routing, no validation, no
// Markdown or sanitising, no script conversion). The benchmark loads it like the publish, so
// the publish's figures can be read against what its KV and Cache API operations alone cost
// on the same runtime in the same run.
import type { Article } from '../src/articles/model'
import type { Timestamp } from '../src/time'
import { getStored, putArticle } from '../src/store/articles'
import { recordChange } from '../src/routes/announce'

interface Env {
  ARTICLES: KVNamespace
}

interface Posted {
  title: string
  content_text: string
  published: Timestamp
  tags: string[]
}

/**
 * An article as edgefeed stores one built from this input: the text, its HTML, and the HTML
 * in the other script, so the value KV stores is as large as a real publish's.
 */
function articleFrom(input: Posted): Article {
  const html = input.content_text
  return {
    id: crypto.randomUUID(),
    title: input.title,
    summary: input.title,
    content_html: html,
    content_text: input.content_text,
    authors: [],
    published: input.published,
    updated: input.published,
    tags: input.tags,
    language: 'zh-Hant',
    publisher: 'admin',
    variants: {
      'zh-Hans': { title: input.title, summary: input.title, content_html: html, tags: input.tags },
    },
  }
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    if (request.method !== 'POST') return new Response('POST an article to store it\n')
    const article = articleFrom(await request.json<Posted>())
    const stored = await getStored(env.ARTICLES, article.id)
    await putArticle(env.ARTICLES, article, stored)
    await recordChange(env.ARTICLES, new URL(request.url).origin, (writing) =>
      ctx.waitUntil(writing),
    )
    return Response.json({ id: article.id }, { status: 201 })
  },
}
