/**
 * Archive imports: a WordPress export read from R2 in byte ranges, a thousand items that every
 * listing, tag feed and sitemap holds once, and the refusals and controls of the API.
 */
import { reset, type WorkflowIntrospector } from 'cloudflare:test'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { wordpressExport, wxrGuid } from '../support/archives'
import {
  oldSite,
  readImport,
  runEnds,
  startImport,
  uploadExport,
  watchImports,
} from '../support/imports'
import { issuePublisher } from '../support/writers'
import { client, parseXml, SITE, storeSnapshot } from '../helpers'

let watcher: WorkflowIntrospector

beforeEach(async () => {
  await reset()
  watcher = await watchImports()
})
afterEach(() => watcher.dispose())

/** Every item of a JSON Feed listing, following next_url. */
async function listing(path: string): Promise<{ id: string; url: string }[]> {
  const items: { id: string; url: string }[] = []
  let next: string | undefined = `${SITE}${path}?limit=100`
  for (let pages = 0; next && pages < 100; pages++) {
    const res = await client(null).get(next.slice(SITE.length))
    expect(res.status, next).toBe(200)
    const doc = await res.json<{ items: { id: string; url: string }[]; next_url?: string }>()
    items.push(...doc.items)
    next = doc.next_url
  }
  return items
}

describe('a WordPress export', () => {
  it('imports published posts and pages from R2, with authors, dates and redirects', async () => {
    const xml = wordpressExport(6)
    const wxr = await uploadExport(xml)
    const id = await startImport({ wxr })
    await runEnds(watcher)
    const report = await readImport(id)
    expect(report).toMatchObject({
      state: 'done',
      wxr,
      counts: { found: 7, imported: 7, skipped: 0, refused: 0 },
      position: { byte_offset: new TextEncoder().encode(xml).length },
    })
    const items = await listing('/feed.json')
    expect(items.map((i) => i.id).sort()).toEqual([1, 2, 3, 4, 5, 6, 500].map(wxrGuid).sort())
    const chinese = await (
      await client(null).get(new URL(items.find((i) => i.id === wxrGuid(2))!.url).pathname)
    ).text()
    expect(chinese).toContain('李小華')
    expect(chinese).toContain('2017-03-02T10:20:30+08:00')
    const moved = await client(null).get('/harbour-phase-2/')
    expect(moved.status).toBe(301)
    expect(moved.headers.get('Location')).toBe(items.find((i) => i.id === wxrGuid(2))!.url)
  })
})

describe('a thousand items', () => {
  it('leave every listing, tag feed and sitemap holding each exactly once', async () => {
    const id = await startImport({ source: `${oldSite('big')}/feed.xml`, tags: ['moved'] })
    await runEnds(watcher)
    expect((await readImport(id)).counts).toEqual({
      found: 1000,
      imported: 1000,
      skipped: 0,
      refused: 0,
    })
    const once = (ids: string[], expected: number) => {
      expect(ids).toHaveLength(expected)
      expect(new Set(ids).size).toBe(expected)
    }
    const all = await listing('/feed.json')
    once(
      all.map((i) => i.id),
      1000,
    )
    once(
      (await listing('/tags/moved/feed.json')).map((i) => i.id),
      1000,
    )
    // Each story has one of three categories.
    const categories = await Promise.all(
      ['Politics', 'City', '市政'].map((t) => listing(`/tags/${encodeURIComponent(t)}/feed.json`)),
    )
    once(
      categories.flat().map((i) => i.id),
      1000,
    )
    const index = parseXml(await (await client(null).get('/sitemap.xml')).text())
    const files = [index.sitemapindex.sitemap].flat().map((s: { loc: string }) => s.loc)
    const locs: string[] = []
    for (const file of files.filter((f: string) => /\/sitemaps\/\d+\.xml$/.test(f))) {
      const map = parseXml(await (await client(null).get(new URL(file).pathname)).text())
      locs.push(...[map.urlset.url].flat().map((u: { loc: string }) => u.loc))
    }
    const pages = new Set(all.map((i) => i.url))
    once(
      locs.filter((l) => pages.has(l)),
      1000,
    )
  })
})

