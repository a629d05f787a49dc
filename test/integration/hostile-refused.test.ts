// The hostile corpus's `refused` articles, each just over a limit of the write path: answered
// 400 naming the field, with nothing stored. Their twins just under each limit are among the
// corpus's articles, which hostile.test.ts publishes and reads back through every feed.
import { reset } from 'cloudflare:test'
import { afterAll, describe, expect, it } from 'vitest'
import raw from '../corpus/hostile.json?raw'
import { expandArticle } from '../corpus/expand.mjs'
import { client, kvSnapshot } from '../helpers'

const corpus = JSON.parse(raw) as {
  refused: { pointer: string; article: Record<string, unknown> & { title: string } }[]
}
const c = client()
afterAll(() => reset())

describe('the hostile corpus, just over each limit', () => {
  it('has a refused article for every limit', () => {
    expect(corpus.refused.length).toBeGreaterThanOrEqual(5)
  })

  for (const { pointer, article } of corpus.refused) {
    it(`refuses "${article.title}" with 400 naming ${pointer}, storing nothing`, async () => {
      await c.put('kept', { title: 'Already here', content_text: 'x' })
      const before = await kvSnapshot()
      const res = await c.post(expandArticle(article))
      expect(res.status).toBe(400)
      const problem = await res.json<any>()
      expect(problem.errors.map((e: { pointer: string }) => e.pointer)).toEqual([pointer])
      expect(problem.detail).toMatch(/nothing was stored|see errors/)
      expect(await kvSnapshot()).toEqual(before)
    })
  }
})
