/**
 * Script versions for search engines: every page and its zh-Hans and zh-Hant twins name each
 * other (`<link rel="alternate" hreflang>`), the set is the same on every page of it, each page
 * in it is its own canonical, and a page's duplicate (an article shown in the script it is
 * written in) points to the original instead. Checked by parsing every page it names.
 */
import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { client, dom, publish, SITE } from '../helpers'

afterEach(() => reset())

/** A page's canonical URL and its hreflang set, as a search engine reads its head. */
async function head(c: ReturnType<typeof client>, path: string) {
  const page = dom(await (await c.get(path)).text())
  const links = page.all('link')
  const canonical = links.find((l) => l.attribs.rel === 'canonical')?.attribs.href
  const versions = links
    .filter((l) => l.attribs.rel === 'alternate' && l.attribs.hreflang)
    .map((l) => `${l.attribs.hreflang} ${l.attribs.href}`)
    .sort()
  return { canonical, versions }
}

describe('script versions', () => {
  it('are named reciprocally on every page, each its own canonical', async () => {
    const c = client()
    await publish(c, {
      id: 'trad',
      title: '經開區舉辦論壇',
      content_text: '經開區昨日舉辦創新論壇，逾百家企業參與。',
      tags: ['經開區'],
      authors: [{ name: '王小明' }],
    })
    await publish(c, {
      id: 'simp',
      title: '经开区举办论坛',
      content_text: '经开区昨日举办创新论坛，逾百家企业参与。',
    })
    const starts = [
      '/',
      '/articles/trad',
      '/articles/simp',
      `/tags/${encodeURIComponent('經開區')}`,
      `/authors/${encodeURIComponent('王小明')}`,
    ]
    let checked = 0
    for (const start of starts) {
      const first = await head(c, start)
      expect(first.versions.length, start).toBe(3)
      expect(
        first.versions.filter((v) => v.startsWith('x-default ')),
        start,
      ).toHaveLength(1)
      for (const version of first.versions) {
        const href = version.split(' ')[1]!
        const twin = await head(c, href.replace(SITE, ''))
        expect(twin.versions, `${start} → ${href}`).toEqual(first.versions)
        expect(twin.canonical, href).toBe(href)
        checked++
      }
    }
    expect(checked).toBe(15)
  })

  it('send an article shown in its own script to the original, and give other languages none', async () => {
    const c = client()
    await publish(c, {
      id: 'trad',
      title: '經開區舉辦論壇',
      content_text: '經開區昨日舉辦創新論壇，逾百家企業參與。',
    })
    await publish(c, {
      id: 'english',
      title: 'Council budget',
      content_text: 'The council approved the budget after a long debate on Monday night.',
    })
    const own = await head(c, '/zh-Hant/articles/trad')
    expect(own.canonical).toBe(`${SITE}/articles/trad`)
    expect(own.versions).toContain(`zh-Hant ${SITE}/articles/trad`)
    const english = await head(c, '/articles/english')
    expect(english.versions).toEqual([])
    expect((await head(c, '/zh-Hans/articles/english')).canonical).toBe(`${SITE}/articles/english`)
  })
})
