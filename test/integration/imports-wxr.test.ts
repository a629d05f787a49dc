/**
 * A WordPress export arrives through the media upload: sniffed from its bytes, kept in R2
 * apart from media (never served, never shown), in one request or in parts, and read by the
 * import from the URL the upload gave; anything else is refused with nothing stored.
 */
import { env } from 'cloudflare:workers'
import { reset, type WorkflowIntrospector } from 'cloudflare:test'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, client, SITE, storeSnapshot } from '../helpers'
import { OLD_SITE, wordpressExport, wxrGuid } from '../support/archives'
import { readImport, runEnds, startImport, uploadExport, watchImports } from '../support/imports'
import { publisherToken, r2Snapshot, upload } from '../support/media'

let watcher: WorkflowIntrospector

beforeEach(async () => {
  await reset()
  watcher = await watchImports()
})
afterEach(() => watcher.dispose())

const MiB = 1024 * 1024
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` }
const everything = async () => ({ r2: await r2Snapshot(), ...(await storeSnapshot()) })

/** The ids of the site's articles, from its JSON Feed. */
async function feedIds(): Promise<string[]> {
  const feed = await (await client(null).get('/feed.json?limit=100')).json<any>()
  return feed.items.map((i: { id: string }) => i.id)
}

/** Starts an upload in parts; answers its name. */
async function startParts(): Promise<string> {
  const res = await client().fetch('/api/media/uploads', { method: 'POST', headers: auth })
  expect(res.status).toBe(201)
  return (await res.json<{ upload: string }>()).upload
}

/** Sends `bytes` in parts of 5 MiB through the API; answers the parts. */
async function sendParts(upload: string, bytes: Uint8Array) {
  const parts = []
  for (let at = 0, n = 1; at < bytes.length; at += 5 * MiB, n++) {
    const chunk = bytes.subarray(at, at + 5 * MiB)
    const res = await client().fetch(`/api/media/uploads/${upload}/${n}`, {
      method: 'PUT',
      headers: { ...auth, 'Content-Length': String(chunk.length) },
      body: chunk,
    })
    expect(res.status).toBe(200)
    parts.push(await res.json<{ part: number; etag: string }>())
  }
  return parts
}

/** An export's R2 key: its SHA-256's prefix and 128 random bits. */
const exportName = (sha256: string) => new RegExp(`^exports/${sha256}/[0-9a-f]{32}$`)

describe('a WordPress export through the media upload', () => {
  it('is stored apart from media, given out at the API, and imported from that URL', async () => {
    const xml = wordpressExport(6)
    const url = await uploadExport(xml)
    const key = url.slice(`${SITE}/api/media/`.length)
    expect(url).toMatch(/\/api\/media\/[0-9a-f]{64}$/)
    // Kept under exports/, never at the root that /media/ and R2's public domain serve, and
    // under a name the URL does not give, so R2's public domain cannot be asked for it.
    const stored = await r2Snapshot()
    expect(Object.keys(stored)).toEqual([expect.stringMatching(exportName(key))])
    expect(Object.values(stored)).toEqual([new TextEncoder().encode(xml).length])
    expect((await client(null).get(`/media/${key}`)).status).toBe(404)
    // The same export sent again is the same object.
    const resent = await client().fetch('/api/media', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'text/xml' },
      body: xml,
    })
    expect(resent.status).toBe(200)
    expect(Object.keys(await r2Snapshot())).toEqual(Object.keys(stored))
    const described = await (await client().api(`/api/media/${key}`)).json<any>()
    expect(described).toMatchObject({ type: 'application/rss+xml', uses: 0 })

    const id = await startImport({ wxr: url })
    await runEnds(watcher)
    expect(await readImport(id)).toMatchObject({
      state: 'done',
      counts: { found: 7, imported: 7, refused: 0 },
    })
    expect((await feedIds()).sort()).toEqual([1, 2, 3, 4, 5, 6, 500].map(wxrGuid).sort())

    // Its uploader lets it go: R2 forgets it, and no import can name it any more.
    const deleted = await client().fetch(`/api/media/${key}`, { method: 'DELETE', headers: auth })
    expect(deleted.status).toBe(204)
    expect(await r2Snapshot()).toEqual({})
    const again = await client().json('POST', '/api/imports', { wxr: url })
    expect(again.status).toBe(400)
  })

  it('arrives in parts when it is larger than one request, and imports the same', async () => {
    // A media library of 5,000 attachments makes the export about 6 MiB: two parts.
    const xml = new TextEncoder().encode(wordpressExport(3, { library: 5000 }))
    expect(xml.length).toBeGreaterThan(5 * MiB)
    const upload = await startParts()
    const parts = await sendParts(upload, xml)
    const done = await client().json('POST', `/api/media/uploads/${upload}/complete`, { parts })
    expect(done.status, await done.clone().text()).toBe(201)
    const file = await done.json<{ key: string; url: string; kind: string; size: number }>()
    expect(file).toMatchObject({ kind: 'export', size: xml.length })
    expect(done.headers.get('Location')).toBe(file.url)
    expect(Object.keys(await r2Snapshot())).toEqual([expect.stringMatching(exportName(file.key))])

    const id = await startImport({ wxr: file.url })
    await runEnds(watcher)
    expect(await readImport(id)).toMatchObject({
      state: 'done',
      counts: { found: 4, imported: 4 },
      position: { byte_offset: xml.length, bytes_total: xml.length },
    })
  })

  it('is never shown by an article, and imports only for its uploader (or the admin)', async () => {
    const url = await uploadExport(wordpressExport(2))
    const key = url.slice(`${SITE}/api/media/`.length)
    const before = await everything()
    const shown = await client().json('POST', '/api/articles', {
      title: 'Shows the export',
      content_html: `<p><img src="${SITE}/media/${key}" alt="x"></p>`,
    })
    expect(shown.status).toBe(400)
    expect(JSON.stringify(await shown.json())).toContain('WordPress export')
    expect(await everything()).toEqual(before)
    const bob = await publisherToken('bob')
    const afterBob = await everything()
    const other = await client(bob).json('POST', '/api/imports', { wxr: url })
    expect(other.status).toBe(400)
    expect((await other.json<any>()).errors[0].pointer).toBe('/wxr')
    expect(await everything()).toEqual(afterBob)
    expect(await watcher.get()).toHaveLength(0)
  })
})

describe('featured images', () => {
  it('are the lead images of their posts when their attachments come after them', async () => {
    // 150 posts: the first post is written by the first step, its attachment read by the
    // second, at the end of the file; the second post's attachment follows it at once.
    const url = await uploadExport(wordpressExport(150, { featured: 'after' }))
    const id = await startImport({ wxr: url })
    await runEnds(watcher)
    expect((await readImport(id)).counts).toMatchObject({ found: 151, imported: 151 })
    const article = async (post: number) => {
      const moved = await client(null).get(`/harbour-phase-${post}/`)
      const path = new URL(moved.headers.get('Location')!).pathname
      return (await client().api(`/api/${path.slice(1)}`)).json<{ image?: string }>()
    }
    expect((await article(1)).image).toBe(`${OLD_SITE}/wp-content/uploads/2017/03/harbour.jpg`)
    expect((await article(2)).image).toBe(`${OLD_SITE}/wp-content/uploads/2017/03/pier.jpg`)
    expect((await article(3)).image).toBeUndefined()
    // Readers see it too: the lead was written through the coordinator to KV.
    const feed = await (await client(null).get('/feed.json?limit=100')).json<any>()
    const next = await (
      await client(null).get(new URL(feed.next_url).pathname + new URL(feed.next_url).search)
    ).json<any>()
    const first = next.items.find((i: { id: string }) => i.id === wxrGuid(1))
    expect(first.image).toBe(`${OLD_SITE}/wp-content/uploads/2017/03/harbour.jpg`)
  })
})

describe('the upload refuses, storing nothing', () => {
  it('XML that is not a WordPress export, whatever it is called', async () => {
    const before = await everything()
    const cases = [
      // A feed: RSS, but without WXR's namespace.
      '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>x</title></channel></rss>',
      // WXR's namespace declared on a root that is not rss.
      '<?xml version="1.0"?><feed xmlns:wp="http://wordpress.org/export/1.2/"></feed>',
      // The namespace named in a comment, not declared.
      '<?xml version="1.0"?><!-- http://wordpress.org/export/1.2/ --><rss version="2.0"></rss>',
      // An export in another encoding than UTF-8.
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss xmlns:wp="http://wordpress.org/export/1.2/"></rss>',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    ]
    for (const xml of cases) {
      for (const type of ['text/xml', 'application/rss+xml', 'application/octet-stream']) {
        const res = await upload(new TextEncoder().encode(xml), type)
        expect(res.status, `${type}: ${xml}`).toBe(415)
        expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
      }
    }
    // A real export sent as a photo: a lie about the bytes.
    const lie = await upload(new TextEncoder().encode(wordpressExport(1)), 'image/jpeg')
    expect(lie.status).toBe(415)
    expect(await everything()).toEqual(before)
  })

  it('an export over its own limit, with 413 naming it, its parts deleted', async () => {
    const upload = await startParts()
    // Its parts go straight to R2 (the API's part upload is tested above): 512 MiB and a byte.
    const [owner, id, uploadId] = JSON.parse(
      atob(upload.replace(/-/g, '+').replace(/_/g, '/')),
    ) as string[]
    const parts = env.MEDIA.resumeMultipartUpload(`uploads/${owner}/${id}`, uploadId!)
    const part = new Uint8Array(128 * MiB).fill(0x20)
    part.set(new TextEncoder().encode(wordpressExport(1)))
    const sent = []
    for (let n = 1; n <= 4; n++) sent.push(await parts.uploadPart(n, part))
    sent.push(await parts.uploadPart(5, new TextEncoder().encode('\n')))
    const before = await storeSnapshot()
    const res = await client().json('POST', `/api/media/uploads/${upload}/complete`, {
      parts: sent.map((p) => ({ part: p.partNumber, etag: p.etag })),
    })
    expect(res.status).toBe(413)
    expect((await res.json<any>()).detail).toMatch(
      /\(export\) may be at most 512 MiB \(536870912 bytes\); this one is 536870913 bytes/,
    )
    expect(await r2Snapshot()).toEqual({})
    expect(await storeSnapshot()).toEqual(before)
  })
})
