/**
 * Relative URLs in publisher content: made absolute on write against base_url or url, so every
 * feed reader shows the same address; where no base is known, dropped (images) or unlinked
 * (links), and the write's warnings say which.
 */
import { describe, expect, it } from 'vitest'
import { buildDraft } from '../../src/articles/build'
import { RelativeUrls } from '../../src/articles/relative-urls'
import { sanitize } from '../../src/articles/sanitize'
import { ArticleInput } from '../../src/articles/schema'

const CONTEXT = { timeZone: 'UTC', defaultLanguage: 'en' }
const draft = (input: Record<string, unknown>) =>
  buildDraft(ArticleInput.parse({ title: 'T', ...input }), CONTEXT)

const BODY =
  '<p><a href="/politics/budget">budget</a> <a href="../archive/">archive</a> <a href="#notes">notes</a></p>' +
  '<p><img src="images/chart.png" alt="chart"><img src="//cdn.example.org/b.jpg" alt="b"></p>'

describe('relative URLs', () => {
  it('are resolved against the base, as a browser on that page would', () => {
    const urls = new RelativeUrls('https://news.example.com/politics/2025/budget.html')
    expect(sanitize(BODY, '/content_html', urls)).toBe(
      '<p><a href="https://news.example.com/politics/budget" rel="noopener noreferrer nofollow">budget</a> ' +
        '<a href="https://news.example.com/politics/archive/" rel="noopener noreferrer nofollow">archive</a> ' +
        '<a href="https://news.example.com/politics/2025/budget.html#notes" rel="noopener noreferrer nofollow">notes</a></p>' +
        '<p><img src="https://news.example.com/politics/2025/images/chart.png" alt="chart">' +
        '<img src="https://cdn.example.org/b.jpg" alt="b"></p>',
    )
    expect(urls.warnings('/content_html')).toEqual([])
  })

  it('take base_url before the article url, and resolve Markdown too', () => {
    const { fields, warnings } = draft({
      content_markdown: '![chart](chart.png) [more](more.html)',
      url: 'https://origin.example/story/1',
      base_url: 'https://cms.example/news/',
    })
    expect(fields.content_html.trim()).toBe(
      '<p><img src="https://cms.example/news/chart.png" alt="chart"> <a href="https://cms.example/news/more.html" rel="noopener noreferrer nofollow">more</a></p>',
    )
    expect(fields).not.toHaveProperty('base_url')
    expect(warnings).toEqual([])
    expect(
      draft({ content_html: '<img src="a.png">', url: 'https://o.example/x/y' }).fields
        .content_html,
    ).toBe('<img src="https://o.example/x/a.png">')
  })

  it('without a base, drop images and unlink links, and the warnings say which', () => {
    const { fields, warnings } = draft({
      content_html: BODY + '<p><img src="images/chart.png"></p>',
    })
    expect(fields.content_html).toBe(
      '<p><a>budget</a> <a>archive</a> <a>notes</a></p><p></p><p></p>',
    )
    expect(warnings).toEqual([
      {
        pointer: '/content_html',
        detail:
          "2 images with a relative src were dropped: there is no base URL to resolve them against (send base_url, or the article's url)",
        urls: ['images/chart.png', '//cdn.example.org/b.jpg'],
      },
      {
        pointer: '/content_html',
        detail:
          "3 links with a relative href were made plain text: there is no base URL to resolve them against (send base_url, or the article's url)",
        urls: ['/politics/budget', '../archive/', '#notes'],
      },
    ])
    expect(draft({ content_markdown: '![x](x.png)' }).warnings[0]!.pointer).toBe(
      '/content_markdown',
    )
  })

  it('leave absolute and mailto URLs as sent, and drop other schemes silently as before', () => {
    const { fields, warnings } = draft({
      content_html:
        '<a href="https://e.example/a?b=1&amp;c=2">a</a><a href="mailto:x@e.example">m</a><a href="javascript:alert(1)">j</a><img src="data:image/png;base64,AA">',
    })
    expect(fields.content_html).toBe(
      '<a href="https://e.example/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">a</a><a href="mailto:x@e.example">m</a><a>j</a>',
    )
    expect(warnings).toEqual([])
  })

  it('list at most 20 URLs in a warning, and count them all', () => {
    const images = Array.from({ length: 25 }, (_, i) => `<img src="i${i}.png">`).join('')
    const [warning] = draft({ content_html: images }).warnings
    expect(warning!.urls).toHaveLength(20)
    expect(warning!.detail).toMatch(/^25 images/)
  })
})
