/**
 * Ids derived from the text: a second post of the same article is refused (409), and another
 * article whose id comes out the same (24 bits of hash alike, after a date for a title of Han
 * characters or punctuation alone) gets a suffix instead of a refusal, without any existing
 * id changing.
 */
import { reset, runInDurableObject } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { idForContent } from '../../src/articles/ids'
import { client, desk, publish, settleDesk } from '../helpers'

afterEach(() => reset())

const published = '2024-03-01T08:00:00+08:00'
const content_text = '經開區昨日舉辦創新論壇，逾百家企業參與。'
const article = (title: string) => ({ title, content_text, published })

/** Two different titles whose derived ids are the same: a search over `快訊 {n}`. */
async function collidingTitles(): Promise<[string, string, string]> {
  const seen = new Map<string, string>()
  for (let n = 0; n < 100_000; n++) {
    const title = `快訊 ${n}`
    const { id } = await idForContent(article(title), published, 0, 'UTC')
    const other = seen.get(id)
    if (other !== undefined) return [other, title, id]
    seen.set(id, title)
  }
  throw new Error('no two titles collide')
}

describe('an id derived from the text', () => {
  it('is taken by the first article; another whose id comes out the same gets a suffix', async () => {
    const [first, second, id] = await collidingTitles()
    expect(id).toMatch(/^2024-03-01-[0-9a-f]{6}$/)
    const c = client()
    expect((await publish(c, article(first))).id).toBe(id)
    const other = await c.post(article(second))
    expect(other.status).toBe(201)
    expect((await other.json<any>()).id).toBe(`${id}-2`)
    await settleDesk()
    // Each article posted again is the duplicate it is, under its own id.
    for (const [title, held] of [
      [first, id],
      [second, `${id}-2`],
    ]) {
      const again = await c.post(article(title!))
      expect(again.status, title).toBe(409)
      expect((await again.json<any>()).detail, title).toContain(`"${held}"`)
    }
    expect((await (await c.api(`/api/articles/${id}`)).json<any>()).title).toBe(first)
    expect((await (await c.api(`/api/articles/${id}-2`)).json<any>()).title).toBe(second)
  })

  it('tells an article stored before fingerprints were kept by its title', async () => {
    const [first, second, id] = await collidingTitles()
    const c = client()
    await publish(c, article(first))
    await runInDurableObject(desk(), (_, state) => {
      state.storage.sql.exec('DELETE FROM derived_ids')
    })
    expect((await c.post(article(first))).status).toBe(409)
    const other = await c.post(article(second))
    expect(other.status).toBe(201)
    expect((await other.json<any>()).id).toBe(`${id}-2`)
  })

  it('keeps 409 for an id a publisher chose, sent again', async () => {
    const c = client()
    await publish(c, { id: 'chosen', ...article('Chosen') })
    expect((await c.post({ id: 'chosen', ...article('Another') })).status).toBe(409)
  })
})
