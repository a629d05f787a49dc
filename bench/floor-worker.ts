// The storage floor: a Worker that makes exactly the storage operations an edgefeed publish
// makes before it answers, through edgefeed's own modules, and nothing else: an RPC to a
// Durable Object, which stores the record in SQLite and writes the article and its index
// keys to KV. No routing, validation, Markdown, sanitising, script conversion or write rules.
// `GET /feed` is the read floor: the KV reads of a feed's cache miss, without rendering;
// `PUT /r2` the upload floor: a bare R2 put of the request's body.
// The benchmark loads it like the publish, so the publish's figures can be read against what
// its storage alone costs on the same runtime in the same run.
import { DurableObject } from 'cloudflare:workers'
import type { Article } from '../src/articles/model'
import { Records, type ArticleRecord } from '../src/desk/records'
import { migrate } from '../src/desk/schema'
import { syncRecord } from '../src/desk/kv-sync'
import { readArticles } from '../src/store/articles'
import { toMillis, type Timestamp } from '../src/time'

interface Env {
  ARTICLES: KVNamespace
  MEDIA: R2Bucket
  FLOOR: DurableObjectNamespace<FloorDesk>
}

interface Posted {
  title: string
  content_text: string
  published: Timestamp
  tags: string[]
}

/**
 * An article as edgefeed stores one built from this input: the text, its HTML, and the HTML
 * in the other script, so the values stored are as large as a real publish's.
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

export class FloorDesk extends DurableObject<Env> {
  private readonly records: Records

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env)
    migrate(ctx.storage.sql)
    this.records = new Records(ctx.storage.sql)
  }

  async store(article: Article): Promise<void> {
    const record: ArticleRecord = {
      id: article.id,
      state: 'live',
      owner: 'admin',
      article,
      publishedMs: toMillis(article.published),
      revision: 1,
      kvKeys: [],
      kvRevision: 0,
      changedMs: Date.now(),
    }
    this.ctx.storage.transactionSync(() => {
      this.records.save(record)
      this.ctx.storage.sql.exec(
        'INSERT INTO changes (id, revision, tags, topics) VALUES (?, 1, ?, ?)',
        article.id,
        '[]',
        '[]',
      )
    })
    await syncRecord(this.env.ARTICLES, this.records, record, Date.now())
  }
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    // The read floor: what a cache miss of a feed page reads, one list() and one bulk get().
    if (request.method === 'GET' && new URL(request.url).pathname === '/feed') {
      const page = await readArticles(env.ARTICLES, { limit: 50, cacheTag: 'all' })
      return new Response(`${page.items.length} articles\n`)
    }
    // The upload floor: the request's bytes put in R2 as they come, nothing checked or hashed.
    if (request.method === 'PUT' && new URL(request.url).pathname === '/r2') {
      await env.MEDIA.put(crypto.randomUUID(), request.body)
      return new Response(null, { status: 201 })
    }
    if (request.method !== 'POST') return new Response('POST an article to store it\n')
    const article = articleFrom(await request.json<Posted>())
    await env.FLOOR.getByName('site').store(article)
    return Response.json({ id: article.id }, { status: 201 })
  },
}
