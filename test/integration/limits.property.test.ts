/**
 * Property-based, at the edges of the write path's limits: nesting depths and sizes drawn just
 * under and just over each limit (HTML depth and elements, Markdown depth, JSON depth). Under:
 * stored, and the stored HTML well-formed (an HTML5 parser reads it back to itself). Over: 400
 * naming the field, and nothing stored. `npm run fuzz` runs more of them with a random seed.
 */
import { reset } from 'cloudflare:test'
import fc from 'fast-check'
import { parseFragment, serialize } from 'parse5'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { LIMITS } from '../../src/articles/limits'
import { ADMIN_TOKEN, client, kvSnapshot } from '../helpers'

const RUNS = Math.max(20, Math.round(inject('fuzzRuns') / 50))
const SEED = inject('fuzzSeed')
console.info(
  `limits.property.test.ts: ${RUNS} runs, seed ${SEED} (replay: FUZZ_SEED=${SEED} npm run fuzz)`,
)

afterAll(() => reset())

/** Within a few levels of `limit`, either side. */
const near = (limit: number) => fc.integer({ min: limit - 3, max: limit + 3 })

/** Elements that nest in HTML5 without closing one another, allowed or not. */
const nestingTag = fc.constantFrom('div', 'span', 'b', 'i', 'em', 'blockquote', 'section', 'font')

interface Case {
  /** The JSON body sent. */
  body: string
  /** Within every limit, so it must be stored. */
  fits: boolean
  /** The field a refusal names. */
  pointer: string
}

const htmlDepth = near(LIMITS.htmlDepth).chain((depth) =>
  fc.array(nestingTag, { minLength: depth, maxLength: depth }).map((tags): Case => ({
    body: JSON.stringify({ title: 'Deep', content_html: tags.map((t) => `<${t}>`).join('') + 'x' }),
    fits: depth <= LIMITS.htmlDepth,
    pointer: '/content_html',
  })),
)

const htmlElements = near(LIMITS.htmlElements).map((count): Case => ({
  body: JSON.stringify({ title: 'Many', content_html: '<b>x</b>'.repeat(count) }),
  fits: count <= LIMITS.htmlElements,
  pointer: '/content_html',
}))

/** A quote is one level, a list item two (list and item), the paragraph inside one more. */
const markdownDepth = fc
  .array(fc.constantFrom('> ', '- '), { minLength: 8, maxLength: LIMITS.markdownDepth + 2 })
  .map((prefixes): Case => {
    const depth = prefixes.reduce((sum, p) => sum + (p === '> ' ? 1 : 2), 1)
    return {
      body: JSON.stringify({ title: 'Nested', content_markdown: prefixes.join('') + 'x' }),
      fits: depth <= LIMITS.markdownDepth,
      pointer: '/content_markdown',
    }
  })

/** JSON can not nest in a valid article, so only the kind of refusal tells the limit apart. */
const jsonDepth = near(LIMITS.jsonDepth).map((depth): Case => ({
  body: `{"title":"t","content_text":"x","authors":${'['.repeat(depth)}${']'.repeat(depth)}}`,
  // The body's own object is the first level.
  fits: depth + 1 <= LIMITS.jsonDepth,
  pointer: '/authors',
}))

const reparsed = (html: string) => serialize(parseFragment(html))

describe(
  `${RUNS} articles at the limits (seed ${SEED})`,
  { timeout: 60_000 + RUNS * 2_000 },
  () => {
    const c = client()
    // PUT under a fresh id: equal cases drawn twice must not meet as a 409.
    const put = (body: string) =>
      c.fetch(`/api/articles/case-${crypto.randomUUID()}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
        body,
      })

    it('are stored well-formed when within every limit, else refused with nothing stored', async () => {
      const cases = fc.sample(
        fc.oneof(
          { weight: 4, arbitrary: htmlDepth },
          { weight: 4, arbitrary: markdownDepth },
          { weight: 2, arbitrary: jsonDepth },
          { weight: 1, arbitrary: htmlElements },
        ),
        { numRuns: RUNS, seed: SEED },
      )
      const seen = { stored: 0, refused: 0 }
      for (const { body, fits, pointer } of cases) {
        const before = await kvSnapshot()
        const res = await put(body)
        const answer = await res.json<any>()
        const isJson = pointer === '/authors'
        if (fits && !isJson) {
          expect(res.status, JSON.stringify(answer.errors)).toBe(201)
          expect(reparsed(answer.content_html)).toBe(answer.content_html)
          seen.stored++
          continue
        }
        expect(res.status).toBe(400)
        expect(await kvSnapshot()).toEqual(before)
        seen.refused++
        const nestingRefusal = answer.errors.some(
          (e: { pointer: string; detail: string }) =>
            e.pointer === pointer && /nest|more than/.test(e.detail),
        )
        // An article nested just within the JSON limit is still refused, by the schema.
        expect(nestingRefusal, JSON.stringify(answer.errors)).toBe(!fits)
      }
      // Both sides of the limits came up.
      expect(seen.stored).toBeGreaterThan(0)
      expect(seen.refused).toBeGreaterThan(0)
    })
  },
)
