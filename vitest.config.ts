import { cloudflareTest } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.toml' },
      // Tests publish with this token; the real one lives in .dev.vars or a Worker secret.
      miniflare: {
        bindings: { ADMIN_TOKEN: 'test-admin-token', SITE_URL: 'https://news.example.org' },
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
    // Property-based tests: a fixed seed in `npm test`, more and random runs in `npm run fuzz`.
    provide: {
      fuzzRuns: Number(process.env.FUZZ_RUNS ?? 1000),
      fuzzSeed: Number(process.env.FUZZ_SEED ?? 20261128),
      // Writes in flight at once in the coordinator's randomised test.
      concurrentWrites: Number(process.env.FUZZ_WRITES ?? 200),
    },
  },
})
