import { cloudflareTest } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.toml' },
      // Tests publish with this token; the real one lives in .dev.vars or a Worker secret.
      miniflare: {
        bindings: { ADMIN_TOKEN: 'test-admin-token', SITE_URL: 'https://news.example.org' },
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
    },
    // sanitize-html pulls in postcss, whose CommonJS require of nanoid the module runner cannot
    // resolve; pre-bundling it the way wrangler's esbuild does makes tests load what ships.
    deps: { optimizer: { ssr: { enabled: true, include: ['sanitize-html'] } } },
  },
})
