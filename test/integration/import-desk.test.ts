/**
 * The coordinator's side of an import: batches written once, matched by guid, quietly (no
 * ping, one purge pass), refusals listed, old permalinks answered with 301.
 */
import { reset, runInDurableObject } from 'cloudflare:test'
import { beforeEach, describe, expect, it } from 'vitest'
import type { ImportBatch } from '../../src/desk/import-desk'
import { readFeedPage } from '../../src/imports/feed-page'
import { makeArticle, redirectPath } from '../../src/imports/to-article'
import { onPurgeLine } from '../support/purge-log'
import { OLD_SITE, rssArchive, story } from '../support/archives'
import { ADMIN, job } from '../support/imports'
import type { ImportJob } from '../../src/imports/job'
import { client, desk, deskSnapshot, publish, readFeeds, settleDesk, SITE } from '../helpers'

/** The first page of the RSS archive as one batch, as the Workflow's step makes it. */
async function batchOf(jobId: string, step: number, extra: string[] = []): Promise<ImportBatch> {
  const xml = rssArchive(250, 50)
    .get('/feed.xml')!
    .replace('<item>', extra.join('') + '<item>')
  const page = readFeedPage(xml, `${OLD_SITE}/feed.xml`)
  const items: ImportBatch['items'] = []
  const refused = []
  for (const result of page.results) {
    if (!result.ok) {
      refused.push(result.refused)
      continue
    }
    const made = await makeArticle(result.item, {
      timeZone: 'Asia/Taipei',
      defaultLanguage: 'zh-Hant',
      tags: ['archive'],
      now: Date.now(),
    })
    if (!made.ok) refused.push(made.refused)
    else {
      const redirect = redirectPath(result.item.link)
      items.push({
        guid: result.item.guid,
        id: made.id,
        draft: made.draft,
        ...(redirect ? { redirect } : {}),
      })
    }
  }
  return {
    job: jobId,
    step,
    position: { kind: 'feed', url: `${OLD_SITE}/archive/4.xml`, index: 0, visited: [], pages: 1 },
    finished: false,
    found: page.results.length,
    items,
    skipped: 0,
    refused,
  }
}

async function start(j: ImportJob) {
  await desk().createImport(j)
  expect(await desk().beginImportStep(j.id)).toMatchObject({ state: 'running' })
}

