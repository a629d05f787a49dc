/**
 * Archive imports end to end: the API starts a Workflow that walks another site's archive
 * (served by the outbound fixture host) and writes it through the coordinator.
 */
import { reset } from 'cloudflare:test'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { story } from '../support/archives'
import { oldSite, readImport, runEnds, startImport, watchImports } from '../support/imports'
import { client, readFeeds, storeSnapshot } from '../helpers'
import type { WorkflowIntrospector } from 'cloudflare:test'

let watcher: WorkflowIntrospector

beforeEach(async () => {
  await reset()
  watcher = await watchImports()
})
afterEach(() => watcher.dispose())

/** Every item id of a feed, following its next links. */
async function allJsonIds(path: string): Promise<string[]> {
  const ids: string[] = []
  let next: string | undefined = `${path}?limit=100`
  for (let pages = 0; next && pages < 100; pages++) {
    const res = await client(null).get(next.replace('https://news.example.org', ''))
    expect(res.status).toBe(200)
    const doc = await res.json<{ items: { id: string }[]; next_url?: string }>()
    ids.push(...doc.items.map((i) => i.id))
    next = doc.next_url
  }
  return ids
}

describe('importing a feed archive', () => {
  it('walks an RSS archive over RFC 5005 pages, keeping ids, and a second run imports nothing', async () => {
    const source = `${oldSite('rss')}/feed.xml`
    const id = await startImport({ source, tags: ['moved'] })
    expect((await readImport(id)).state).toMatch(/queued|running/)
    await runEnds(watcher)
    const report = await readImport(id)
    expect(report).toMatchObject({
      state: 'done',
      end: 'complete',
      counts: { found: 250, imported: 250, skipped: 0, refused: 0 },
      position: { pages_read: 5 },
      refused: [],
    })
    expect(Date.parse(report.started)).toBeLessThanOrEqual(Date.parse(report.finished))
    const ids = await allJsonIds('/feed.json')
    expect(ids).toHaveLength(250)
    expect(new Set(ids)).toEqual(new Set(Array.from({ length: 250 }, (_, i) => story(i + 1).guid)))

    const again = await startImport({ source })
    await runEnds(watcher)
    expect((await readImport(again)).counts).toEqual({
      found: 250,
      imported: 0,
      skipped: 250,
      refused: 0,
    })
  })

  it('walks a paged Atom feed by rel="next" and a JSON Feed by next_url', async () => {
    const atom = await startImport({ source: `${oldSite('atom')}/atom.xml` })
    await runEnds(watcher)
    expect(await readImport(atom)).toMatchObject({
      state: 'done',
      counts: { found: 60, imported: 60 },
    })
    const json = await startImport({ source: `${oldSite('json')}/feed.json` })
    await runEnds(watcher)
    // Stories 1 to 45 of the JSON Feed are stories the Atom feed brought already.
    expect(await readImport(json)).toMatchObject({
      state: 'done',
      counts: { found: 45, imported: 0, skipped: 45 },
      position: { pages_read: 3 },
    })
    const feeds = await readFeeds(client(), '', '?limit=100')
    const s = story(60)
    expect(feeds.json.find((i) => i.id === s.guid)).toMatchObject({
      date_published: s.rfc3339,
      authors: [{ name: s.author }],
      tags: [s.category],
      attachments: [
        { url: 'http://old.test:8080/audio/60.mp3', mime_type: 'audio/mpeg', size_in_bytes: 1060 },
      ],
      url: expect.stringMatching(/^https:\/\/news\.example\.org\/articles\//),
    })
  })

  it('stops at a loop in the archive, saying so', async () => {
    const id = await startImport({ source: `${oldSite('loop')}/feed.xml` })
    await runEnds(watcher)
    expect(await readImport(id)).toMatchObject({
      state: 'done',
      end: 'loop',
      counts: { imported: 20 },
    })
  })

  it('imports only what since and until take', async () => {
    const s = [story(100), story(150)]
    const id = await startImport({
      source: `${oldSite('rss')}/feed.xml`,
      since: s[0]!.rfc3339,
      until: s[1]!.rfc3339,
    })
    await runEnds(watcher)
    const report = await readImport(id)
    expect(report.counts.found).toBe(250)
    expect(report.counts.imported).toBeGreaterThan(0)
    expect(report.counts.imported + report.counts.skipped).toBe(250)
    const ids = await allJsonIds('/feed.json')
    expect(ids).toContain(s[0]!.guid)
    expect(ids).not.toContain(s[1]!.guid)
  })
})

describe('failures', () => {
  it('rides out a few failed pages with retries, importing each item once', async () => {
    const id = await startImport({ source: `${oldSite('rss', `r~fail3x2`)}/feed.xml` })
    await runEnds(watcher)
    expect((await readImport(id)).counts).toEqual({
      found: 250,
      imported: 250,
      skipped: 0,
      refused: 0,
    })
    const ids = await allJsonIds('/feed.json')
    expect(ids).toHaveLength(250)
    expect(new Set(ids).size).toBe(250)
  })

  it('fails after its retries when the source stays down, and resumes where it stopped', async () => {
    // Requests 3 to 12 fail: the first two pages are in, the third fails six times.
    const id = await startImport({ source: `${oldSite('rss', `s~fail3x10`)}/feed.xml` })
    await runEnds(watcher, 'errored')
    const failed = await readImport(id)
    expect(failed).toMatchObject({ state: 'failed', counts: { imported: 100 } })
    expect(failed.error).toContain('answered 500')
    const res = await client().json('POST', `/api/imports/${id}/resume`)
    expect(res.status).toBe(202)
    await runEnds(watcher, 'complete', 2)
    expect(await readImport(id)).toMatchObject({
      state: 'done',
      counts: { found: 250, imported: 250, skipped: 0, refused: 0 },
    })
    const ids = await allJsonIds('/feed.json')
    expect(ids).toHaveLength(250)
    expect(new Set(ids).size).toBe(250)
  })

  it('never follows a redirect to a private address', async () => {
    const id = await startImport({ source: `${oldSite('private')}/feed.xml` })
    await runEnds(watcher, 'errored')
    const report = await readImport(id)
    expect(report.state).toBe('failed')
    expect(report.error).toContain('127.0.0.1 is a loopback address')
  })
})

describe('dry run', () => {
  it('reports what it would import and writes nothing', async () => {
    const before = await storeSnapshot()
    const id = await startImport({ source: `${oldSite('rss')}/feed.xml`, dry_run: true })
    await runEnds(watcher)
    expect(await readImport(id)).toMatchObject({
      state: 'done',
      dry_run: true,
      counts: { found: 250, imported: 250 },
    })
    const after = await storeSnapshot()
    expect(after.kv).toEqual(before.kv)
    // The job's own report is all the coordinator keeps of a dry run.
    const { imports: _a, ...rest } = after.desk
    const { imports: _b, ...was } = before.desk
    expect(rest).toEqual(was)
    expect(after.desk.imports).toHaveLength(1)
  })
})
