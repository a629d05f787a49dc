import { describe, expect, it } from 'vitest'
import { buildArticle } from '../../src/articles/build'
import { ArticleInput } from '../../src/articles/schema'
import { changedFeeds } from '../../src/desk/pings'

const BASE = 'https://news.example.org'

function article(input: Record<string, unknown>) {
  return buildArticle(ArticleInput.parse({ content_text: 'x', ...input }), {
    id: 'a',
    publisher: 'admin',
    now: Date.UTC(2026, 10, 28),
    timeZone: 'UTC',
    defaultLanguage: 'en',
  })
}

/** The topics as paths, for reading. */
function paths(language: string, ...changed: ReturnType<typeof article>[]): string[] {
  return changedFeeds(BASE, language, changed).map(({ topic }) => topic.replace(BASE, ''))
}

describe('changedFeeds', () => {
  it('names the site feed and each tag feed in every format', () => {
    expect(paths('en', article({ title: 'Hello', tags: ['news'] }))).toEqual([
      '/feed.xml',
      '/atom.xml',
      '/feed.json',
      '/tags/news/feed.xml',
      '/tags/news/atom.xml',
      '/tags/news/feed.json',
    ])
  })

  it('adds the script feeds for a Chinese article on a site in another language', () => {
    const feeds = paths('en', article({ title: '經開區新聞', language: 'zh-TW', tags: ['經開區'] }))
    // The tag in both spellings, the feeds in the original and both scripts.
    for (const prefix of ['', '/zh-Hans', '/zh-Hant']) {
      expect(feeds).toContain(`${prefix}/feed.xml`)
      expect(feeds).toContain(`${prefix}/tags/${encodeURIComponent('經開區')}/atom.xml`)
      expect(feeds).toContain(`${prefix}/tags/${encodeURIComponent('经开区')}/feed.json`)
    }
    expect(feeds).toHaveLength(3 * 3 * 3)
  })

  it('adds them for any article on a Chinese site, and a replace names both versions’ tags', () => {
    const before = article({ title: 'Hello', tags: ['old'] })
    const after = article({ title: 'Hello', tags: ['new'] })
    const feeds = paths('zh-CN', after, before)
    expect(feeds).toContain('/zh-Hant/tags/new/feed.xml')
    expect(feeds).toContain('/zh-Hans/tags/old/atom.xml')
    expect(feeds).toHaveLength(3 * 3 * 3)
  })
})
