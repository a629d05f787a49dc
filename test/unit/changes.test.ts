/**
 * Which cache tags a change to one article purges (src/edge/changes.ts): the rules, one by
 * one. The property test in test/integration/tagging.property.test.ts checks them against
 * every page the Worker renders.
 */
import { describe, expect, it } from 'vitest'
import { buildArticle } from '../../src/articles/build'
import type { Article } from '../../src/articles/model'
import { listingTagsOf, tagsChangedBy } from '../../src/edge/changes'
import { listingTag } from '../../src/edge/tags'

const article = (extra: Record<string, unknown> = {}): Article =>
  buildArticle(
    {
      title: 'Title',
      content_text: 'Text.',
      published: '2026-01-01T00:00:00Z',
      tags: ['news'],
      ...extra,
    },
    {
      id: 'a',
      publisher: 'alice',
      now: Date.parse('2026-01-02T00:00:00Z'),
      timeZone: 'UTC',
      defaultLanguage: 'en',
    },
  )

const sorted = (tags: string[]) => [...tags].sort()
const tagOf = (name: string) => listingTag({ kind: 'tag', name })

describe('the tags a change purges', () => {
  it('purges nothing when nothing public changed', () => {
    expect(tagsChangedBy(undefined, undefined)).toEqual([])
  })

  it('purges the article, the sitemap, the site listing and its tags when it appears or goes', () => {
    const want = sorted(['a:a', 'sitemap', 'all', tagOf('news')])
    expect(sorted(tagsChangedBy(undefined, article()))).toEqual(want)
    expect(sorted(tagsChangedBy(article(), undefined))).toEqual(want)
  })

  it('purges only the article and the sitemap for an edit that keeps its place', () => {
    expect(sorted(tagsChangedBy(article(), article({ title: 'Better' })))).toEqual([
      'a:a',
      'sitemap',
    ])
  })

  it('purges every listing it was and is in when it moves in time', () => {
    const moved = article({ published: '2026-01-01T12:00:00Z', tags: ['sport'] })
    expect(sorted(tagsChangedBy(article(), moved))).toEqual(
      sorted(['a:a', 'sitemap', 'all', tagOf('news'), tagOf('sport')]),
    )
  })

  it("purges an author's listing when the article appears, goes, or gains or loses the author", () => {
    const by = (name: string) => listingTag({ kind: 'author', name })
    const signed = article({ authors: [{ name: '王小明' }] })
    expect(tagsChangedBy(undefined, signed)).toContain(by('王小明'))
    // 王曉明 and 王晓明 are one name in two scripts, so one listing; 王小明 is another name.
    expect(by('王曉明')).toBe(by('王晓明'))
    expect(by('王曉明')).not.toBe(by('王小明'))
    const cosigned = article({ authors: [{ name: '王小明' }, { name: 'Jane Doe' }] })
    expect(sorted(tagsChangedBy(signed, cosigned))).toEqual(
      sorted(['a:a', 'sitemap', by('jane-doe')]),
    )
  })

  it('purges the listing of a tag gained or lost, and no other', () => {
    const retagged = article({ tags: ['news', 'sport'] })
    expect(sorted(tagsChangedBy(article(), retagged))).toEqual(
      sorted(['a:a', 'sitemap', tagOf('sport')]),
    )
    expect(sorted(tagsChangedBy(retagged, article()))).toEqual(
      sorted(['a:a', 'sitemap', tagOf('sport')]),
    )
  })

  it('names one listing for every spelling of a tag, in case and in script', () => {
    const zh = article({ tags: ['經開區', '经开区', 'News'], language: 'zh-Hant' })
    expect(listingTagsOf(zh).filter((t) => t === tagOf('经开区'))).toHaveLength(1)
    expect(tagOf('News')).toBe(tagOf('news'))
    // A spelling changed within one listing moves nothing.
    const respelled = article({ tags: ['經開區', 'news'], language: 'zh-Hant' })
    expect(sorted(tagsChangedBy(zh, respelled))).toEqual(['a:a', 'sitemap'])
  })
})
