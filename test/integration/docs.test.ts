/// <reference types="vite/client" />
/**
 * What the README and docs/ quote exists: every `npm` command is a script in package.json,
 * every file and link points at a file in the repository, and every path the app is said to
 * answer is answered (not 404) by the Worker, with the examples' own ids and tags published.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import readme from '../../README.md?raw'
import pkg from '../../package.json'
import { ArticleInput } from '../../src/articles/schema'
import { PDF } from '../support/media'
import { ADMIN_TOKEN, SITE, desk, settleDesk, workerFetch } from '../helpers'
import { job } from '../support/imports'

/** A glob's key (relative to this file) as a path in the repository. */
function inRepo(key: string): string {
  return new URL(key, 'https://repo/test/integration/').pathname.slice(1)
}

const pages: Record<string, string> = {
  'README.md': readme,
  ...Object.fromEntries(
    Object.entries(
      import.meta.glob<string>('../../docs/*.md', {
        query: '?raw',
        import: 'default',
        eager: true,
      }),
    ).map(([path, text]) => [inRepo(path), text]),
  ),
}

/** Every file in the repository that a page may name (lazy globs: nothing is loaded). */
const files = new Set(
  Object.keys(
    import.meta.glob([
      '../../{src,test,scripts,bench,docs}/**/*',
      '../../*.{json,toml,ts,mjs,md}',
      '../../.ci/*',
    ]),
  ).map(inRepo),
)

/** Inline code spans, and the lines of fenced code blocks. */
function quoted(text: string): { spans: string[]; lines: string[] } {
  const lines: string[] = []
  const prose = text.replace(/^```[^\n]*\n([\s\S]*?)^```/gm, (_, block: string) => {
    lines.push(...block.split('\n'))
    return ''
  })
  const spans = [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!)
  return { spans, lines }
}

const all = Object.entries(pages).map(([page, text]) => ({ page, ...quoted(text) }))

/** A quoted request: method, and path with the examples' placeholders filled in. */
interface Quoted {
  page: string
  method: string
  path: string
}

/** The SHA-256 of test/support/media.ts's PDF, which the examples upload: docs/media.md's file. */
const EXAMPLE_FILE = '7e9b44185d6f24390eb1dd5aef4a4143363873f1e0d3479c3dd1b1e0ebf211a5'

const PLACEHOLDERS: Record<string, string> = {
  '{id}': 'hello-world',
  $ID: 'hello-world',
  '{tag}': 'news',
  '{slug}': 'jane-doe',
  '{name}': 'city-desk',
  '{sha256}': EXAMPLE_FILE,
  '3f5a…': EXAMPLE_FILE,
  '{width}': '320',
}

