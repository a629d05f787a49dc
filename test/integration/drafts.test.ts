/**
 * Drafts: saved unpublished, a draft is its publisher's and the admin's alone. Readers find
 * it on no surface (feeds, pages, tag and author listings, sitemaps, the OPML), hubs hear
 * nothing and nothing is purged; another publisher gets 404 for it, as for no article at all.
 * Publishing it pings and purges once, as a publish does.
 */
import { env } from 'cloudflare:workers'
import { reset, runInDurableObject } from 'cloudflare:test'
import { Desk } from '../../src/desk/desk'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  ADMIN_TOKEN,
  client,
  deskSnapshot,
  desk,
  kvSnapshot,
  readFeeds,
  settleDesk,
  sitemapIds,
  storeSnapshot,
} from '../helpers'
import { onPurgeLine } from '../support/purge-log'

afterEach(() => reset())

const ID = 'draft-story'
const SECRET = 'DRAFT-SECRET-9Z'
const TAG = 'draft-only-tag'
const AUTHOR = 'Draft Only Author'
const HUB = 'http://hub.test/websub'

const story = (extra: Record<string, unknown> = {}) => ({
  title: `${SECRET} 草稿`,
  content_text: `${SECRET} 經開區昨日舉辦創新論壇。`,
  tags: [TAG],
  authors: [{ name: AUTHOR }],
  ...extra,
})

let owner: ReturnType<typeof client>
let other: ReturnType<typeof client>
let ownerToken: string

async function publisher(name: string) {
  const res = await client().json('POST', '/api/publishers', { name })
  expect(res.status).toBe(201)
  return (await res.json<{ token: string }>()).token
}

/** A Micropub request of the owner's, form-encoded. */
const micropub = (body: string) =>
  owner.fetch('/micropub', {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${ownerToken}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body,
  })

/** Hubs to ping, as WEBSUB_HUBS would name them. */
async function withHubs(hubs: string) {
  await runInDurableObject(desk(), (instance) => {
    const object = instance as unknown as { env: Env }
    object.env = { ...object.env, WEBSUB_HUBS: hubs }
  })
}

beforeEach(async () => {
  ownerToken = await publisher('owner-desk')
  owner = client(ownerToken)
  other = client(await publisher('other-desk'))
  // Something public beside it, so that every listing exists and has an item.
  const res = await owner.post({ id: 'public-story', title: 'Public', content_text: 'Out.' })
  expect(res.status).toBe(201)
  await settleDesk()
})

async function saveDraft() {
  const res = await owner.put(ID, story({ state: 'draft' }))
  expect(res.status).toBe(201)
  expect(await res.json()).toMatchObject({ id: ID, state: 'draft' })
  await settleDesk()
}

/** Every public surface, read with no token: none may hold the draft. */
async function publicSurfaces(): Promise<Record<string, string>> {
  const reader = client(null)
  const paths = [
    '/',
    '/feeds',
    '/feeds.opml',
    '/sitemap.xml',
    '/sitemaps/news.xml',
    `/tags/${TAG}`,
    `/tags/${TAG}/feed.xml`,
    `/authors/draft-only-author`,
    `/articles/public-story`,
  ]
  const out: Record<string, string> = {}
  for (const path of paths) out[path] = await (await reader.get(path)).text()
  const feeds = await readFeeds(reader)
  out.feeds = JSON.stringify([feeds.rss, feeds.atom, feeds.json])
  return out
}

describe('a draft', () => {
  it('is on no public surface, and its page answers 404', async () => {
    await saveDraft()
    for (const [surface, text] of Object.entries(await publicSurfaces())) {
      expect(text, surface).not.toContain(SECRET)
      expect(text, surface).not.toContain(TAG)
      expect(text, surface).not.toContain(ID)
    }
    const reader = client(null)
    expect((await reader.get(`/articles/${ID}`)).status).toBe(404)
    for (const path of [`/tags/${TAG}`, `/tags/${TAG}/atom.xml`, '/authors/draft-only-author']) {
      expect((await reader.get(path)).status, path).toBe(404)
    }
    expect(await sitemapIds(reader)).toEqual(['public-story'])
    // Never copied to KV, where readers' pages come from.
    expect(JSON.stringify(await kvSnapshot())).not.toContain(SECRET)
  })

  it('is read by its owner and the admin, and is absent (404) to another publisher', async () => {
    await saveDraft()
    for (const c of [owner, client(ADMIN_TOKEN)]) {
      const res = await c.api(`/api/articles/${ID}`)
      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({ state: 'draft', title: `${SECRET} 草稿` })
    }
    const res = await other.api(`/api/articles/${ID}`)
    expect(res.status).toBe(404)
    expect(await res.text()).not.toContain(SECRET)
    const listed = await (await other.api('/api/articles?limit=100')).json<any>()
    expect(listed.items.map((i: any) => i.id)).toEqual(['public-story'])
    // Its id stays reserved, and another publisher learns nothing of what holds it.
    const taken = await other.put(ID, { title: 'Mine', content_text: 'x' })
    expect(taken.status).toBe(409)
    expect(await taken.text()).not.toContain(SECRET)
    expect((await other.del(ID)).status).toBe(404)
  })

  it('is saved without a purge or a ping', async () => {
    await withHubs(HUB)
    const waiting = (await deskSnapshot()).purges
    const purged: string[][] = []
    const stop = onPurgeLine((line) => purged.push(line.purge.tags ?? []))
    try {
      await saveDraft()
      const saved = await owner.put(ID, story({ title: `${SECRET} again` }))
      expect(await saved.json()).toMatchObject({ state: 'draft', revision: 2 })
      await settleDesk()
    } finally {
      stop()
    }
    expect(purged).toEqual([])
    const tables = await deskSnapshot()
    expect([tables.changes, tables.pings]).toEqual([[], []])
    // Only the public story's second passes wait, as they did before.
    expect(tables.purges).toEqual(waiting)
  })
})

