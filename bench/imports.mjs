// The archive import's throughput against publishing the same items one by one through the
// API, in the same run (npm run bench). The old site is a local HTTP server serving an RSS
// archive over RFC 5005 pages of 100 items (test/support/archives.ts), listed in the Worker's
// IMPORT_ALLOW_HOSTS; IMPORT_PAUSE_SECONDS is 0, so the pause between pages that an import
// keeps on a real site is left out and the import's own work is measured.
import { createServer } from 'node:http'
import { rssArchive, story } from '../test/support/archives.ts'

/** Serves an archive of `count` stories; resolves once listening. */
export async function archiveServer(count) {
  let docs = new Map()
  const server = createServer((req, res) => {
    const doc = docs.get(req.url ?? '')
    res.writeHead(doc ? 200 : 404, { 'Content-Type': 'application/xml' })
    res.end(doc ?? 'no such page')
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
  const base = `http://127.0.0.1:${port}`
  docs = rssArchive(count, 100, base)
  return {
    host: `127.0.0.1:${port}`,
    source: `${base}/feed.xml`,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

/** Items per second of an import of `source`, from the request to the job's end. */
export async function importThroughput(worker, source) {
  const auth = { Authorization: `Bearer ${worker.token}` }
  const started = performance.now()
  const res = await fetch(`${worker.base}/api/imports`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ source }),
  })
  if (res.status !== 202) throw new Error(`import refused: ${res.status} ${await res.text()}`)
  const location = res.headers.get('Location')
  for (;;) {
    await new Promise((r) => setTimeout(r, 50))
    const job = await (await fetch(`${worker.base}${location}`, { headers: auth })).json()
    if (job.state === 'done') {
      const seconds = (performance.now() - started) / 1000
      return { items: job.counts.imported, seconds, perSecond: job.counts.imported / seconds }
    }
    if (job.state !== 'queued' && job.state !== 'running') {
      throw new Error(`import ended ${job.state}: ${job.error ?? ''}`)
    }
  }
}

/** Items per second publishing the same stories one at a time through the API. */
export async function oneByOneThroughput(worker, count) {
  const started = performance.now()
  for (let n = 1; n <= count; n++) {
    const s = story(n)
    const res = await fetch(`${worker.base}/api/articles`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${worker.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: s.title,
        content_html: s.html,
        published: s.rfc3339,
        authors: [{ name: s.author }],
        tags: [s.category],
      }),
    })
    if (res.status !== 201) throw new Error(`publish failed: ${res.status} ${await res.text()}`)
  }
  const seconds = (performance.now() - started) / 1000
  return { items: count, seconds, perSecond: count / seconds }
}
