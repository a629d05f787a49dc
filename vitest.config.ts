import { cloudflareTest } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'
import { isolatedConfig } from './scripts/lib/isolated-config.mjs'
import { imageHost, isImageHost } from './test/support/image-hosts.mjs'
import { accessTeam, isAccessTeam } from './test/support/access-teams.mjs'
import { FIXTURE_HOST, serveFixture } from './test/support/fixture-host'

/** The token the tests publish with; the real one lives in .dev.vars or a Worker secret. */
const ADMIN_TOKEN = 'test-admin-token'

// wrangler.toml as the Worker under test sees it, from a folder without the developer's
// .dev.vars (scripts/lib/isolated-config.mjs): only its vars and the bindings below.
const worker = isolatedConfig('wrangler.toml')

/**
 * Two projects: the pure rules in plain Node, and everything that needs the runtime (KV, the
 * Durable Object, queues, routes) in workerd.
 */
export default defineConfig({
  test: {
    // Property-based tests: a fixed seed and few runs in `npm test`, many runs and a random
    // seed in `npm run fuzz` (scripts/fuzz.mjs).
    provide: {
      fuzzRuns: Number(process.env.FUZZ_RUNS ?? 300),
      fuzzSeed: Number(process.env.FUZZ_SEED ?? 20261128),
      // Writes in flight at once in the coordinator's randomised test.
      concurrentWrites: Number(process.env.FUZZ_WRITES ?? 200),
      configuredVars: worker.vars,
    },
    // A timeout catches a hang, never a slow machine: no test is timed.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node' },
      },
      {
        extends: true,
        plugins: [
          cloudflareTest({
            wrangler: { configPath: worker.path },
            miniflare: {
              bindings: {
                ADMIN_TOKEN,
                SITE_URL: 'https://news.example.org',
                IMPORT_ALLOW_HOSTS: FIXTURE_HOST,
              },
              // There is no network: the only outside party the Worker calls, a WebSub hub,
              // is played here. At `http://hub.test/down` it refuses every ping, at `/hang`
              // it never answers, at `/redirect` it sends the ping to another host (which
              // would answer 502); other paths accept them.
              outboundService: (request: Request) => {
                const url = new URL(request.url)
                // DNS and image hosts, for copying images into R2 (test/support/image-hosts.mjs).
                if (isImageHost(url.hostname)) return imageHost(request)
                // Cloudflare Access teams' signing keys (test/support/access-teams.mjs).
                if (isAccessTeam(url.hostname)) return accessTeam(request)
                // The old site an import reads (test/support/fixture-host.ts).
                if (url.host === FIXTURE_HOST) return serveFixture(request)
                if (url.hostname !== 'hub.test')
                  return new Response('no network in tests', { status: 502 })
                if (url.pathname === '/hang') return new Promise<Response>(() => {})
                if (url.pathname === '/redirect') {
                  return new Response(null, {
                    status: 307,
                    headers: { Location: 'http://elsewhere.test:8080/websub' },
                  })
                }
                return new Response(null, { status: url.pathname === '/down' ? 503 : 204 })
              },
            },
          }),
        ],
        test: {
          name: 'workers',
          include: ['test/integration/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup.ts'],
          isolate: false,
        },
      },
    ],
  },
})
