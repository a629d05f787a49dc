import { cloudflareTest } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

// Tests publish with this token; the real one lives in .dev.vars or a Worker secret. wrangler
// reads the secrets wrangler.toml requires from the environment.
process.env.ADMIN_TOKEN = 'test-admin-token'

/**
 * Lines the runtime and wrangler print that are not findings, kept out of the test output so
 * that what remains matters:
 * - wrangler saying where it found ADMIN_TOKEN (here, above);
 * - workerd noting that an alarm due in the past ran: the tests move the clock, and run the
 *   coordinator's alarm themselves, as the runtime would.
 */
const NOISE = [/^Using secrets defined in process\.env/, /^NOSENTRY SQLite alarm overdue/]

for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream)
  stream.write = function (...args: Parameters<typeof write>) {
    const text = String(args[0]).replace(/\x1b\[[0-9;]*m/g, '')
    return NOISE.some((line) => line.test(text)) || write(...args)
  } as typeof stream.write
}

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        bindings: { SITE_URL: 'https://news.example.org' },
        // There is no network: the only outside party the Worker calls, a WebSub hub, is
        // played here. `http://hub.test/down` refuses every ping; other paths accept them.
        outboundService: (request: Request) => {
          const url = new URL(request.url)
          if (url.hostname !== 'hub.test')
            return new Response('no network in tests', { status: 502 })
          return new Response(null, { status: url.pathname === '/down' ? 503 : 204 })
        },
      },
    }),
  ],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    // Property-based tests: a fixed seed and few runs in `npm test`, many runs and a random
    // seed in `npm run fuzz` (scripts/fuzz.mjs).
    provide: {
      fuzzRuns: Number(process.env.FUZZ_RUNS ?? 300),
      fuzzSeed: Number(process.env.FUZZ_SEED ?? 20261128),
      // Writes in flight at once in the coordinator's randomised test.
      concurrentWrites: Number(process.env.FUZZ_WRITES ?? 200),
    },
  },
})