describe('the API', () => {
  it('refuses what it cannot import, naming the field, and stores nothing', async () => {
    const before = await storeSnapshot()
    const c = client()
    const cases: [Record<string, unknown>, number, string][] = [
      [{}, 400, '/source'],
      [
        { source: `${oldSite('rss')}/feed.xml`, wxr: `${SITE}/media/${'0'.repeat(64)}` },
        400,
        '/wxr',
      ],
      [{ source: 'http://127.0.0.1/feed.xml' }, 400, '/source'],
      [{ source: 'http://[::1]/feed.xml' }, 400, '/source'],
      [{ source: 'http://169.254.169.254/latest/' }, 400, '/source'],
      [{ source: 'http://10.1.2.3/feed.xml' }, 400, '/source'],
      [{ source: 'ftp://old.test/feed.xml' }, 400, '/source'],
      [{ wxr: 'https://elsewhere.example/export.xml' }, 400, '/wxr'],
      [{ wxr: `${SITE}/media/${'a'.repeat(64)}` }, 400, '/wxr'],
      [{ source: `${oldSite('rss')}/feed.xml`, since: 'yesterday' }, 400, '/since'],
      [
        {
          source: `${oldSite('rss')}/feed.xml`,
          since: '2020-01-02T00:00:00Z',
          until: '2020-01-01T00:00:00Z',
        },
        400,
        '/until',
      ],
      [{ source: `${oldSite('rss')}/feed.xml`, publisher: 'nobody' }, 400, '/publisher'],
      [{ source: `${oldSite('rss')}/feed.xml`, rehost: true }, 400, '/rehost'],
      [{ source: `${oldSite('rss')}/feed.xml`, rehost_images: 'yes' }, 400, '/rehost_images'],
    ]
    for (const [body, status, pointer] of cases) {
      const res = await c.json('POST', '/api/imports', body)
      expect(res.status, JSON.stringify(body)).toBe(status)
      expect(res.headers.get('Content-Type')).toContain('application/problem+json')
      const problem = await res.json<{ errors: { pointer: string }[] }>()
      expect(
        problem.errors.map((e) => e.pointer),
        JSON.stringify(body),
      ).toContain(pointer)
    }
    expect(await storeSnapshot()).toEqual(before)
    expect(await watcher.get()).toHaveLength(0)
  })

  it('lets a publisher import for itself only, and see only its own imports', async () => {
    const alice = await issuePublisher('alice')
    const bob = await issuePublisher('bob')
    const forbidden = await client(alice.token).json('POST', '/api/imports', {
      source: `${oldSite('atom')}/atom.xml`,
      publisher: 'bob',
    })
    expect(forbidden.status).toBe(403)
    const issued = await client().json('POST', '/api/publishers', {
      name: 'editor',
      scopes: ['update'],
    })
    const editor = (await issued.json<{ token: string }>()).token
    const unscoped = await client(editor).json('POST', '/api/imports', {
      source: `${oldSite('atom')}/atom.xml`,
    })
    expect(unscoped.status).toBe(403)
    expect(unscoped.headers.get('WWW-Authenticate')).toContain('insufficient_scope')
    const id = await startImport({ source: `${oldSite('atom')}/atom.xml` }, alice.token)
    await runEnds(watcher)
    expect(await readImport(id, alice.token)).toMatchObject({ state: 'done', publisher: 'alice' })
    expect((await client(bob.token).api(`/api/imports/${id}`)).status).toBe(404)
    const article = (await (await client(alice.token).api('/api/articles?limit=1')).json<any>())
      .items[0]
    expect(article.publisher).toBe('alice')
  })

  it('pauses, resumes from where it stood, and cancels', async () => {
    const id = await startImport({ source: `${oldSite('rss')}/feed.xml` })
    const paused = await client().json('POST', `/api/imports/${id}/pause`)
    expect(paused.status).toBe(200)
    expect((await paused.json<any>()).state).toBe('paused')
    await runEnds(watcher)
    const stopped = await readImport(id)
    expect(stopped.state).toBe('paused')
    expect(stopped.counts.imported).toBeLessThan(250)
    expect((await client().json('POST', `/api/imports/${id}/resume`)).status).toBe(202)
    await runEnds(watcher, 'complete', 2)
    expect(await readImport(id)).toMatchObject({
      state: 'done',
      counts: { imported: 250, skipped: 0 },
    })
    expect((await client().json('DELETE', `/api/imports/${id}`)).status).toBe(409)

    const other = await startImport({ source: `${oldSite('atom')}/atom.xml` })
    const cancelled = await client().json('DELETE', `/api/imports/${other}`)
    expect(cancelled.status).toBe(200)
    expect((await readImport(other)).state).toBe('cancelled')
    expect((await client().json('POST', `/api/imports/${other}/resume`)).status).toBe(409)
  })
})
