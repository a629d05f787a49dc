// Starts a Worker in Miniflare directly: the bundle `wrangler deploy --dry-run` writes, with
// the bindings its wrangler.toml declares, and none of `wrangler dev`'s proxy in front.
// The benchmark uses it (BENCH_RUNTIME=miniflare) to measure the Worker without that proxy.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Miniflare } from 'miniflare'
import { unstable_getMiniflareWorkerOptions } from 'wrangler'
import { freePort } from './devserver.mjs'
import { processes } from './processes.mjs'

/** The workerd processes this Node process has started. */
function workerdChildren() {
  return new Set(
    processes()
      .filter((p) => p.name === 'workerd' && p.ppid === process.pid)
      .map((p) => p.pid),
  )
}

/**
 * @param {{ config?: string, vars?: Record<string, string>, stateDir?: string }} options
 * @returns {Promise<{ base: string, token: string, pids: number[], stop: () => Promise<void> }>}
 */
export async function startMiniflare({ config = 'wrangler.toml', vars = {}, stateDir = tmpdir() }) {
  const state = mkdtempSync(join(stateDir, 'edgefeed-state-'))
  const bundle = join(state, 'bundle')
  const build = spawnSync(
    process.execPath,
    [
      'node_modules/wrangler/bin/wrangler.js',
      'deploy',
      '--dry-run',
      '--config',
      config,
      '--outdir',
      bundle,
    ],
    { env: { ...process.env, WRANGLER_SEND_METRICS: 'false' }, encoding: 'utf8' },
  )
  if (build.status !== 0) throw new Error(`could not bundle ${config}:\n${build.stderr}`)
  // The bundle is named after the entry point (index.js, baseline-worker.js...).
  const script = readdirSync(bundle).find((f) => f.endsWith('.js'))
  const { workerOptions } = unstable_getMiniflareWorkerOptions(config)
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const token = randomBytes(24).toString('base64url')
  const before = workerdChildren()
  const mf = new Miniflare({
    ...workerOptions,
    modules: true,
    modulesRoot: bundle,
    scriptPath: join(bundle, script),
    kvPersist: join(state, 'kv'),
    cachePersist: join(state, 'cache'),
    host: '127.0.0.1',
    port,
    bindings: { ...workerOptions.bindings, ADMIN_TOKEN: token, SITE_URL: base, ...vars },
  })
  await mf.ready
  const pids = [...workerdChildren()].filter((pid) => !before.has(pid))
  return {
    base,
    token,
    pids,
    stop: async () => {
      await mf.dispose()
      rmSync(state, { recursive: true, force: true })
    },
  }
}
