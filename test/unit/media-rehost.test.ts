import { describe, expect, it } from 'vitest'
import type { Article } from '../../src/articles/model'
import { rehostStatus, withCopies } from '../../src/media/rehost'
import type { Timestamp } from '../../src/time'

const A = 'https://img.example.cn/a.jpg'
const B = 'https://img.example.cn/b.jpg'
const C = 'https://img.example.cn/c.jpg'

describe('a rehost report as its publisher reads it', () => {
  it('says of each image, in the order of the content, whether it waits, was copied or failed', () => {
    const status = rehostStatus(
      {
        state: 'queued',
        images: [A, B, C],
        copied: [{ from: C, to: 'https://site.example/media/c0ffee' }],
        failed: [{ url: A, reason: 'answered 404' }],
      },
      'forum-2026',
    )
    expect(status.results).toEqual([
      { url: A, state: 'failed', reason: 'answered 404' },
      { url: B, state: 'pending' },
      { url: C, state: 'copied', copy: 'https://site.example/media/c0ffee' },
    ])
    expect(status.status_url).toBe('/api/articles/forum-2026')
    // The report itself is kept as stored.
    expect(status).toMatchObject({ state: 'queued', images: [A, B, C] })
  })

  it('has every image pending when the write answers', () => {
    const status = rehostStatus({ state: 'queued', images: [A, B] }, 'x')
    expect(status.results.map((r) => r.state)).toEqual(['pending', 'pending'])
  })
})

describe('an article pointed at its copies', () => {
  const copyOf = (c: string) => `https://site.example/media/${c.repeat(64)}`
  const article = (fields: Partial<Article>): Article => ({
    id: 'forum-2026',
    title: 'Forum',
    summary: '',
    content_html: `<p><img src="${B}" alt=""></p>`,
    authors: [],
    published: '2026-03-01T09:00:00+08:00' as Timestamp,
    updated: '2026-03-01T09:00:00+08:00' as Timestamp,
    tags: [],
    language: 'zh-Hant',
    publisher: 'newsroom',
    rehost: { state: 'queued', images: [A, B] },
    ...fields,
  })
  const jpeg = { mime_type: 'image/jpeg', size_in_bytes: 48213 }

  it("keeps the copy's type and size with a lead image it moves, and out of the report", () => {
    const out = withCopies(article({ image: A }), {
      copied: [{ from: A, to: copyOf('a'), file: jpeg }],
      failed: [{ url: B, reason: 'answered 404' }],
    })
    expect(out.image).toBe(copyOf('a'))
    expect(out.image_file).toEqual(jpeg)
    expect(out.rehost).toEqual({
      state: 'done',
      images: [A, B],
      copied: [{ from: A, to: copyOf('a') }],
      failed: [{ url: B, reason: 'answered 404' }],
    })
  })

  it('leaves a lead image it does not move, and its facts, as they were', () => {
    const kept = { mime_type: 'image/png', size_in_bytes: 9 }
    const out = withCopies(article({ image: copyOf('c'), image_file: kept }), {
      copied: [{ from: B, to: copyOf('b'), file: jpeg }],
      failed: [],
    })
    expect(out.image).toBe(copyOf('c'))
    expect(out.image_file).toEqual(kept)
    expect(out.content_html).toContain(copyOf('b'))
    const elsewhere = withCopies(article({ image: C }), { copied: [], failed: [] })
    expect(elsewhere.image_file).toBeUndefined()
  })
})
