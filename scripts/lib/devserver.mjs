// Starts the Worker under `wrangler dev` on a free loopback port with its own KV directory.
// Used by the end-to-end suite and the benchmark.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * `state` names a directory for local KV and Durable Objects that outlives the Worker (a
 * restart test starts a second Worker on it); otherwise a fresh one is made and removed.
 * `host` names the address in `base` and SITE_URL (`localhost` for passkeys, which browsers
 * refuse on an IP address); the Worker listens on 127.0.0.1 either way.
 * @param {{ config?: string, vars?: Record<string, string>, readyPath?: string, stateDir?: string, state?: string, timeoutMs?: number, token?: string, host?: string }} options
 * @returns {Promise<{ base: string, token: string, group: number, stop: () => Promise<void>, log: () => string }>}
 */
export async function startWorker({
  config = 'wrangler.toml',
  vars = {},
  readyPath = '/style.css',
  stateDir = tmpdir(),
  state: kept,
  timeoutMs = 90_000,
  token = randomBytes(24).toString('base64url'),
  host = '127.0.0.1',
} = {}) {
  const port = await freePort()
  // Each workerd also listens for a debugger; several Workers at once need their own ports.
  const inspector = await freePort()
  const base = `http://${host}:${port}`
  const state = kept ?? mkdtempSync(join(stateDir, 'edgefeed-state-'))
  const allVars = { ADMIN_TOKEN: token, SITE_URL: base, ...vars }
  const args = [
    'node_modules/wrangler/bin/wrangler.js',
    'dev',
    '--config',
    config,
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--inspector-port',
    String(inspector),
    '--persist-to',
    state,
    '--show-interactive-dev-session=false',
  ]
  for (const [k, v] of Object.entries(allVars)) args.push('--var', `${k}:${v}`)
  // No .dev.vars: the vars above are the whole configuration, whatever the checkout holds.
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: 'false',
      // There is no network to fetch a sample `request.cf` from: use wrangler's placeholder.
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      CLOUDFLARE_ENV: '',
      CI: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that stopping it stops workerd too, even after a failed start.
    detached: true,
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r))
      process.kill(-child.pid, 'SIGTERM')
      await exited
    }
    try {
      process.kill(-child.pid, 'SIGKILL') // whatever of the group is left
    } catch {
      // the group is gone
    }
    if (!kept) rmSync(state, { recursive: true, force: true })
  }
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break
    try {
      const res = await fetch(base + readyPath)
      if (res.ok) return { base, token, group: child.pid, stop, log: () => output }
    } catch (e) {
      if (process.env.DEBUG_DEVSERVER) console.log(e)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  await stop()
  throw new Error(`wrangler dev did not start on ${base}:\n${output}`)
}

/** How a kept-alive connection the server has closed shows itself to undici. */
const CLOSED = new Set(['UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'EPIPE', 'ECONNRESET'])

/**
 * `fetch`, sent again (twice at most) when the server closed the kept-alive connection just as
 * the request went out (`other side closed`, or `write EPIPE` when the request was being
 * written): wrangler dev drops idle connections, and a step that follows minutes of other
 * work on a loaded machine can meet one.
 */
export async function fetchAgainIfClosed(url, init) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(url, init)
    } catch (error) {
      if (attempt === 2 || !CLOSED.has(error.cause?.code)) throw error
    }
  }
}
