import { describe, expect, it } from 'vitest'
import { rehostStatus } from '../../src/media/rehost'

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
