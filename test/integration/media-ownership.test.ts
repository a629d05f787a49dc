/**
 * Who may use and delete a file: uploads belong to their publisher, an article shows only its
 * publisher's files, a file in use is never deleted, and the daily collection takes only what
 * no article has used for the grace period.
 */
import { env } from 'cloudflare:workers'
import { createExecutionContext, createScheduledController, reset } from 'cloudflare:test'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import Site from '../../src/index'
import { ADMIN_TOKEN, client, publish, settleDesk, SITE, storeSnapshot } from '../helpers'
import { setTestClock } from '../support/clock'
import { photo } from '../support/photos'
import { mp3, publisherToken, r2Snapshot, uploaded } from '../support/media'

afterEach(() => reset())

const everything = async () => ({ r2: await r2Snapshot(), ...(await storeSnapshot()) })
const article = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  content_text: `${title}.`,
  ...extra,
})

/** Runs the daily collection, as its cron trigger would. */
async function collect() {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {})
  await new Site(createExecutionContext(), env).scheduled(createScheduledController())
  const line = log.mock.calls.map((c) => String(c[0])).find((l) => l.includes('media_collected'))
  log.mockRestore()
  return JSON.parse(line!).media_collected as { collected: number; orphans: number }
}

let alice = ''
let bob = ''
beforeEach(async () => {
  alice = await publisherToken('alice')
  bob = await publisherToken('bob')
})

describe('listing and reading', () => {
  it('shows each publisher their own files, newest first, paged', async () => {
    const a1 = await uploaded(mp3(5000, 1), 'audio/mpeg', alice)
    setTestClock(Date.now() + 1000)
    const a2 = await uploaded(mp3(5000, 2), 'audio/mpeg', alice)
    await uploaded(mp3(5000, 3), 'audio/mpeg', bob)
    const first = await client(alice).api('/api/media?limit=1')
    const page = await first.json<any>()
    expect(page.items.map((f: any) => f.key)).toEqual([a2.key])
    expect(page.items[0]).toMatchObject({ url: a2.url, type: 'audio/mpeg', size: 5000, uses: 0 })
    const next = await (
      await client(alice).api(`/api/media?limit=1&cursor=${page.next_cursor}`)
    ).json<any>()
    expect(next.items.map((f: any) => f.key)).toEqual([a1.key])
    expect(next.next_cursor).toBeUndefined()
    expect((await client(alice).api('/api/media?cursor=nope')).status).toBe(400)
  })

  it("refuses another publisher's file, and says nothing of one that is not there", async () => {
    const file = await uploaded(mp3(5000), 'audio/mpeg', alice)
    expect((await client(bob).api(`/api/media/${file.key}`)).status).toBe(403)
    expect((await client(alice).api(`/api/media/${file.key}`)).status).toBe(200)
    expect((await client(alice).api(`/api/media/${'a'.repeat(64)}`)).status).toBe(404)
  })
})

describe('articles and files', () => {
  it("take an attachment's type and size from R2, whatever the publisher says", async () => {
    const file = await uploaded(mp3(12_345), 'audio/mpeg', alice)
    const res = await client(alice).post(
      article('Podcast', {
        id: 'podcast',
        attachments: [
          { url: file.url, mime_type: 'video/mp4', size_in_bytes: 1, title: 'Episode 1' },
        ],
      }),
    )
    expect(res.status).toBe(201)
    expect((await res.json<any>()).attachments).toEqual([
      { url: file.url, mime_type: 'audio/mpeg', size_in_bytes: 12_345, title: 'Episode 1' },
    ])
    const detail = await (await client(alice).api(`/api/media/${file.key}`)).json<any>()
    expect(detail).toMatchObject({ uses: 1, articles: ['podcast'] })
  })

  it("refuse another publisher's file, one we do not have, and an external one without a type", async () => {
    const theirs = await uploaded(photo('gps.jpg'), 'image/jpeg', alice)
    // The coordinator notes the site's address on its first write, refused or not.
    await publish(client(bob), article('First'))
    const cases: [Record<string, unknown>, number, string][] = [
      [{ image: theirs.url }, 403, '/image'],
      [{ content_html: `<p><img src="${theirs.url}" alt="x"></p>` }, 403, '/content_html'],
      [{ attachments: [{ url: `${SITE}/media/${'b'.repeat(64)}` }] }, 400, '/attachments/0/url'],
      [{ image: `${SITE}/media/${'c'.repeat(64)}` }, 400, '/image'],
      [{ photos: [{ url: theirs.url, alt: 'A harbour at dusk' }] }, 403, '/photos/0/url'],
      // A photo without alt text is refused; `alt: ""` (decorative) is taken below.
      [{ photos: [{ url: theirs.url }] }, 400, '/photos/0/alt'],
      [
        { attachments: [{ url: 'https://cdn.example.com/a.mp3' }] },
        400,
        '/attachments/0/mime_type',
      ],
    ]
    for (const [fields, status, pointer] of cases) {
      const before = await everything()
      const { content_html, ...rest } = fields
      const body = content_html ? { title: 'Mine', content_html, ...rest } : article('Mine', rest)
      const res = await client(bob).post(body)
      expect(res.status, JSON.stringify(fields)).toBe(status)
      expect((await res.json<any>()).errors.map((e: any) => e.pointer)).toEqual([pointer])
      expect(await everything()).toEqual(before)
    }
  })

  it('take a photo of ours with its alt text, or with "" for a decorative one', async () => {
    const file = await uploaded(photo('gps.jpg'), 'image/jpeg', bob)
    const photos = [
      { url: file.url, alt: 'Delegates at the forum', caption: 'The opening', credit: 'Wang' },
    ]
    const res = await client(bob).post(article('With photos', { photos }))
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ image: file.url, photos })
    const decorative = await client(bob).post(
      article('Decorative', { photos: [{ url: file.url, alt: '' }] }),
    )
    expect(decorative.status).toBe(201)
    const mine = await (await client(bob).api('/api/media')).json<any>()
    expect(mine.items.map((f: any) => f.uses)).toEqual([2])
  })

  it('may keep a file the article already showed, and the admin may use any', async () => {
    const file = await uploaded(photo('gps.webp'), 'image/webp', alice)
    const res = await client(ADMIN_TOKEN).json(
      'PUT',
      '/api/articles/shared',
      article('Shared', { image: file.url }),
    )
    expect(res.status).toBe(201)
    expect(
      (
        await client(ADMIN_TOKEN).json(
          'PUT',
          '/api/articles/shared',
          article('Shared, again', { image: file.url }),
        )
      ).status,
    ).toBe(200)
  })
})

