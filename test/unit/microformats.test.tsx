/**
 * The pages as microformats2, read by a real parser (microformats-parser): an article is an
 * h-entry with every property IndieWeb readers and Bridgy Fed show, a list an h-feed, and
 * the site an h-card with its rel="me" profiles.
 */
import { mf2 } from 'microformats-parser'
import { describe, expect, it } from 'vitest'
import type { PublicArticle } from '../../src/articles/model'
import type { Timestamp } from '../../src/time'
import { ArticlePage } from '../../src/views/article-page'
import { FeedPreviewPage } from '../../src/views/feeds-page'
import { labelsFor } from '../../src/views/labels'
import type { Site } from '../../src/views/layout'
import { ListPage } from '../../src/views/list-page'
import {
  articlePageProblems,
  listPageProblems,
  siteCardProblems,
} from '../support/microformats.mjs'

const BASE = 'https://news.example.org'
const ME = ['https://mastodon.example/@news', 'https://bsky.example/profile/news.example.org']
const site: Site = {
  title: '經開區新聞',
  description: '經開區的新聞',
  baseUrl: BASE,
  prefix: '',
  lang: 'zh-Hant',
  timeZone: 'Asia/Taipei',
  chinese: true,
  me: ME,
  labels: labelsFor('zh-Hant'),
}

const ts = (s: string) => s as Timestamp
const forum: PublicArticle = {
  id: 'forum',
  title: '經開區舉辦創新論壇',
  summary: '逾百家企業參與。',
  content_html:
    '<p>本報訊　經開區昨日舉辦論壇，<a href="https://e.example/x">逾百家企業</a>參與。</p>',
  authors: [{ name: '王小明', url: 'https://news.example.org/staff/wang' }, { name: 'Jane Doe' }],
  published: ts('2022-04-08T10:30:00+08:00'),
  updated: ts('2022-04-09T08:00:00+08:00'),
  tags: ['經開區', 'Tech'],
  language: 'zh-Hant',
  image: 'https://img.example.org/forum.jpg',
}

// hono/jsx renders to an HTML string.
const html = (page: unknown) => String(page)
const articlePage = (article: PublicArticle) =>
  html(
    <ArticlePage
      site={site}
      article={article}
      meta={{ title: article.title, lang: 'zh-Hant', path: '/articles/forum' }}
    />,
  )
const pageUrl = `${BASE}/articles/forum`

describe('an article page', () => {
  it('is an h-entry with name, content, summary, dates, url, uid, authors, categories, photo', () => {
    const page = articlePage(forum)
    expect(articlePageProblems(page, pageUrl, forum, site.title)).toEqual([])
    const [entry] = mf2(page, { baseUrl: pageUrl }).items.filter((i) => i.type?.includes('h-entry'))
    expect(entry!.properties).toMatchObject({
      name: [forum.title],
      summary: [forum.summary],
      published: [forum.published],
      updated: [forum.updated],
      url: [pageUrl],
      uid: [pageUrl],
      category: forum.tags,
      photo: [forum.image],
      author: [
        {
          type: ['h-card'],
          properties: {
            name: ['王小明'],
            url: [`${BASE}/authors/%E7%8E%8B%E5%B0%8F%E6%98%8E`, forum.authors[0]!.url],
          },
        },
        { type: ['h-card'], properties: { name: ['Jane Doe'], url: [`${BASE}/authors/jane-doe`] } },
      ],
    })
    expect((entry!.properties.content![0] as { html: string }).html).toBe(forum.content_html)
  })

  it('names the site as author when the article names none, and its one date as updated', () => {
    const plain = { ...forum, authors: [], updated: forum.published, image: undefined, tags: [] }
    const page = articlePage(plain)
    expect(articlePageProblems(page, pageUrl, plain, site.title)).toEqual([])
    const [entry] = mf2(page, { baseUrl: pageUrl }).items.filter((i) => i.type?.includes('h-entry'))
    expect(entry!.properties.updated).toEqual([forum.published])
    expect(entry!.properties.author).toMatchObject([
      { type: ['h-card'], properties: { name: [site.title], url: [`${BASE}/`] } },
    ])
  })

  it('carries the site h-card with its rel="me" profiles', () => {
    expect(siteCardProblems(articlePage(forum), `${BASE}/`, ME)).toEqual([])
    const alone = html(
      <ArticlePage
        site={{ ...site, me: [] }}
        article={forum}
        meta={{ title: '', lang: 'zh-Hant', path: '/' }}
      />,
    )
    expect(siteCardProblems(alone, `${BASE}/`, [])).toEqual([])
  })
})

describe('a list page', () => {
  const other = { ...forum, id: 'other', title: '第二則' }
  const meta = { title: site.title, lang: 'zh-Hant', path: '/' }

  it('is an h-feed of the h-entries it lists', () => {
    const page = html(
      <ListPage site={site} meta={meta} heading={site.title} articles={[forum, other]} />,
    )
    expect(listPageProblems(page, `${BASE}/`, 2)).toEqual([])
    expect(siteCardProblems(page, `${BASE}/`, ME)).toEqual([])
    const [feed] = mf2(page, { baseUrl: `${BASE}/` }).items.filter((i) =>
      i.type?.includes('h-feed'),
    )
    expect(feed!.properties.name).toEqual([site.title])
    expect(feed!.children!.map((e) => e.properties.url)).toEqual([
      [`${BASE}/articles/forum`],
      [`${BASE}/articles/other`],
    ])
    expect(
      listPageProblems(
        html(<ListPage site={site} meta={meta} heading="x" articles={[]} />),
        `${BASE}/`,
        0,
      ),
    ).toEqual([])
  })

  it('is an h-feed when a browser opens a feed', () => {
    const page = html(
      <FeedPreviewPage site={site} meta={meta} feedUrl={`${BASE}/feed.xml`} articles={[forum]} />,
    )
    expect(listPageProblems(page, `${BASE}/feed.xml`, 1)).toEqual([])
  })
})
