// Times the write path on pathological inputs inside workerd: the JSON body read, decoded,
// cleaned and validated by the API's own code (readArticle), then the article built (Markdown
// rendered, HTML sanitised, text, summary, language, variants). Everything a publish computes
// before it touches KV; `npm run bench:inputs` drives it.
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { buildArticle } from '../src/articles/build'
import { loadConfig } from '../src/config'
import type { AppEnv } from '../src/env'
import { readArticle } from '../src/http/body'
import { problemFrom } from '../src/http/problem'
import {
  IMPORT_HTML_SHAPES,
  IMPORT_SHAPES,
  htmlShapeText,
  shapeText,
} from '../src/articles/import/shapes'
import { SHAPES, shapeBody } from './shapes.mjs'

const config = loadConfig({
  SITE_URL: 'https://news.example.org',
  SITE_TIMEZONE: 'Asia/Taipei',
  SITE_LANGUAGE: 'en',
})

const app = new Hono<AppEnv>()
app.use(async (c, next) => {
  c.set('config', config)
  await next()
})
app.post('/write', async (c) => {
  const { input } = await readArticle(c)
  const article = buildArticle(input, {
    id: 'bench',
    publisher: 'bench',
    now: Date.UTC(2024, 0, 1),
    timeZone: config.timeZone,
    defaultLanguage: config.language,
  })
  return c.json({ stored: JSON.stringify(article).length })
})
// Refusals are answered as the API answers them: a model refusal is a 400 problem.
app.onError((err) => {
  const problem = problemFrom(err)
  if (problem) return problem.getResponse()
  return err instanceof HTTPException
    ? err.getResponse()
    : new Response(String(err), { status: 500 })
})

/**
 * Pasted pages go through the text import (`POST` as text/plain): `text-import:` and the name
 * of one of the import's own pathological shapes (src/articles/import/shapes.ts).
 */
const TEXT_IMPORT = 'text-import:'
/** Pages pasted as HTML (`POST` as text/html). */
const HTML_IMPORT = 'html-import:'

/** The request body of `shape` at about `bytes` bytes, and its media type. */
function requestOf(shape: string, bytes: number): { type: string; body: string } {
  if (shape.startsWith(HTML_IMPORT)) {
    return {
      type: 'text/html; charset=utf-8',
      body: htmlShapeText(shape.slice(HTML_IMPORT.length), bytes),
    }
  }
  if (shape.startsWith(TEXT_IMPORT)) {
    return {
      type: 'text/plain; charset=utf-8',
      body: shapeText(shape.slice(TEXT_IMPORT.length), bytes),
    }
  }
  return { type: 'application/json', body: shapeBody(shape, bytes) }
}

/** Every shape's name: the JSON bodies, then the imports'. */
const NAMES = [
  ...Object.keys(SHAPES),
  ...Object.keys(IMPORT_SHAPES).map((name) => TEXT_IMPORT + name),
  ...Object.keys(IMPORT_HTML_SHAPES).map((name) => HTML_IMPORT + name),
]

/** One publish's work on `body`: the status and the time it took, in milliseconds. */
async function write({ type, body }: { type: string; body: string }) {
  const start = performance.now()
  const res = await app.request('/write', {
    method: 'POST',
    headers: { 'Content-Type': type },
    body,
  })
  const answer = await res.text()
  return { ms: performance.now() - start, status: res.status, answer }
}

export default {
  async fetch(request: Request) {
    const url = new URL(request.url)
    if (url.pathname === '/shapes') return Response.json(NAMES)
    const shape = url.searchParams.get('shape') ?? 'plain-text'
    const bytes = Number(url.searchParams.get('bytes') ?? 1024 * 1024)
    const iterations = Number(url.searchParams.get('iterations') ?? 5)
    const body = requestOf(shape, bytes)
    const times: number[] = []
    let last = { status: 0, answer: '' }
    for (let i = 0; i < iterations; i++) {
      const { ms, ...rest } = await write(body)
      times.push(ms)
      last = rest
    }
    const sorted = [...times].sort((a, b) => a - b)
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0
    // What a refusal said, so the benchmark shows that a shape was refused and why.
    const refusal = last.status === 200 ? undefined : last.answer.slice(0, 300)
    return Response.json({
      shape,
      bodyBytes: new TextEncoder().encode(body.body).length,
      status: last.status,
      refusal,
      medianMs: median,
      times,
    })
  },
}