describe('publishing a draft', () => {
  it('makes it public on every surface, pinging and purging once', async () => {
    await saveDraft()
    await withHubs(HUB)
    const purged: string[][] = []
    const stop = onPurgeLine((line) => purged.push(line.purge.tags ?? []))
    try {
      const res = await owner.put(ID, story({ state: 'published' }))
      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({ state: 'published', revision: 2 })
      await settleDesk()
    } finally {
      stop()
    }
    const tags = purged.flat()
    expect(tags).toEqual(expect.arrayContaining([`a:${ID}`, 'all']))
    expect(new Set(tags).size).toBe(tags.length)
    const pings = (await deskSnapshot()).pings as { topic: string }[]
    expect(pings.length).toBeGreaterThan(0)
    expect(new Set(pings.map((p) => p.topic)).size).toBe(pings.length)
    expect(pings.map((p) => p.topic).some((t) => t.endsWith('/feed.xml'))).toBe(true)
    const reader = client(null)
    expect((await reader.get(`/articles/${ID}`)).status).toBe(200)
    const feeds = await readFeeds(reader)
    expect(JSON.stringify(feeds.json)).toContain(SECRET)
    expect(await sitemapIds(reader)).toContain(ID)
    expect((await reader.get(`/tags/${TAG}`)).status).toBe(200)
  })

  it('for a time ahead schedules it, and a published article cannot become a draft', async () => {
    await saveDraft()
    const ahead = new Date(Date.now() + 86_400_000).toISOString()
    const res = await owner.put(ID, story({ state: 'published', published: ahead }))
    expect(await res.json()).toMatchObject({ state: 'scheduled' })
    await settleDesk()
    expect((await client(null).get(`/articles/${ID}`)).status).toBe(404)
    await owner.put('public-story', { title: 'Public', content_text: 'Out.' })
    const before = await storeSnapshot()
    const back = await owner.put('public-story', {
      title: 'Public',
      content_text: 'Out.',
      state: 'draft',
    })
    expect(back.status).toBe(409)
    expect(back.headers.get('Content-Type')).toContain('application/problem+json')
    expect((await back.json<any>()).errors).toEqual([
      { pointer: '/state', detail: 'a published article cannot become a draft' },
    ])
    await settleDesk()
    expect(await storeSnapshot()).toEqual(before)
  })
})

describe('bad states', () => {
  it('are refused naming the field, with nothing stored', async () => {
    await settleDesk()
    const before = await storeSnapshot()
    for (const state of ['private', 'scheduled', 'Draft', 1, null, ['draft']]) {
      const res = await owner.post(story({ state }))
      expect(res.status, JSON.stringify(state)).toBe(400)
      expect(res.headers.get('Content-Type')).toContain('application/problem+json')
      const body = await res.json<any>()
      expect(body.errors.map((e: any) => e.pointer)).toEqual(['/state'])
    }
    const refused = await micropub('h=entry&content=x&post-status=private')
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('post-status')
    await settleDesk()
    expect(await storeSnapshot()).toEqual(before)
  })
})

