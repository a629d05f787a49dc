#!/usr/bin/env node
// `npm run fuzz`: the property-based tests with many more runs and a random seed, chosen here
// (a shell's $RANDOM is empty under sh) and printed before and after, so a failure can be
// replayed exactly. FUZZ_SEED and FUZZ_RUNS override; arguments pick other test files.
import { spawnSync } from 'node:child_process'
import { randomInt } from 'node:crypto'

const FILES = [
  'test/integration/property.test.ts',
  'test/integration/limits.property.test.ts',
  'test/integration/tagging.property.test.ts',
  'test/integration/writes.property.test.ts',
  'test/unit/summary.property.test.ts',
  'test/unit/import.property.test.ts',
]
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : randomInt(2 ** 31)
const runs = Number(process.env.FUZZ_RUNS ?? 10_000)
if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(runs) || runs < 1) {
  throw new Error('FUZZ_SEED and FUZZ_RUNS must be whole numbers')
}
const files = process.argv.length > 2 ? process.argv.slice(2) : FILES
const replay = `FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz`
console.log(`fuzz: seed ${seed}, ${runs} runs; replay with: ${replay}`)
const vitest = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...files], {
  stdio: 'inherit',
  // The coordinator's randomised test takes 1,000 writes in flight at once (200 in npm test).
  env: {
    ...process.env,
    FUZZ_SEED: String(seed),
    FUZZ_RUNS: String(runs),
    FUZZ_WRITES: process.env.FUZZ_WRITES ?? '1000',
  },
})
console.log(
  `fuzz: seed ${seed} ${vitest.status === 0 ? 'passed' : 'FAILED'}; replay with: ${replay}`,
)
process.exit(vitest.status ?? 1)
