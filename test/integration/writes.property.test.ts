/**
 * Many writers at once: random creates, replaces (with date and tag changes), deletes,
 * undeletes and scheduled articles, from several publishers, many on the same ids, all in
 * flight together. Then every listing, feed page and the sitemap show each published
 * article exactly once and nothing else, no index key is orphaned, every tombstone has its
 * owner, and no scheduled article shows. `npm run fuzz` runs 1,000 writes; the seed is in
 * the test's name, to replay a failure.
 */
import { reset } from 'cloudflare:test'
import fc from 'fast-check'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { foldTag } from '../../src/articles/tags'
import { listingsOf } from '../../src/articles/listings'
import { listingNamesKey } from '../../src/store/keys'
import { deletedEntries, liveEntries } from '../../src/store/layout'
import {
  ADMIN_TOKEN,
  client,
  deskSnapshot,
  kvSnapshot,
  settleDesk,
  sitemapIds,
  SITE,
} from '../helpers'
import { issuePublisher, micropubAction } from '../support/writers'

const SEED = inject('fuzzSeed')
const WRITES = inject('concurrentWrites')

afterAll(() => reset())

console.info(
  `writes.property.test.ts: ${WRITES} writes, seed ${SEED} (replay: FUZZ_SEED=${SEED} npm run fuzz)`,
)

const IDS = Array.from({ length: 24 }, (_, i) => `id-${i}`)
const TAGS = ['經開區', '经开区', 'news', '科技', 'Rust']
const DAY = 86_400_000

type Write = {
  writer: number
  kind: 'post' | 'put' | 'delete' | 'undelete'
  id: string
  tags: string[]
  /** Days from now: negative is published, positive is scheduled. */
  days: number
}

const write: fc.Arbitrary<Write> = fc.record({
  writer: fc.nat(2),
  kind: fc.constantFrom('post', 'put', 'put', 'put', 'delete', 'undelete'),
  id: fc.constantFrom(...IDS),
  tags: fc.subarray(TAGS, { maxLength: 3 }),
  days: fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: -400, max: -1 }) },
    fc.integer({ min: 1, max: 30 }),
  ),
})

/** Walks a JSON Feed through its `next_url`s; every item id, in order. */
async function walk(c: ReturnType<typeof client>, first: string): Promise<string[]> {
  const ids: string[] = []
  for (let next: string | undefined = first; next;) {
    const res = await c.get(next)
    expect(res.status, next).toBe(200)
    const feed = await res.json<any>()
    ids.push(...feed.items.map((i: any) => i.id.replace(`${SITE}/articles/`, '')))
    next = feed.next_url?.replace(SITE, '')
  }
  return ids
}

describe(`${WRITES} concurrent writes (seed ${SEED})`, { timeout: 60_000 + WRITES * 300 }, () => {
  it('leave every listing, feed and the sitemap exact, and KV holding nothing more', async () => {
    const alice = await issuePublisher('alice')
    const bob = await issuePublisher('bob')
    const tokens = [ADMIN_TOKEN, alice.token, bob.token]
    const writes = fc.sample(write, { numRuns: WRITES, seed: SEED })
    const now = Date.now()
    const statuses = await Promise.all(
      writes.map(async (w) => {
        const c = client(tokens[w.writer])
        const article = {
          title: `${w.id} ${w.days}`,
          content_text: `${w.tags.join(' ')} 的內容`,
          tags: w.tags,
          published: new Date(now + w.days * DAY).toISOString(),
        }
        const res =
          w.kind === 'post'
            ? await c.post({ ...article, id: w.id })
            : w.kind === 'put'
              ? await c.put(w.id, article)
              : w.kind === 'delete'
                ? await c.del(w.id)
                : await micropubAction(tokens[w.writer]!, 'undelete', w.id)
        return res.status
      }),
    )
    // Refusals are fine (409, 403, 404, 400 for Micropub); a server error is not.
    expect(statuses.filter((s) => s >= 500)).toEqual([])
    expect(statuses.filter((s) => s < 300).length).toBeGreaterThan(WRITES / 10)
    await settleDesk()

    const desk = (await deskSnapshot()).articles as {
      id: string
      state: string
      owner: string
      article: string
      deleted_ms: number | null
      expires_ms: number
    }[]
    const live = desk.filter((r) => r.state === 'live').map((r) => JSON.parse(r.article))
    const scheduled = desk.filter((r) => r.state === 'scheduled').map((r) => r.id)
    const deleted = desk.filter((r) => r.state === 'deleted' && r.expires_ms > r.deleted_ms!)
    const c = client()
    const published = live
      .sort((a, b) => Date.parse(b.published) - Date.parse(a.published) || (a.id < b.id ? -1 : 1))
      .map((a) => a.id)

    expect(await walk(c, '/feed.json?limit=7')).toEqual(published)
    for (const tag of TAGS) {
      const wanted = live.filter((a) => a.tags.some((t: string) => foldTag(t) === foldTag(tag)))
      expect(
        (await walk(c, `/tags/${encodeURIComponent(tag)}/feed.json?limit=5`)).sort(),
        tag,
      ).toEqual(wanted.map((a) => a.id).sort())
    }
    expect((await sitemapIds(c)).sort()).toEqual([...published].sort())

    const kv = Object.keys(await kvSnapshot()).filter(
      (k) => !k.startsWith('publisher:') && !k.startsWith('changed:') && !k.startsWith('meta:'),
    )
    const expected = [
      ...live.flatMap((a) => liveEntries(a, 0).map((p) => p.key)),
      ...deleted.flatMap((r) =>
        deletedEntries(JSON.parse(r.article), r.deleted_ms!, 60).map((p) => p.key),
      ),
      // Each listing a live article is in has its spellings, and no other listing does.
      ...new Set(live.flatMap(listingsOf).map((l) => listingNamesKey(l.kind, l.fold))),
    ]
    expect(kv.sort()).toEqual(expected.sort())
    expect(deleted.every((r) => r.owner)).toBe(true)
    for (const id of scheduled) expect((await c.get(`/articles/${id}`)).status).toBe(404)
  })
})
