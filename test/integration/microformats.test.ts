/**
 * The pages the Worker serves, read by a real microformats2 parser: articles are h-entries,
 * lists h-feeds, and every page carries the site's h-card with the profiles SITE_ME names.
 */
import { env } from 'cloudflare:workers'
import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { client, publish, SITE, workerFetch } from '../helpers'
import {
  articlePageProblems,
  listPageProblems,
  siteCardProblems,
} from '../support/microformats.mjs'

afterEach(() => reset())

const ME = ['https://mastodon.example/@edgefeed', 'https://bsky.example/profile/edgefeed.example']
const withMe = { ...env, SITE_ME: ME.join(',') }
const page = async (path: string) =>
  (await workerFetch(new Request(`https://t.test${path}`), withMe)).text()

const forum = {
  id: 'forum',
  title: '經開區舉辦「創新論壇」',
  content_html: '<p>本報訊　經開區昨日舉辦論壇，軟體業者出席。</p>',
  published: '2022-04-08T02:30:00Z',
  tags: ['經開區', 'Tech'],
  authors: [{ name: '王小明', url: 'https://example.org/wang' }, { name: '李大華' }],
  image: 'https://img.example.org/a.jpg',
}

describe('microformats', () => {
  it('make every article page an h-entry, with the site h-card and its rel="me" links', async () => {
    const c = client()
    await publish(c, forum)
    await publish(c, { id: 'note', title: 'A note', content_text: 'Short.' })
    const html = await page('/articles/forum')
    expect(articlePageProblems(html, `${SITE}/articles/forum`, forum, 'edgefeed')).toEqual([])
    expect(siteCardProblems(html, `${SITE}/`, ME)).toEqual([])
    // No author: the note is by the site.
    const note = { title: 'A note', tags: [], authors: [] }
    const noteHtml = await page('/articles/note')
    expect(articlePageProblems(noteHtml, `${SITE}/articles/note`, note, 'edgefeed')).toEqual([])
  })

  it('make the home page, tag pages and their variants h-feeds of their articles', async () => {
    const c = client()
    await publish(c, forum)
    await publish(c, { ...forum, id: 'second', title: '第二則', tags: ['Tech'] })
    for (const [path, count] of [
      ['/', 2],
      ['/tags/Tech', 2],
      ['/tags/%E7%B6%93%E9%96%8B%E5%8D%80', 1],
      ['/zh-Hans/', 2],
    ] as const) {
      const html = await page(path)
      expect(listPageProblems(html, SITE + path, count), path).toEqual([])
      expect(siteCardProblems(html, `${SITE}/`, ME), path).toEqual([])
    }
  })
})
