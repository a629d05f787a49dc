import fc from 'fast-check'
import { describe, expect, inject, it } from 'vitest'
import { deriveSummary, flatten, wholeTextSummary } from '../../src/articles/summary'
import { isMostlyCjk } from '../../src/articles/text'

// A fixed seed in `npm test`, a random one in `npm run fuzz`; printed so a failure can be replayed.
const SEED = inject('fuzzSeed')
console.info(`summary.property.test.ts: seed ${SEED} (replay: FUZZ_SEED=${SEED} npm run fuzz)`)

const graphemes = (s: string) =>
  [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)].map((g) => g.segment)

/** Text built from whole graphemes, with the shapes that break naive cutting. */
const tricky = fc.constantFrom(
  '👨‍👩‍👧‍👦',
  '🇹🇼',
  '👍🏽',
  '1️⃣',
  'e\u0301',
  '각',
  '𠀋',
  '經',
  '。',
  '！',
  '.',
  ' ',
  '\n',
  'a',
  'word ',
)
const text = fc
  .array(fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 400 })
  .map((parts) => parts.join(''))

describe('derived summaries (property-based)', () => {
  it('are always whole graphemes from the start of the text, plus at most an ellipsis', () => {
    fc.assert(
      fc.property(text, (input) => {
        const summary = deriveSummary(input)
        const body =
          summary.endsWith('…') && !flatten(input).startsWith(summary)
            ? summary.slice(0, -1)
            : summary
        expect(summary.isWellFormed()).toBe(true)
        const whole = graphemes(flatten(input))
        const cut = graphemes(body.trimEnd())
        expect(whole.slice(0, cut.length)).toEqual(cut)
      }),
      { seed: SEED, numRuns: 2000 },
    )
  })

  it('stay short: about 120 CJK characters or 50 words', () => {
    fc.assert(
      fc.property(text, (input) => {
        const summary = deriveSummary(input)
        const words = [
          ...new Intl.Segmenter(undefined, { granularity: 'word' }).segment(summary),
        ].filter((w) => w.isWordLike)
        if (isMostlyCjk(flatten(input))) expect(graphemes(summary).length).toBeLessThanOrEqual(121)
        else expect(words.length).toBeLessThanOrEqual(50)
      }),
      { seed: SEED, numRuns: 500 },
    )
  })

  it('of long texts are those of the whole text, though cut from their beginning', () => {
    // Past 16,000 UTF-16 units a summary is cut from a sample; repeated random text makes
    // inputs from 16,000 to 60,000 units long, with tricky graphemes at the sample's edge.
    const long = fc
      .tuple(text, fc.integer({ min: 16_000, max: 60_000 }))
      .filter(([t]) => t.length > 0)
      .map(([t, size]) => t.repeat(Math.ceil(size / t.length)).slice(0, size))
    fc.assert(
      fc.property(long, (input) => {
        fc.pre(isMostlyCjk(input) === isMostlyCjk(input.slice(0, 16_000)))
        expect(deriveSummary(input)).toBe(wholeTextSummary(input))
      }),
      { seed: SEED, numRuns: 200 },
    )
  })
})