describe('DELETE /api/media/{sha256}', () => {
  it('refuses while an article uses the file, even a deleted one that may come back', async () => {
    const file = await uploaded(photo('gps.jpg'), 'image/jpeg', alice)
    await publish(client(alice), article('With photo', { id: 'with-photo', image: file.url }))
    const before = await everything()
    const res = await client(alice).json('DELETE', `/api/media/${file.key}`)
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ articles: ['with-photo'] })
    expect(await everything()).toEqual(before)
    expect((await client(alice).del('with-photo')).status).toBe(204)
    expect((await client(alice).json('DELETE', `/api/media/${file.key}`)).status).toBe(409)
  })

  it("refuses another publisher's file, storing nothing", async () => {
    const file = await uploaded(photo('gps.jpg'), 'image/jpeg', alice)
    const before = await everything()
    const res = await client(bob).json('DELETE', `/api/media/${file.key}`)
    expect(res.status).toBe(403)
    expect(await everything()).toEqual(before)
  })

  it('keeps the bytes while another publisher has uploaded them too; the last delete takes them', async () => {
    const file = await uploaded(photo('gps.png'), 'image/png', alice)
    await uploaded(photo('gps.png'), 'image/png', bob)
    expect((await client(alice).json('DELETE', `/api/media/${file.key}`)).status).toBe(204)
    expect(await env.MEDIA.head(file.key)).not.toBeNull()
    expect((await client(alice).api(`/api/media/${file.key}`)).status).toBe(403)
    // Its variants go with it, and the cache is told.
    await client(null)
      .get(`/media/${file.key}/320.webp`)
      .then((r) => r.arrayBuffer())
    expect((await client(bob).json('DELETE', `/api/media/${file.key}`)).status).toBe(204)
    expect(await r2Snapshot()).toEqual({})
    expect((await client(null).get(`/media/${file.key}`)).status).toBe(404)
    const purged = await (await client().api('/api/status')).json<any>()
    expect(purged.purges_waiting).toBeGreaterThan(0)
    await settleDesk()
  })
})

describe('the daily collection', () => {
  const DAY = 86_400_000

  it('takes files no article has used for the grace period, and nothing else', async () => {
    const unused = await uploaded(mp3(5000, 1), 'audio/mpeg', alice)
    const used = await uploaded(mp3(5000, 2), 'audio/mpeg', alice)
    await publish(client(alice), article('Episode', { attachments: [{ url: used.url }] }))
    setTestClock(Date.now() + 29 * DAY)
    expect(await collect()).toEqual({ collected: 0, orphans: 0 })
    setTestClock(Date.now() + 2 * DAY)
    expect(await collect()).toEqual({ collected: 1, orphans: 0 })
    expect(Object.keys(await r2Snapshot())).toEqual([used.key])
    expect((await client(alice).api(`/api/media/${unused.key}`)).status).toBe(404)
  })

  it('starts the grace period when the last article stops using a file', async () => {
    const file = await uploaded(mp3(5000), 'audio/mpeg', alice)
    await publish(
      client(alice),
      article('Episode', { id: 'episode', attachments: [{ url: file.url }] }),
    )
    setTestClock(Date.now() + 60 * DAY)
    expect(await collect()).toEqual({ collected: 0, orphans: 0 })
    const res = await client(alice).json(
      'PUT',
      '/api/articles/episode',
      article('Episode, no audio'),
    )
    expect(res.status).toBe(200)
    setTestClock(Date.now() + 31 * DAY)
    expect((await collect()).collected).toBe(1)
  })

  it('deletes R2 objects nobody records (an upload that failed half-way)', async () => {
    const key = 'd'.repeat(64)
    await env.MEDIA.put(key, 'left behind')
    const kept = await uploaded(mp3(5000), 'audio/mpeg', alice)
    expect(await collect()).toEqual({ collected: 0, orphans: 1 })
    expect(Object.keys(await r2Snapshot())).toEqual([kept.key])
  })
})
