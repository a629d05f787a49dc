import { env } from 'cloudflare:workers'
import { createExecutionContext, reset, waitOnExecutionContext } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { benchArticle } from '../../bench/fixtures.mjs'
import floor from '../../bench/floor-worker'
import { readMemo } from '../../src/version-memo'
import { client, publish } from '../helpers'

afterEach(() => reset())

/** Every KV key with the article id left out, and the length of each value. */
async function stored() {
  const { keys } = await env.ARTICLES.list()
  const out: { kind: string; length: number }[] = []
  for (const { name } of keys) {
    // `article:{id}`, `index:all:{rev}:{id}`, `index:tag:{fold}:{rev}:{id}`, `meta:version`
    const kind = name.startsWith('meta:') ? name : name.slice(0, name.lastIndexOf(':'))
    out.push({ kind, length: ((await env.ARTICLES.get(name)) ?? '').length })
  }
  return out.sort((a, b) => a.kind.localeCompare(b.kind))
}

// The benchmark reads the publish against this Worker, so it must store what a publish stores.
describe('the benchmark storage floor', () => {
  it('writes the keys a publish writes, with values of the same size, and the memo', async () => {
    const input = benchArticle(3)
    const c = client()
    await publish(c, input)
    const published = await stored()
    expect(await readMemo(c.origin)).toBeDefined()
    await reset()

    const origin = `https://floor-${crypto.randomUUID().slice(0, 8)}.test`
    const ctx = createExecutionContext()
    const res = await floor.fetch(
      new Request(`${origin}/api/articles`, { method: 'POST', body: JSON.stringify(input) }),
      { ARTICLES: env.ARTICLES },
      ctx,
    )
    await waitOnExecutionContext(ctx)
    expect(res.status).toBe(201)
    const floored = await stored()
    expect(await readMemo(origin)).toBeDefined()

    // article, the site index, one key per tag listing (two here) and the version
    expect(floored.map((k) => k.kind)).toEqual(published.map((k) => k.kind))
    expect(published.map((k) => k.kind).filter((k) => k.startsWith('index:tag:'))).toHaveLength(2)
    const article = (keys: typeof published) => keys.find((k) => k.kind === 'article')!.length
    expect(article(floored) / article(published)).toBeGreaterThan(0.8)
    expect(article(floored) / article(published)).toBeLessThan(1.25)
  })
})
