#!/usr/bin/env node
// `npm start`: make sure .dev.vars holds an ADMIN_TOKEN, say how to publish, run wrangler dev.
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { spawn } from 'node:child_process'

const VARS = '.dev.vars'
const PORT = process.env.PORT ?? '8787'

function readToken() {
  if (!existsSync(VARS)) return undefined
  const line = readFileSync(VARS, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('ADMIN_TOKEN='))
  return line?.slice('ADMIN_TOKEN='.length).trim().replace(/^"|"$/g, '') || undefined
}

let token = readToken()
if (!token) {
  token = randomBytes(24).toString('base64url')
  const before = existsSync(VARS) ? readFileSync(VARS, 'utf8').replace(/\n?$/, '\n') : ''
  writeFileSync(VARS, `${before === '\n' ? '' : before}ADMIN_TOKEN=${token}\n`, { mode: 0o600 })
  console.log(`Created ${VARS} with a new random ADMIN_TOKEN.`)
}

const base = `http://127.0.0.1:${PORT}`
const desk = `http://localhost:${PORT}`
console.log(`
edgefeed is starting on ${base} (KV is kept on disk in .wrangler/state).

Admin token: ${token}

Publish an article:

  curl -X POST ${base}/api/articles \\
    -H 'Authorization: Bearer ${token}' \\
    -H 'Content-Type: application/json' \\
    -d '{"title":"Hello, edgefeed","content_markdown":"My **first** article.","tags":["news"]}'

Then read it at ${base}/ , ${base}/feed.xml , ${base}/atom.xml or ${base}/feed.json

The browser desk: ${desk}/desk/
(at localhost, not 127.0.0.1: browsers refuse passkeys on an IP address). Give a publisher
a one-time link that registers their passkey (docs/desk.md):

  curl -X POST ${desk}/api/publishers -H 'Authorization: Bearer ${token}' \\
    -H 'Content-Type: application/json' -d '{"name":"city-desk"}'
  curl -X POST ${desk}/api/publishers/city-desk/enrolments -H 'Authorization: Bearer ${token}'
`)

const child = spawn(
  process.execPath,
  [
    'node_modules/wrangler/bin/wrangler.js',
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    PORT,
    ...process.argv.slice(2),
  ],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: 'false',
      // There is no network to fetch a sample `request.cf` from: use wrangler's placeholder.
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    },
  },
)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
