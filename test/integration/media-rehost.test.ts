/**
 * Images that never break: a write asks for its images from other hosts to be copied into R2;
 * after the answer the queue's consumer fetches them (public hosts only, redirects checked,
 * without a Referer), stores them for the article's publisher and points the article at the
 * copies through the coordinator. The hosts and DNS are played by test/support/image-hosts.mjs.
 */
import { env } from 'cloudflare:workers'
import {
  createExecutionContext,
  createMessageBatch,
  getQueueResult,
  reset,
  runInDurableObject,
} from 'cloudflare:test'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import Site from '../../src/index'
import { fetchImage } from '../../src/media/fetch-image'
import { REHOST_PER_ARTICLE } from '../../src/media/rehost'
import { client, desk, kvSnapshot, settleDesk, SITE } from '../helpers'
import { setTestClock } from '../support/clock'
import { publisherToken, r2Snapshot } from '../support/media'

let sent: unknown[] = []
beforeEach(() => {
  sent = []
  // The queue is run by the test, as the platform would run it: what a write sends is kept.
  vi.spyOn(env.HUB_PINGS, 'send').mockImplementation((body) => {
    sent.push(body)
    return Promise.resolve({ metadata: { metrics: { backlogCount: 0, backlogBytes: 0 } } })
  })
  vi.spyOn(console, 'log').mockImplementation(() => {})
})
afterEach(async () => {
  vi.restoreAllMocks()
  await reset()
})

/** Delivers what was sent, as its `attempts`-th delivery; returns the queue's verdict. */
async function runQueue(attempts = 1) {
  const messages = sent.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts, body }))
  const batch = createMessageBatch('edgefeed-hub-pings', messages as any)
  const ctx = createExecutionContext()
  await new Site(ctx, env).queue(batch as any)
  const result = await getQueueResult(batch, ctx)
  await settleDesk()
  return result
}

const img = (src: string) => `<img src="${src}" alt="">`
const PHOTOS = 'https://photos.img.test'

