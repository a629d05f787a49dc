/**
 * What a request for a tag or an author reads to find the address it is served at: the
 * listing's own spellings, by its fold, never a list of every listing; and the list of feeds,
 * bounded to the most used listings however many names publishers make up.
 */
import { env, reset, runInDurableObject } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { listingFold } from '../../src/articles/listings'
import { Desk } from '../../src/desk/desk'
import { NAMES_LISTED, SPELLINGS_KEPT } from '../../src/desk/spellings'
import { AUTHORS_KEY, listingNamesKey, TAGS_KEY } from '../../src/store/keys'
import {
  ADMIN_TOKEN,
  client,
  desk,
  dom,
  parseXml,
  publish,
  readFeeds,
  settleDesk,
  storeSnapshot,
} from '../helpers'

afterEach(() => reset())

const story = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Story ${id}`,
  content_text: 'The council met yesterday and agreed on the budget.',
  ...extra,
})

const names = (kind: 'tag' | 'author', name: string) =>
  env.ARTICLES.get<string[]>(listingNamesKey(kind, listingFold({ kind, name })), 'json')

/** The name of every tag's (or author's) listing in the OPML. */
async function opmlListings(c: ReturnType<typeof client>, kind: 'tag' | 'author') {
  const opml = parseXml(await (await c.get('/feeds.opml')).text()).opml
  const listings = [opml.body.outline]
    .flat()
    .flatMap((group: any) => [group.outline].flat())
    .filter((l: any) => [l.outline].flat()[0]['@xmlUrl'].includes(`/${kind}s/`))
  return listings.map((l: any) => String(l['@text']))
}

describe("a listing's spellings", () => {
  it('are kept under its fold, and a request in another spelling reads only them', async () => {
    const c = client()
    await publish(c, story('a', { tags: ['News'], authors: [{ name: 'Jane Doe' }] }))
    const chinese = {
      title: '經開區舉辦創新論壇',
      content_text: '經開區昨日舉辦創新論壇，逾百家企業參與。',
    }
    await publish(c, story('b', { ...chinese, tags: ['經開區'] }))
    expect(await names('tag', 'NEWS')).toEqual(['News'])
    expect(await names('tag', '经开区')).toEqual(['經開區', '经开区'])
    expect(await names('author', 'JANE-DOE')).toEqual(['Jane Doe'])
    // The list of every listing is not read: without it, every redirect still holds.
    await env.ARTICLES.delete(TAGS_KEY)
    await env.ARTICLES.delete(AUTHORS_KEY)
    for (const [asked, live] of [
      ['/tags/NEWS/feed.json?limit=2', '/tags/News/feed.json?limit=2'],
      [`/tags/${encodeURIComponent('經開区')}`, `/tags/${encodeURIComponent('經開區')}`],
      ['/authors/Jane-Doe/atom.xml', '/authors/jane-doe/atom.xml'],
    ]) {
      const res = await c.get(asked!)
      expect(res.status, asked).toBe(301)
      expect(res.headers.get('Location'), asked).toBe(live)
    }
    expect((await c.get('/tags/News')).status).toBe(200)
    expect((await c.get(`/tags/${encodeURIComponent('经开区')}`)).status).toBe(200)
  })

  it('follow the articles: a spelling no article has left is removed', async () => {
    const c = client()
    await publish(c, story('a', { tags: ['Budget'] }))
    await publish(c, story('b', { tags: ['budget', 'Council'] }))
    expect(await names('tag', 'budget')).toEqual(['Budget'])
    expect((await c.del('a')).status).toBe(204)
    await settleDesk()
    expect(await names('tag', 'BUDGET')).toEqual(['budget'])
    expect((await c.get('/tags/Budget')).headers.get('Location')).toBe('/tags/budget')
    expect((await c.del('b')).status).toBe(204)
    await settleDesk()
    expect(await names('tag', 'budget')).toBeNull()
    expect(await names('tag', 'council')).toBeNull()
    expect((await c.get('/tags/budget')).status).toBe(404)
  })
})

describe("one listing's spellings", () => {
  it(`are at most the ${SPELLINGS_KEPT} most used, however many mixes of scripts are sent`, async () => {
    const c = client()
    // 經開區會 in mixes of its four characters' two scripts: each article adds one.
    const [t, h] = ['經開區會', '经开区会']
    const mixes = Array.from({ length: SPELLINGS_KEPT + 1 }, (_, n) =>
      [...t].map((ch, i) => (n & (1 << i) ? h[i] : ch)).join(''),
    )
    for (const [i, mix] of mixes.entries()) await publish(c, story(`m${i}`, { tags: [mix] }))
    await publish(c, story('again', { tags: [mixes.at(-1)!] }))
    await publish(c, story('d', { tags: ['NEWS'] }))
    await publish(c, story('e', { tags: ['news'] }))
    await publish(c, story('f', { tags: ['news'] }))
    const live = await names('tag', t)
    expect(live).toHaveLength(SPELLINGS_KEPT)
    // The most used first, then code-point order: the last of the nine is kept, the first not.
    expect(live![0]).toBe(mixes.at(-1))
    expect(live).not.toContain([...mixes.slice(0, -1)].sort().at(-1))
    // A spelling left out is sent to the nearest kept one.
    const res = await c.get(`/tags/${encodeURIComponent([...mixes.slice(0, -1)].sort().at(-1)!)}`)
    expect(res.status).toBe(301)
    expect(await names('tag', 'news')).toEqual(['news'])
  })
})

describe('the listings one article may add', () => {
  const many = Array.from({ length: 21 }, (_, i) => `name ${i}`)

  it('are at most 20 tags and 20 authors, by the API and Micropub alike', async () => {
    await publish(client(), story('first', { tags: ['a'] }))
    const before = await storeSnapshot()
    const errors = async (res: Response) => {
      expect(res.status).toBe(400)
      return JSON.stringify(await res.json())
    }
    const api = client()
    const authors = many.map((name) => ({ name }))
    expect(await errors(await api.post(story('x', { authors })))).toContain(
      '"pointer":"/authors","detail":"must have at most 20 items"',
    )
    expect(await errors(await api.put('x', story('x', { tags: many })))).toContain(
      '"pointer":"/tags","detail":"must have at most 20 items"',
    )
    const micropub = await api.fetch('/micropub', {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: ['h-entry'],
        properties: { content: ['The council met.'], category: many },
      }),
    })
    expect(await errors(micropub)).toContain('/category: must have at most 20 items')
    expect(await storeSnapshot()).toEqual(before)
  })
})

describe('the list of feeds', () => {
  it(`names the ${NAMES_LISTED} most used tags and authors, however many there are`, async () => {
    const c = client()
    const tags = Array.from(
      { length: NAMES_LISTED + 20 },
      (_, i) => `t${String(i).padStart(3, '0')}`,
    )
    for (let i = 0; i * 20 < tags.length; i++) {
      const some = tags.slice(i * 20, i * 20 + 20)
      await publish(c, story(`s${i}`, { tags: some, authors: some.map((name) => ({ name })) }))
    }
    // The last tag is the most used: it is listed, where it would be last by its name.
    const last = tags.at(-1)!
    await publish(c, story('again', { tags: [last], authors: [{ name: last }] }))
    const listed = await opmlListings(c, 'tag')
    expect(listed).toHaveLength(NAMES_LISTED)
    expect(listed).toContain(last)
    expect(await opmlListings(c, 'author')).toHaveLength(NAMES_LISTED)
    const page = dom(await (await c.get('/feeds')).text())
    const tagLinks = page.all('a').filter((a) => /^\/tags\/[^/]+$/.test(a.attribs.href ?? ''))
    expect(new Set(tagLinks.map((a) => a.attribs.href)).size).toBe(NAMES_LISTED)
    // Every tag keeps its own page and feeds, listed or not.
    expect((await c.get(`/tags/${tags[NAMES_LISTED + 1]}/feed.json`)).status).toBe(200)
  })
})

describe("an author's heading", () => {
  it('is one name on every page, feed and the OPML: the one most of their articles use', async () => {
    const c = client()
    const by = (name: string, published: string) => ({ authors: [{ name }], published })
    await publish(c, story('a', by('Jane Doe', '2024-01-01T00:00:00Z')))
    await publish(c, story('b', by('Jane Doe', '2024-01-02T00:00:00Z')))
    await publish(c, story('c', by('jane doe', '2024-01-03T00:00:00Z')))
    const page = dom(await (await c.get('/authors/jane-doe')).text())
    expect(page.one('h1')!.text).toBe('Jane Doe')
    const older = dom(await (await c.get('/authors/jane-doe?limit=1')).text())
    expect(older.one('h1')!.text).toBe('Jane Doe')
    const feeds = await readFeeds(c, '/authors/jane-doe')
    expect(feeds.jsonDoc.title).toMatch(/: Jane Doe$/)
    expect(await opmlListings(c, 'author')).toEqual(['Jane Doe'])
  })
})

describe('a coordinator from before listings had their own spellings', () => {
  it('counts and writes every listing at its next alarm', async () => {
    const c = client()
    await publish(c, story('a', { tags: ['Budget'], authors: [{ name: 'Jane Doe' }] }))
    await publish(c, story('b', { tags: ['Budget'] }))
    await env.ARTICLES.delete(listingNamesKey('tag', 'budget'))
    await runInDurableObject(desk(), async (_, state) => {
      const sql = state.storage.sql
      sql.exec('DROP TABLE listing_uses')
      sql.exec('DROP TABLE listing_names_due')
      // And without the access email a later version added (9).
      sql.exec('ALTER TABLE publishers DROP COLUMN access_email')
      sql.exec("UPDATE settings SET value = '6' WHERE name = 'schema_version'")
      const restarted = new Desk(state, env)
      const uses = sql.exec('SELECT kind, fold, articles FROM listing_uses ORDER BY kind').toArray()
      expect(uses).toEqual([
        { kind: 'author', fold: 'jane-doe', articles: 1 },
        { kind: 'tag', fold: 'budget', articles: 2 },
      ])
      expect(restarted.status().listing_names_due).toBe(2)
      await restarted.alarm()
      expect(restarted.status().listing_names_due).toBe(0)
    })
    expect(await names('tag', 'budget')).toEqual(['Budget'])
  })
})
