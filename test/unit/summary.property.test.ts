import fc from 'fast-check'
import { describe, expect, inject, it } from 'vitest'
import { deriveSummary, flatten } from '../../src/articles/summary'
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
})