function request(page: string, method: string, raw: string): Quoted {
  let path = raw.replace(/\/\.\.\.$/, '/').split(/[?#]/)[0]!
  for (const [k, v] of Object.entries(PLACEHOLDERS)) path = path.replaceAll(k, v)
  return { page, method, path }
}

/** JSON Pointers into a request (`/published`, `/limit`) look like paths; they are not. */
const POINTERS = new Set([...Object.keys(ArticleInput.shape), 'limit', 'cursor', 'colour'])
const isPointer = (path: string) => POINTERS.has(path.slice(1))

/** Paths quoted in prose (`/feed.xml`, `GET /api/status`) and URLs in curl commands. */
function requests(): Quoted[] {
  const found: Quoted[] = []
  for (const { page, spans, lines } of all) {
    for (const span of spans) {
      const m = /^(?:(GET|POST|PUT|DELETE) )?(\/[^\s,]*)$/.exec(span)
      if (m && !isPointer(m[2]!)) found.push(request(page, m[1] ?? 'GET', m[2]!))
      // `/feed.xml`, `/atom.xml`, `/feed.json` in one span is three paths
      else if (/^\/\S+(, \/\S+)+$/.test(span)) {
        for (const path of span.split(', ')) found.push(request(page, 'GET', path))
      }
    }
    for (const line of lines.filter((l) => /^\s*curl /.test(l))) {
      const method = /-X (\w+)/.exec(line)?.[1] ?? (/ -d /.test(line) ? 'POST' : 'GET')
      const url =
        /"?\$[EP](\/[^\s"']*)/.exec(line) ?? /http:\/\/127\.0\.0\.1:8787(\/[^\s"']*)/.exec(line)
      if (url) found.push(request(page, method, url[1]!))
    }
  }
  const seen = new Set<string>()
  return found.filter((q) => {
    const key = `${q.method} ${q.path}`
    return !seen.has(key) && seen.add(key)
  })
}

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` }
const send = (method: string, path: string, init: RequestInit = {}) =>
  workerFetch(new Request(SITE + path, { method, ...init }))

/** The upload in parts the examples start, for the paths that name it (`$U`). */
let exampleUpload = ''

/** The examples' articles: every id the pages link to, tagged with the tags they quote. */
async function publishExamples(quotedRequests: Quoted[]) {
  const ids = new Set(['hello-world'])
  for (const { path } of quotedRequests) {
    const id = /^\/(?:api\/)?articles\/([a-z0-9._-]+)/.exec(path)?.[1]
    if (id) ids.add(id)
  }
  for (const id of ids) await putArticle(id)
  await send('POST', '/api/publishers', {
    headers: { ...admin, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'city-desk' }),
  })
  const file = await send('POST', '/api/media', {
    headers: { ...admin, 'Content-Type': 'application/pdf' },
    body: PDF,
  })
  expect(await file.json()).toMatchObject({ key: EXAMPLE_FILE })
  // docs/media.md's upload in parts, $U.
  const started = await send('POST', '/api/media/uploads', { headers: admin })
  exampleUpload = (await started.json<{ upload: string }>()).upload
  // An import for the quoted import calls (no Workflow runs it until it is resumed).
  await desk().createImport(job('hello-world', true))
  await settleDesk()
}

async function putArticle(id: string) {
  const res = await send('PUT', `/api/articles/${id}`, {
    headers: { ...admin, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      title: `Example ${id}`,
      content_text: 'x',
      tags: ['news', '經開區'],
      authors: [{ name: 'Jane Doe' }, { name: '王小明' }, { name: '王曉明' }],
    }),
  })
  expect(res.status, `PUT ${id}`).toBeLessThan(300)
}

describe('what the README and docs/ quote', () => {
  const quotedRequests = requests()

  beforeAll(() => publishExamples(quotedRequests))

  it('quotes the pages it is checked against', () => {
    expect(Object.keys(pages).sort()).toEqual(
      expect.arrayContaining(['README.md', 'docs/api.md', 'docs/operations.md']),
    )
    expect(quotedRequests.length).toBeGreaterThan(30)
    expect(files.has('src/app.ts') && files.has('.ci/run')).toBe(true)
  })

  it('runs only npm scripts that exist', () => {
    const scripts = new Set(Object.keys(pkg.scripts))
    const commands = all.flatMap(({ page, spans, lines }) =>
      [...spans, ...lines].flatMap((text) =>
        [...text.matchAll(/\bnpm (run [\w:-]+|[a-z]+)/g)].map((m) => ({ page, command: m[1]! })),
      ),
    )
    expect(commands.length).toBeGreaterThan(10)
    for (const { page, command } of commands) {
      const name = command.startsWith('run ') ? command.slice(4) : command
      const builtin = ['install', 'ci', 'exec'].includes(name)
      expect(builtin || scripts.has(name), `${page}: npm ${command}`).toBe(true)
    }
  })

  it('names files and links pages that exist', () => {
    const named = all.flatMap(({ page, spans }) =>
      spans
        .filter((s) => /^(?:src|test|scripts|bench|docs|\.ci)\/[\w./-]*\w$/.test(s))
        .map((file) => ({ page, file })),
    )
    const linked = Object.entries(pages).flatMap(([page, text]) =>
      [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
        .map((m) => m[1]!)
        .filter((target) => !/^[a-z]+:/.test(target))
        .map((target) => ({
          page,
          file: new URL(target, `https://repo/${page}`).pathname.slice(1),
        })),
    )
    expect(named.length + linked.length).toBeGreaterThan(30)
    for (const { page, file } of [...named, ...linked]) {
      const isFolder = [...files].some((f) => f.startsWith(file.replace(/\/?$/, '/')))
      expect(files.has(file) || isFolder, `${page}: ${file}`).toBe(true)
    }
  })

  it('quotes only paths the Worker answers', async () => {
    // Reads first, then writes: a quoted DELETE must not take away what a GET shows.
    const ordered = [...quotedRequests].sort(
      (a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'),
    )
    for (const { page, method, path } of ordered) {
      if (method === 'DELETE' && path.startsWith('/api/articles/')) {
        await putArticle(path.slice('/api/articles/'.length))
      }
      // A write with a media type no route takes: an existing route refuses it, nothing else.
      const init: RequestInit =
        method === 'GET'
          ? { headers: admin }
          : { headers: { ...admin, 'Content-Type': 'application/x-none' }, body: 'x' }
      const res = await send(method, path.replace('$U', exampleUpload), init)
      expect(res.status, `${page}: ${method} ${path}`).not.toBe(404)
      expect(res.status, `${page}: ${method} ${path}`).toBeLessThan(500)
    }
  })
})

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

describe('what the code sends readers to in docs/', () => {
  const code = Object.entries(
    import.meta.glob<string>(['../../{src,scripts,bench,test}/**/*.{ts,tsx,mjs}'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }),
  ).map(([path, text]) => ({ file: inRepo(path), text }))

  it('names pages, and sections of them, that exist', () => {
    const references = code.flatMap(({ file, text }) =>
      [...text.matchAll(/\bdocs\/([\w-]+\.md)(?:#([\w-]+))?/g)].map((m) => ({
        file,
        page: `docs/${m[1]!}`,
        section: m[2],
      })),
    )
    expect(references.length).toBeGreaterThan(5)
    for (const { file, page, section } of references) {
      expect(pages[page], `${file}: ${page}`).toBeDefined()
      if (section === undefined) continue
      const headings = [...pages[page]!.matchAll(/^#+ (.+)$/gm)].map((m) => anchor(m[1]!))
      expect(headings, `${file}: ${page}#${section}`).toContain(section)
    }
  })
})