describe('a write that asks for copies', () => {
  it('answers at once, queued, and copies after the answer', async () => {
    const token = await publisherToken('city-desk')
    const res = await client(token).post({
      id: 'hotlinked',
      title: 'Hotlinked',
      content_html: `<p>Photos:</p>${img(`${PHOTOS}/gps.jpg`)}${img(`${PHOTOS}/moved.jpg`)}`,
      image: `${PHOTOS}/gps.png`,
      photos: [{ url: `${PHOTOS}/gps.png`, alt: 'The harbour' }],
      rehost_images: true,
    })
    expect(res.status).toBe(201)
    const answer = await res.json<any>()
    const images = [`${PHOTOS}/gps.jpg`, `${PHOTOS}/moved.jpg`, `${PHOTOS}/gps.png`]
    // The answer says each image waits, and where to ask how it went.
    expect(answer.rehost).toEqual({
      state: 'queued',
      images,
      results: images.map((url) => ({ url, state: 'pending' })),
      status_url: '/api/articles/hotlinked',
    })
    expect(res.headers.get('Location')).toBe(answer.rehost.status_url)
    expect(sent).toEqual([{ kind: 'rehost', id: 'hotlinked', baseUrl: SITE }])
    expect(await r2Snapshot()).toEqual({})

    expect((await runQueue()).explicitAcks).toEqual(['m0'])
    const article = await (await client(token).api('/api/articles/hotlinked')).json<any>()
    const copies = article.rehost.copied.map((c: any) => c.to)
    expect(article.rehost).toMatchObject({ state: 'done', images: answer.rehost.images })
    expect(article.rehost.failed).toBeUndefined()
    expect(article.rehost.results).toEqual(
      images.map((url, i) => ({ url, state: 'copied', copy: copies[i] })),
    )
    expect(copies.every((u: string) => u.startsWith(`${SITE}/media/`))).toBe(true)
    // The redirect led to the same photo: one file, one key.
    expect(copies[0]).toBe(copies[1])
    expect(Object.keys(await r2Snapshot())).toHaveLength(2)
    expect(article.content_html).toBe(`<p>Photos:</p>${img(copies[0])}${img(copies[0])}`)
    expect(article.image).toBe(copies[2])
    // The lead image, now ours, has the copy's type and size as R2 stores it.
    const leadKey = new URL(copies[2]).pathname.split('/').pop()!
    expect(article.image_file).toEqual({
      mime_type: 'image/png',
      size_in_bytes: (await r2Snapshot())[leadKey],
    })
    const atom = await (await client(null).get('/atom.xml')).text()
    expect(atom).toContain(
      `<link rel="enclosure" type="image/png" href="${copies[2]}" length="${article.image_file.size_in_bytes}"/>`,
    )
    expect(article.photos).toEqual([{ url: copies[2], alt: 'The harbour' }])
    // The copies are the publisher's, stripped of their GPS, and used by the article.
    const mine = await (await client(token).api('/api/media')).json<any>()
    expect(mine.items.map((f: any) => f.uses)).toEqual([1, 1])
    const photo = await client(null).get(new URL(copies[0]).pathname)
    expect(String.fromCharCode(...new Uint8Array(await photo.arrayBuffer()))).not.toMatch(/GPS/)
    // Readers see the copies and never the report.
    const feed = await (await client(null).get('/feed.json')).json<any>()
    expect(feed.items[0].content_html).toContain(copies[0])
    expect(JSON.stringify(await kvSnapshot())).not.toContain('"rehost"')
  })

  it('refuses private, loopback and link-local addresses, and redirects to them, storing nothing', async () => {
    const refused = [
      'http://127.0.0.1/a.jpg',
      'http://[::1]/a.jpg',
      'http://169.254.169.254/latest/meta-data',
      'http://localhost/a.jpg',
      'https://rebind.img.test/a.jpg',
      'https://metadata.img.test/a.jpg',
      `${PHOTOS}/to-loopback.jpg`,
      `${PHOTOS}/to-rebind.jpg`,
      'https://photos.img.test:8080/gps.jpg',
    ]
    await client().post({
      id: 'ssrf',
      title: 'Inside',
      content_html: refused.map(img).join(''),
      rehost_images: true,
    })
    await settleDesk()
    const before = { r2: await r2Snapshot(), media: await mediaRows() }
    await runQueue()
    const article = await (await client().api('/api/articles/ssrf')).json<any>()
    expect(article.rehost.state).toBe('done')
    expect(article.rehost.copied).toBeUndefined()
    const reasons = Object.fromEntries(article.rehost.failed.map((f: any) => [f.url, f.reason]))
    expect(article.rehost.results).toEqual(
      refused.map((url) => ({ url, state: 'failed', reason: reasons[url] })),
    )
    expect(reasons).toEqual({
      'http://127.0.0.1/a.jpg': 'is not fetched: 127.0.0.1 is a loopback address',
      'http://[::1]/a.jpg': 'is not fetched: ::1 is a loopback address',
      'http://169.254.169.254/latest/meta-data':
        'is not fetched: 169.254.169.254 is a linkLocal address',
      'http://localhost/a.jpg': 'is not fetched: localhost is not a public host name',
      'https://rebind.img.test/a.jpg':
        'is not fetched: rebind.img.test resolves to 10.0.0.7: 10.0.0.7 is a private address',
      'https://metadata.img.test/a.jpg':
        'is not fetched: metadata.img.test resolves to 169.254.169.254: 169.254.169.254 is a linkLocal address',
      [`${PHOTOS}/to-loopback.jpg`]:
        'redirected to http://127.0.0.1/x.jpg, which is not fetched: 127.0.0.1 is a loopback address',
      [`${PHOTOS}/to-rebind.jpg`]:
        'redirected to https://rebind.img.test/x.jpg, which is not fetched: rebind.img.test resolves to 10.0.0.7: 10.0.0.7 is a private address',
      'https://photos.img.test:8080/gps.jpg':
        'is not fetched: only ports 80 and 443 are fetched, not 8080',
    })
    expect({ r2: await r2Snapshot(), media: await mediaRows() }).toEqual(before)
  })

  it('reports what is not an image, is missing, or redirects without end', async () => {
    await client().post({
      id: 'broken',
      title: 'Broken',
      content_html: [`${PHOTOS}/page.html`, `${PHOTOS}/missing.jpg`, `${PHOTOS}/loop.jpg`]
        .map(img)
        .join(''),
      rehost_images: true,
    })
    await runQueue()
    const { rehost, content_html } = await (await client().api('/api/articles/broken')).json<any>()
    expect(rehost.failed).toEqual([
      { url: `${PHOTOS}/page.html`, reason: expect.stringMatching(/not one edgefeed stores/) },
      { url: `${PHOTOS}/missing.jpg`, reason: 'answered 404' },
      { url: `${PHOTOS}/loop.jpg`, reason: 'redirects more than 3 times' },
    ])
    // Images that could not be copied stay as they were.
    expect(content_html).toContain(`${PHOTOS}/page.html`)
  })

  it('tries a host that fails for now again, and reports it after the last attempt', async () => {
    await client().post({
      id: 'busy',
      title: 'Busy host',
      content_html: img(`${PHOTOS}/down.jpg`) + img(`${PHOTOS}/gps.jpg`),
      rehost_images: true,
    })
    const first = await runQueue(1)
    expect(first.retryMessages.map((m) => m.msgId)).toEqual(['m0'])
    const waiting = await (await client().api('/api/articles/busy')).json<any>()
    expect(waiting.rehost).toMatchObject({
      state: 'queued',
      copied: [{ from: `${PHOTOS}/gps.jpg` }],
    })
    // The publisher reads which image waits for the next attempt, and which was copied.
    expect(waiting.rehost.results).toEqual([
      { url: `${PHOTOS}/down.jpg`, state: 'pending' },
      { url: `${PHOTOS}/gps.jpg`, state: 'copied', copy: waiting.rehost.copied[0].to },
    ])
    const last = await runQueue(5)
    expect(last.explicitAcks).toEqual(['m0'])
    const done = await (await client().api('/api/articles/busy')).json<any>()
    expect(done.rehost).toMatchObject({
      state: 'done',
      failed: [{ url: `${PHOTOS}/down.jpg`, reason: 'answered 503' }],
    })
    expect(done.rehost.results.map((r: any) => r.state)).toEqual(['failed', 'copied'])
    expect(done.rehost.results[0]).toEqual({
      url: `${PHOTOS}/down.jpg`,
      state: 'failed',
      reason: 'answered 503',
    })
  })

  it('copies at most REHOST_PER_ARTICLE images of one article, saying so at once', async () => {
    const urls = Array.from(
      { length: REHOST_PER_ARTICLE + 1 },
      (_, i) => `${PHOTOS}/missing.jpg?${i}`,
    )
    const res = await client().post({
      title: 'Many',
      content_html: urls.map(img).join(''),
      rehost_images: true,
    })
    const { rehost } = await res.json<any>()
    expect(rehost.images).toHaveLength(REHOST_PER_ARTICLE + 1)
    const over = `over the limit of ${REHOST_PER_ARTICLE} images per article`
    expect(rehost.failed).toEqual([{ url: urls.at(-1), reason: over }])
    // The answer already says which image will not be copied, and why.
    expect(rehost.results.at(-1)).toEqual({ url: urls.at(-1), state: 'failed', reason: over })
    expect(rehost.results.filter((r: any) => r.state === 'pending')).toHaveLength(
      REHOST_PER_ARTICLE,
    )
  })

  it("keeps within the site's hourly budget, trying the rest later", async () => {
    await client().post({
      id: 'budget',
      title: 'Budget',
      content_html: img(`${PHOTOS}/gps.jpg`) + img(`${PHOTOS}/gps.png`),
      rehost_images: true,
    })
    // All but one copy of this hour's 500 are spent.
    expect(await desk().takeRehostBudget(499)).toBe(499)
    expect((await runQueue(1)).retryMessages).toHaveLength(1)
    const partly = await (await client().api('/api/articles/budget')).json<any>()
    expect(partly.rehost.copied).toHaveLength(1)
    expect(partly.rehost.state).toBe('queued')
    setTestClock(Date.now() + 3_600_000)
    expect((await runQueue(2)).explicitAcks).toEqual(['m0'])
    expect((await (await client().api('/api/articles/budget')).json<any>()).rehost.state).toBe(
      'done',
    )
  })

  it('links a replace, which has no Location, to where the outcome is read', async () => {
    const token = await publisherToken('city-desk')
    await client(token).post({ id: 'replaced', title: 'First', content_text: 'No images yet.' })
    const res = await client(token).put('replaced', {
      title: 'Second',
      content_html: img(`${PHOTOS}/gps.jpg`) + img(`${PHOTOS}/missing.jpg`),
      rehost_images: true,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('Location')).toBeNull()
    const { rehost } = await res.json<any>()
    expect(rehost.status_url).toBe('/api/articles/replaced')
    expect(rehost.results.map((r: any) => r.state)).toEqual(['pending', 'pending'])
    await runQueue()
    const after = await (await client(token).api(rehost.status_url)).json<any>()
    expect(after.rehost.state).toBe('done')
    expect(after.rehost.results).toEqual([
      { url: `${PHOTOS}/gps.jpg`, state: 'copied', copy: after.rehost.copied[0].to },
      { url: `${PHOTOS}/missing.jpg`, state: 'failed', reason: 'answered 404' },
    ])
    // The listing keeps its short shape.
    const listed = await (await client(token).api('/api/articles')).json<any>()
    expect(listed.items.find((a: any) => a.id === 'replaced').rehost).toBeUndefined()
  })

  it('is not asked for unless the write or the site says so; a Markdown import may', async () => {
    const plain = await client().post({ title: 'Plain', content_html: img(`${PHOTOS}/gps.jpg`) })
    expect((await plain.json<any>()).rehost).toBeUndefined()
    const md = await client().fetch('/api/articles?rehost_images=true', {
      method: 'POST',
      headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'text/markdown' },
      body: `# Pasted\n\n![](${PHOTOS}/gps.jpg)\n`,
    })
    expect(md.status).toBe(201)
    const imported = await md.json<any>()
    expect(imported.rehost).toEqual({
      state: 'queued',
      images: [`${PHOTOS}/gps.jpg`],
      results: [{ url: `${PHOTOS}/gps.jpg`, state: 'pending' }],
      status_url: `/api/articles/${imported.id}`,
    })
    expect(imported.import_report).toBeDefined()
    expect(sent).toHaveLength(1)
  })
})

it('gives up on a host that does not answer in time', async () => {
  expect(await fetchImage(`${PHOTOS}/hang.jpg`, { timeoutMs: 200 })).toEqual({
    ok: false,
    reason: 'no answer within 0.2 s',
    transient: true,
  })
})

/** The coordinator's record of files. */
function mediaRows() {
  return runInDurableObject(desk(), (_, state) => ({
    media: state.storage.sql.exec('SELECT * FROM media').toArray(),
    owners: state.storage.sql.exec('SELECT * FROM media_owners').toArray(),
  }))
}
