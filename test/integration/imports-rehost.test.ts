/**
 * An import that copies images into R2 (`rehost_images`): the images its articles show from
 * other hosts, in their content and as their lead, go through the writes' rehost queue, with
 * the same limits and address checks, and quietly: no hub hears of the copies. The image
 * hosts and DNS are played by test/support/image-hosts.mjs.
 */
import { env } from 'cloudflare:workers'
import {
  createExecutionContext,
  createMessageBatch,
  getQueueResult,
  reset,
  runInDurableObject,
  type WorkflowIntrospector,
} from 'cloudflare:test'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import Site from '../../src/index'
import { client, desk, deskSnapshot, settleDesk, SITE, storeSnapshot } from '../helpers'
import { wordpressExport } from '../support/archives'
import { readImport, runEnds, startImport, uploadExport, watchImports } from '../support/imports'
import { r2Snapshot } from '../support/media'

const PHOTOS = 'https://photos.img.test'
/** The first post shows two images, one of which redirects to a loopback address. */
const FIRST = `<p>The pier.</p><img src="${PHOTOS}/gps.jpg" alt="The pier"><img src="${PHOTOS}/to-loopback.jpg" alt="">`

let watcher: WorkflowIntrospector
let sent: unknown[] = []

beforeEach(async () => {
  await reset()
  watcher = await watchImports()
  sent = []
  // The queue is run by the test, as the platform would run it: what the coordinator sends
  // is kept.
  vi.spyOn(env.HUB_PINGS, 'sendBatch').mockImplementation((batch) => {
    sent.push(...[...batch].map((m) => m.body))
    return Promise.resolve({ metadata: { metrics: { backlogCount: 0, backlogBytes: 0 } } })
  })
  vi.spyOn(console, 'log').mockImplementation(() => {})
})
afterEach(async () => {
  vi.restoreAllMocks()
  await watcher.dispose()
  await runInDurableObject(desk(), (instance) => withHubs(instance, ''))
})

/** Hubs configured: an ordinary publish would be announced. */
function withHubs(instance: unknown, WEBSUB_HUBS: string) {
  const object = instance as { env: Env }
  object.env = { ...object.env, WEBSUB_HUBS }
}

/** Delivers what was sent, as the queue would; returns its verdict. */
async function runQueue() {
  const messages = sent.map((body, i) => ({
    id: `m${i}`,
    timestamp: new Date(),
    attempts: 1,
    body,
  }))
  const batch = createMessageBatch('edgefeed-hub-pings', messages as any)
  const ctx = createExecutionContext()
  await new Site(ctx, env).queue(batch as any)
  const result = await getQueueResult(batch, ctx)
  await settleDesk()
  return result
}

const exportWithImages = () =>
  wordpressExport(4, { featuredUrl: `${PHOTOS}/gps.png`, firstContent: FIRST })

/** The imported article of a WordPress post, as the API gives it: found by its old link. */
async function articleOf(post: number): Promise<any> {
  const moved = await client(null).get(`/harbour-phase-${post}/`)
  expect(moved.status).toBe(301)
  const id = new URL(moved.headers.get('Location')!).pathname.split('/').pop()
  return (await client().api(`/api/articles/${id}`)).json()
}

describe('an import with rehost_images', () => {
  it('on a dry run, says how many images it would copy, and stores nothing', async () => {
    const wxr = await uploadExport(exportWithImages())
    const before = { r2: await r2Snapshot(), ...(await storeSnapshot()) }
    const id = await startImport({ wxr, dry_run: true, rehost_images: true })
    await runEnds(watcher)
    const report = await readImport(id)
    expect(report).toMatchObject({
      state: 'done',
      dry_run: true,
      rehost_images: true,
      counts: { imported: 5, images: 3 },
    })
    expect(sent).toEqual([])
    expect(await r2Snapshot()).toEqual(before.r2)
    const { kv } = await storeSnapshot()
    expect(kv).toEqual(before.kv)
  })

  it('copies content and lead images after the import, refusing private addresses, quietly', async () => {
    await runInDurableObject(desk(), (instance) => withHubs(instance, 'http://hub.test/websub'))
    const wxr = await uploadExport(exportWithImages())
    const id = await startImport({ wxr, rehost_images: true })
    await runEnds(watcher)
    expect((await readImport(id)).counts).toMatchObject({ imported: 5, images: 3 })
    const queued = await articleOf(1)
    expect(queued.rehost).toMatchObject({
      state: 'queued',
      images: [`${PHOTOS}/gps.jpg`, `${PHOTOS}/to-loopback.jpg`, `${PHOTOS}/gps.png`],
    })
    // Only the article that shows images from elsewhere is queued, and quietly.
    expect(sent).toEqual([{ kind: 'rehost', id: queued.id, baseUrl: SITE, quiet: true }])

    expect((await runQueue()).explicitAcks).toEqual(['m0'])
    const copied = await articleOf(1)
    expect(copied.rehost.state).toBe('done')
    expect(copied.rehost.copied.map((c: { from: string }) => c.from)).toEqual([
      `${PHOTOS}/gps.jpg`,
      `${PHOTOS}/gps.png`,
    ])
    expect(copied.rehost.failed).toEqual([
      {
        url: `${PHOTOS}/to-loopback.jpg`,
        reason: expect.stringMatching(/127\.0\.0\.1.*not fetched.*loopback/),
      },
    ])
    const lead = copied.rehost.copied.find((c: { from: string }) => c.from.endsWith('.png')).to
    expect(copied.image).toBe(lead)
    expect(copied.content_html).toContain(`${SITE}/media/`)
    expect(copied.content_html).toContain(`${PHOTOS}/to-loopback.jpg`)
    expect(Object.keys(await r2Snapshot())).toHaveLength(3)
    // Pointing imported articles at their copies announces nothing.
    expect((await deskSnapshot()).pings).toEqual([])
  })

  it('copies a featured image read after its post was written, quietly', async () => {
    // 150 posts: the first post's featured image is read one step after the post is written.
    const xml = wordpressExport(150, { featured: 'after', featuredUrl: `${PHOTOS}/gps.png` })
    const id = await startImport({ wxr: await uploadExport(xml), rehost_images: true })
    await runEnds(watcher)
    // The second post's image (its attachment follows it) and the first's.
    expect((await readImport(id)).counts).toMatchObject({ imported: 151, images: 2 })
    const first = await articleOf(1)
    expect(first.image).toBe(`${PHOTOS}/gps.png`)
    expect(first.rehost).toMatchObject({ state: 'queued', images: [`${PHOTOS}/gps.png`] })
    expect(sent).toContainEqual({ kind: 'rehost', id: first.id, baseUrl: SITE, quiet: true })
    await runQueue()
    const copied = await articleOf(1)
    expect(copied.image).toMatch(new RegExp(`^${SITE}/media/[0-9a-f]{64}$`))
    expect(copied.rehost.state).toBe('done')
  })

  it('is refused when it is not a boolean, with nothing stored', async () => {
    const wxr = await uploadExport(exportWithImages())
    const before = await storeSnapshot()
    const res = await client().json('POST', '/api/imports', { wxr, rehost_images: 'yes' })
    expect(res.status).toBe(400)
    expect((await res.json<any>()).errors[0].pointer).toBe('/rehost_images')
    expect(await storeSnapshot()).toEqual(before)
  })
})
