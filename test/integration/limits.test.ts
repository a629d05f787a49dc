/**
 * One publisher must never break the site: whatever is stored, every listing reads within
 * KV's limits, and requests for paths no article or tag can have cost nothing.
 */
import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FEED_PAGE_BYTES } from '../../src/store/articles'
import { STORED_ARTICLE_MAX_BYTES } from '../../src/store/layout'
import { liveEntries } from '../../src/store/layout'
import { client, dom, kvSnapshot, publish, settleDesk, SITE } from '../helpers'

afterEach(async () => {
  vi.restoreAllMocks()
  await reset()
})

describe('the stored-size budget', () => {
  it(
    'reads what a page shows: a list page 100 cards, a feed page its articles within the budget',
    { timeout: 120_000 },
    async () => {
      const c = client()
      // Latin text has no other-script version: 1 byte a character, so the article is stored
      // a few KiB under the budget.
      const body = 'x'.repeat(STORED_ARTICLE_MAX_BYTES - 6 * 1024)
      for (let i = 0; i < 100; i++) {
        const res = await c.post({
          id: `big-${i}`,
          title: `Big ${i}`,
          content_text: body,
          summary: 's',
          published: `2024-01-01T00:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`,
        })
        expect(res.status).toBe(201)
      }
      await settleDesk()
      const stored = Object.values(await kvSnapshot()).filter((v) => v.value?.includes('"Big '))
      expect(
        Math.max(...stored.map((v) => new TextEncoder().encode(v.value!).length)),
      ).toBeGreaterThan(STORED_ARTICLE_MAX_BYTES - 8 * 1024)
      for (const path of ['/feed.json?limit=100', '/atom.xml?limit=100', '/?limit=100']) {
        const res = await c.get(path)
        expect(res.status, path).toBe(200)
      }
      // The list page shows all 100 from their cards: a few hundred bytes each, not 240 KiB.
      const list = await (await c.get('/?limit=100')).text()
      expect(dom(list).all('h2').length).toBeGreaterThanOrEqual(100)
      expect(list.length).toBeLessThan(200_000)
      // A feed page reads its articles within FEED_PAGE_BYTES: a shorter page, whose next link
      // starts after its last item, so paging still visits every article once, in order.
      const seen: string[] = []
      let next: string | undefined = '/feed.json?limit=100'
      for (let pages = 0; next; pages++) {
        // A next link that did not move on would page forever: 100 articles, no more pages.
        expect(pages, next).toBeLessThan(100)
        const res = await c.get(next)
        expect(res.status, next).toBe(200)
        const text = await res.text()
        expect(text.length, next).toBeLessThan(FEED_PAGE_BYTES + 64 * 1024)
        const feed = JSON.parse(text)
        expect(feed.items.length, next).toBeGreaterThan(0)
        seen.push(...feed.items.map((i: any) => i.title))
        next = feed.next_url?.replace(SITE, '')
      }
      expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => `Big ${99 - i}`))
    },
  )

  it('stores a Chinese article with long astral-plane titles and mixed-script tags whole', async () => {
    const c = client()
    const title = '𠀀𠀁𠀂𠀃𠀄'.repeat(20) // 100 characters outside the BMP
    const tag = '經开区ABC經開區'.repeat(6).slice(0, 64)
    const article = await publish(c, {
      id: 'astral',
      title,
      content_text: '內容',
      tags: [tag],
      language: 'zh',
    })
    const keys = Object.keys(await kvSnapshot())
    for (const put of liveEntries(article as any, 0)) expect(keys, put.key).toContain(put.key)
    // Index metadata is ASCII, a few dozen bytes, whatever the title: KV never warns of it.
    const meta = Object.values(await kvSnapshot()).map((v) => JSON.stringify(v.metadata))
    expect(meta.every((m) => /^[\x20-\x7e]*$/.test(m) && m.length < 160)).toBe(true)
  })
})

describe('paths no article or tag can have', () => {
  it('answer 404 without reading KV or logging the path, however long', async () => {
    const c = client()
    const errors = vi.spyOn(console, 'error')
    const long = 'a'.repeat(20_000)
    for (const path of [
      `/articles/${long}`,
      `/articles/${encodeURIComponent('日'.repeat(3000))}`,
      `/articles/${long}/older`,
      `/tags/${encodeURIComponent('標'.repeat(5000))}`,
      `/tags/${long}/feed.xml`,
      `/zh-Hans/articles/Not:An:Id`,
    ]) {
      const res = await c.get(path)
      expect(res.status, path.slice(0, 40)).toBe(404)
      expect(res.headers.get('Content-Type')).toContain('text/html')
    }
    expect(errors).not.toHaveBeenCalled()
  })

  it('keep the 404 page’s links on this site, whatever the path', async () => {
    const c = client()
    for (const path of ['//evil.example/x', '/%5Cevil.example/x', '/\\evil.example/x']) {
      const page = dom(await (await c.get(path)).text())
      const hrefs = page.all('a').map((a) => a.attribs.href!)
      for (const href of hrefs) {
        const onSite =
          href.startsWith('#') || /^\/(?![/\\])/.test(href) || href.startsWith(`${SITE}/`)
        expect(onSite, `${path}: ${href}`).toBe(true)
      }
    }
  })
})