describe("Micropub's post-status", () => {
  it('draft saves a draft, q=source says so, and published publishes it', async () => {
    const res = await micropub(
      `h=entry&name=${SECRET}&content=Hello&post-status=draft&mp-slug=${ID}`,
    )
    expect(res.status).toBe(201)
    await settleDesk()
    const url = res.headers.get('Location')!
    expect((await client(null).get(new URL(url).pathname)).status).toBe(404)
    const source = await owner.api(`/micropub?q=source&url=${encodeURIComponent(url)}`)
    expect((await source.json<any>()).properties['post-status']).toEqual(['draft'])
    const update = await owner.fetch('/micropub', {
      method: 'POST',
      headers: { Authorization: `Bearer ${ownerToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'update', url, replace: { 'post-status': ['published'] } }),
    })
    expect(update.status).toBe(204)
    await settleDesk()
    expect((await client(null).get(new URL(url).pathname)).status).toBe(200)
    const read = await owner.api(`/api/articles/${ID}`)
    expect(await read.json()).toMatchObject({ state: 'published' })
  })
})

describe('the listing of articles', () => {
  async function ids(c: ReturnType<typeof client>, query: string) {
    const res = await c.api(`/api/articles?${query}`)
    expect(res.status, query).toBe(200)
    return (await res.json<any>()).items.map((i: any) => i.id)
  }

  it('filters by state, searches titles in either script, and pages through', async () => {
    await saveDraft()
    const ahead = new Date(Date.now() + 86_400_000).toISOString()
    await owner.put('later', { title: '經濟新聞 later', content_text: 'x', published: ahead })
    await owner.put('gone', { title: 'Gone', content_text: 'x' })
    await owner.del('gone')
    await other.put('theirs', { title: '经济 theirs', content_text: 'x' })
    await other.put('their-draft', { title: '經濟 draft', content_text: 'x', state: 'draft' })
    await settleDesk()
    expect(await ids(owner, 'state=draft')).toEqual([ID])
    expect(await ids(owner, 'state=scheduled')).toEqual(['later'])
    expect(await ids(owner, 'state=deleted')).toEqual(['gone'])
    expect((await ids(owner, 'state=published')).sort()).toEqual(['public-story', 'theirs'])
    // Simplified finds Traditional, and never another publisher's draft.
    expect((await ids(owner, 'q=经济')).sort()).toEqual(['later', 'theirs'])
    expect(await ids(owner, 'q=经济&mine=true')).toEqual(['later'])
    expect(await ids(other, 'state=draft')).toEqual(['their-draft'])
    expect((await ids(client(ADMIN_TOKEN), 'state=draft')).sort()).toEqual([ID, 'their-draft'])
    // One at a time, newest first, through the cursor, with the filter kept.
    const seen: string[] = []
    let cursor = ''
    for (let i = 0; i < 10; i++) {
      const res = await owner.api(`/api/articles?mine=true&limit=1${cursor}`)
      const page = await res.json<any>()
      seen.push(...page.items.map((a: any) => a.id))
      if (!page.next_cursor) break
      cursor = `&cursor=${encodeURIComponent(page.next_cursor)}`
    }
    expect(seen).toEqual(['later', ID, 'public-story'])
  })

  it('refuses a filter it does not understand, naming it', async () => {
    for (const [query, pointer] of [
      ['state=live', '/state'],
      ['mine=yes', '/mine'],
      [`q=${'x'.repeat(201)}`, '/q'],
    ]) {
      const res = await owner.api(`/api/articles?${query}`)
      expect(res.status, query).toBe(400)
      expect((await res.json<any>()).errors.map((e: any) => e.pointer)).toEqual([pointer])
    }
  })
})

describe('a coordinator from before drafts', () => {
  it('keeps its articles and takes drafts once it starts again', async () => {
    await runInDurableObject(desk(), (_, state) => {
      const sql = state.storage.sql
      // The articles table as version 5 made it: its CHECK knew no drafts.
      const ddl = sql
        .exec<{ sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'articles'")
        .one()
        .sql.replace(", 'draft'", '')
      sql.exec('ALTER TABLE articles RENAME TO articles_old')
      sql.exec(ddl)
      sql.exec('INSERT INTO articles SELECT * FROM articles_old')
      sql.exec('DROP TABLE articles_old')
      // And without the access email a later version added (9).
      sql.exec('ALTER TABLE publishers DROP COLUMN access_email')
      sql.exec("UPDATE settings SET value = '5' WHERE name = 'schema_version'")
      expect(() =>
        sql.exec("UPDATE articles SET state = 'draft' WHERE id = 'public-story'"),
      ).toThrow()
      new Desk(state, env)
      const ids = sql.exec<{ id: string }>('SELECT id FROM articles').toArray()
      expect(ids.map((r) => r.id)).toEqual(['public-story'])
      const indexes = sql
        .exec<{ name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'articles'",
        )
        .toArray()
        .map((r) => r.name)
      expect(indexes).toEqual(
        expect.arrayContaining(['articles_by_time', 'articles_by_state', 'articles_unsynced']),
      )
    })
    await saveDraft()
  })
})
