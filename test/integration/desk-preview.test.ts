/**
 * The desk's preview is the article's page as readers will get it: the site's own page, in
 * Traditional and in Simplified for a Chinese article, rendered without storing anything.
 */
import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { client, settleDesk, storeSnapshot } from '../helpers'
import { deskFetch, enrol, publisherWithLink } from '../support/desk-client'

afterEach(() => reset())

const article = {
  id: 'forum',
  title: '經開區舉辦創新論壇',
  content_markdown: '逾百家企業**參與**，討論軟體發展。',
  tags: ['經濟'],
  published: '2036-01-01T08:00:00+08:00',
}

async function previewOf(session: { cookie: string; csrf: string }, body: unknown) {
  return deskFetch('/desk/api/preview/pages', { method: 'POST', body }, session)
}

describe('the preview', () => {
  it('is the page readers get, in Traditional and Simplified, and stores nothing', async () => {
    const { linkToken } = await publisherWithLink('city-desk')
    const session = await enrol(linkToken)
    const before = await storeSnapshot()
    const res = await previewOf(session, article)
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const { pages } = await res.json<{ pages: { script: string; html: string }[] }>()
    expect(pages.map((p) => p.script)).toEqual(['zh-Hant', 'zh-Hans'])
    expect(pages[0]!.html).toContain('<html lang="zh-Hant"')
    expect(pages[0]!.html).toContain('經開區舉辦創新論壇')
    expect(pages[1]!.html).toContain('<html lang="zh-Hans"')
    expect(pages[1]!.html).toContain('经开区举办创新论坛')
    expect(pages[1]!.html).toContain('<strong>参与</strong>')
    expect(await storeSnapshot()).toEqual(before)

    // Saved, the site serves the very same pages under /zh-Hant and /zh-Hans.
    const saved = await deskFetch('/desk/api/articles', { method: 'POST', body: article }, session)
    expect(saved.status).toBe(201)
    await settleDesk()
    for (const { script, html } of pages) {
      const served = await client(null).fetch(`/${script}/articles/forum`)
      expect(served.status).toBe(200)
      expect(await served.text(), script).toBe(html)
    }
  })

  it('shows an article in another language once, as it is', async () => {
    const { linkToken } = await publisherWithLink('city-desk')
    const session = await enrol(linkToken)
    const res = await previewOf(session, {
      title: 'Budget passed',
      content_text: 'The council met.',
    })
    const { pages } = await res.json<{ pages: { script: string | null; html: string }[] }>()
    expect(pages).toHaveLength(1)
    expect(pages[0]!.script).toBeNull()
    expect(pages[0]!.html).toContain('<h1 class="p-name">Budget passed</h1>')
  })

  it('refuses what a save would refuse, naming the field, and needs a session', async () => {
    const { linkToken } = await publisherWithLink('city-desk')
    const session = await enrol(linkToken)
    const before = await storeSnapshot()
    const bad = await previewOf(session, { title: '', content_markdown: 'x' })
    expect(bad.status).toBe(400)
    expect((await bad.json<any>()).errors.map((e: any) => e.pointer)).toContain('/title')
    const none = await deskFetch('/desk/api/preview/pages', { method: 'POST', body: article })
    expect(none.status).toBe(401)
    expect(await storeSnapshot()).toEqual(before)
  })
})
