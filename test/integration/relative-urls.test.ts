/**
 * Relative links and images in what a publisher sends: absolute in what is stored and served,
 * or, with no base to resolve them against, dropped and said so in the write's answer.
 */
import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { client, settleDesk } from '../helpers'

afterEach(() => reset())

const article = {
  id: 'storm',
  title: 'Storm warning lifted',
  content_html:
    '<p>See <a href="/weather/warnings">current warnings</a>.</p><p><img src="radar.png" alt="Radar"></p>',
}

describe('relative URLs in content', () => {
  it('are made absolute against base_url, which is not stored', async () => {
    const c = client()
    const res = await c.post({ ...article, base_url: 'https://news.example.com/weather/today' })
    expect(res.status).toBe(201)
    const stored = await res.json<any>()
    expect(stored.content_html).toBe(
      '<p>See <a href="https://news.example.com/weather/warnings" rel="noopener noreferrer nofollow">current warnings</a>.</p><p><img src="https://news.example.com/weather/radar.png" alt="Radar"></p>',
    )
    expect(stored).not.toHaveProperty('warnings')
    expect(stored).not.toHaveProperty('base_url')
    await settleDesk()
    const feed = await (await c.get('/feed.json')).json<any>()
    expect(feed.items[0].content_html).toBe(stored.content_html)
  })

  it('without a base, are dropped and listed in the answer, also when it is replayed', async () => {
    const c = client()
    const headers = { 'Idempotency-Key': 'storm-1' }
    const res = await c.post(article, headers)
    expect(res.status).toBe(201)
    const answer = await res.json<any>()
    expect(answer.content_html).toBe('<p>See <a>current warnings</a>.</p><p></p>')
    expect(answer.warnings).toEqual([
      expect.objectContaining({ pointer: '/content_html', urls: ['radar.png'] }),
      expect.objectContaining({ pointer: '/content_html', urls: ['/weather/warnings'] }),
    ])
    const replay = await c.post(article, headers)
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true')
    expect((await replay.json<any>()).warnings).toEqual(answer.warnings)
    // They are about the write, not the article.
    const read = await (await c.api('/api/articles/storm')).json<any>()
    expect(read).not.toHaveProperty('warnings')
  })

  it("are resolved against the article's url on a replace, which answers 200 without warnings", async () => {
    const c = client()
    await c.post(article)
    const res = await c.put('storm', { ...article, url: 'https://origin.example/weather/storm' })
    expect(res.status).toBe(200)
    const stored = await res.json<any>()
    expect(stored.content_html).toContain('<img src="https://origin.example/weather/radar.png"')
    expect(stored).not.toHaveProperty('warnings')
  })
})
