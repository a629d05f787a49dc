// Articles the write path refuses: each answer names the field and says why, and nothing is
// stored (KV compared before and after).
import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { client, kvSnapshot, publish } from '../helpers'

const c = client()

afterEach(() => reset())

/** Posts `article`, expecting 400; returns the problem, having checked that KV did not change. */
async function refused(article: Record<string, unknown>) {
  // Something stored, so that "nothing changed" is not trivially true.
  await c.put('kept', { title: 'Already here', content_text: 'x' })
  const before = await kvSnapshot()
  const res = await c.post(article)
  expect(res.status).toBe(400)
  expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
  const problem = await res.json<any>()
  expect(await kvSnapshot()).toEqual(before)
  return problem
}

describe('tags', () => {
  it('"." and ".." are refused: /tags/.. is / and /tags/. is /tags/', async () => {
    for (const tag of ['.', '..', ' .. ']) {
      const problem = await refused({ title: 'Dots', content_text: 'x', tags: ['ok', tag] })
      expect(problem.errors).toEqual([
        { pointer: '/tags/1', detail: 'must not be "." or "..", which no URL can name' },
      ])
    }
  })

  it('with dots among other characters are kept', async () => {
    const stored = await publish(c, {
      title: 'Dots',
      content_text: 'x',
      tags: ['...', '.net', 'a..b'],
    })
    expect(stored.tags).toEqual(['...', '.net', 'a..b'])
  })
})