describe('an import batch in the coordinator', () => {
  beforeEach(() => reset())

  it('writes every item once, with its guid as feed id, and a second run imports nothing', async () => {
    await start(job('first'))
    const batch = await batchOf('first', 1)
    const after = await desk().writeImportBatch(batch)
    expect(after?.counts).toEqual({ found: 50, imported: 50, skipped: 0, refused: 0 })
    // The same step sent again (a retried step) writes nothing and counts nothing.
    expect((await desk().writeImportBatch(batch))?.counts).toEqual(after?.counts)
    await settleDesk()
    const c = client()
    const feeds = await readFeeds(c, '', '?limit=100')
    const s = story(250)
    expect(feeds.json.map((i) => i.id)).toContain(s.guid)
    expect(feeds.json.filter((i) => i.id === s.guid)).toHaveLength(1)
    expect(feeds.rss.find((i) => i.guid['#text'] === s.guid)?.guid['@isPermaLink']).toBe('false')
    expect(feeds.atom.map((e) => e.id)).toContain(s.guid)
    const item = feeds.json.find((i) => i.id === s.guid)
    expect(item.date_published).toBe(s.rfc3339)
    expect(item.tags).toEqual([s.category, 'archive'])
    expect(item.authors).toEqual([{ name: s.author }])

    await start(job('again'))
    const again = await desk().writeImportBatch(await batchOf('again', 1))
    expect(again?.counts).toEqual({ found: 50, imported: 0, skipped: 50, refused: 0 })
  })

  it('keeps the guid however the article is later replaced', async () => {
    await start(job('keep'))
    await desk().writeImportBatch(await batchOf('keep', 1))
    await settleDesk()
    const c = client()
    const list = await (await c.api('/api/articles?limit=1')).json<any>()
    const id = list.items[0].id
    const before = await (await c.api(`/api/articles/${id}`)).json<any>()
    expect(before.guid).toMatch(/^tag:old\.test/)
    const res = await c.put(id, { title: 'Edited', content_html: '<p>new</p>' })
    expect(res.status).toBe(200)
    expect((await res.json<any>()).guid).toBe(before.guid)
  })

  it('lists refused items with their reason and imports the rest', async () => {
    await start(job('refusals'))
    const bad = [
      '<item><title>Bad date</title><guid>bad-date</guid><pubDate>31 Feb 2020 10:00:00 +0800</pubDate><description>x</description></item>',
      `<item><title>${'long '.repeat(100)}</title><guid>too-long</guid><description>x</description></item>`,
    ]
    const after = await desk().writeImportBatch(await batchOf('refusals', 1, bad))
    expect(after?.counts).toMatchObject({ found: 52, imported: 50, refused: 2 })
    const read = await desk().readImport(ADMIN, 'refusals')
    expect(read.ok && read.value.refused).toEqual([
      expect.objectContaining({ guid: 'bad-date', reason: expect.stringContaining('pubDate') }),
      expect.objectContaining({ guid: 'too-long', reason: expect.stringContaining('title') }),
    ])
  })

  it('pings no hub and purges once for the whole batch', async () => {
    // Hubs configured: an ordinary publish is announced, the import is not.
    const hubs = (instance: unknown, WEBSUB_HUBS: string) => {
      const object = instance as { env: Env }
      object.env = { ...object.env, WEBSUB_HUBS }
    }
    await runInDurableObject(desk(), (instance) => hubs(instance, 'http://hub.test/websub'))
    await start(job('quiet'))
    const purges: string[][] = []
    const stop = onPurgeLine((line) => purges.push(line.purge.tags ?? []))
    await desk().writeImportBatch(await batchOf('quiet', 1))
    await settleDesk()
    stop()
    const tables = await deskSnapshot()
    expect(tables.pings).toEqual([])
    // 50 articles and their listings: one pass, in as few requests as Workers Cache's 100
    // tags a request allow, no tag twice.
    const tags = purges.flat()
    expect(tags).toContain('all')
    expect(new Set(tags).size).toBe(tags.length)
    expect(purges).toHaveLength(Math.ceil(tags.length / 100))
    await publish(client(), { title: 'Control', content_text: 'A new story.' })
    expect((await deskSnapshot()).pings).not.toEqual([])
    await runInDurableObject(desk(), (instance) => hubs(instance, ''))
  })

  it('answers an old permalink on this site with a 301 to the article', async () => {
    await start(job('links'))
    await desk().writeImportBatch(await batchOf('links', 1))
    await settleDesk()
    const s = story(248)
    const path = new URL(s.link).pathname
    const res = await client(null).get(path)
    expect(res.status).toBe(301)
    const location = res.headers.get('Location')!
    expect(location.startsWith(`${SITE}/articles/`)).toBe(true)
    const page = await client(null).get(new URL(location).pathname)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Story 248')
    expect((await client(null).get('/2015/01/no-such-story.html')).status).toBe(404)
  })

  it('writes nothing on a dry run but the count of what it would import', async () => {
    await start(job('dry', true))
    const before = await deskSnapshot()
    const after = await desk().writeImportBatch(await batchOf('dry', 1))
    expect(after?.counts).toEqual({ found: 50, imported: 50, skipped: 0, refused: 0 })
    const tables = await deskSnapshot()
    expect(tables.articles).toEqual(before.articles)
    expect(tables.guids).toEqual(before.guids)
    expect(tables.redirects).toEqual(before.redirects)
  })
})
