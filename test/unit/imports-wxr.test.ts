/** WordPress exports read in byte ranges, never whole. */
import { describe, expect, it } from 'vitest'
import type { ImportItem } from '../../src/imports/item'
import {
  readWxr,
  START,
  type ByteSource,
  type LateLead,
  type WxrCursor,
} from '../../src/imports/wxr'
import { OLD_SITE, wordpressExport, wxrGuid } from '../support/archives'

/** The export as R2 would give it: ranges only, each read recorded. */
function source(text: string) {
  const bytes = new TextEncoder().encode(text)
  const reads: number[] = []
  const src: ByteSource = {
    size: bytes.length,
    read: (offset, length) => {
      reads.push(length)
      return Promise.resolve(bytes.slice(offset, offset + length))
    },
  }
  return { src, reads, size: bytes.length }
}

/** Every batch until the end, as the workflow's steps read them. */
async function readAll(src: ByteSource, maxItems: number, rangeBytes: number, maxBytes?: number) {
  let cursor: WxrCursor = START
  const items: ImportItem[] = []
  const leads: LateLead[] = []
  let leftOut = 0
  let calls = 0
  while (!cursor.done) {
    const batch = await readWxr(src, cursor, maxItems, rangeBytes, maxBytes)
    for (const r of batch.results) {
      if (!r.ok) throw new Error(r.refused.reason)
      items.push(r.item)
    }
    leftOut += batch.leftOut
    leads.push(...batch.leads)
    // A cursor crosses a step boundary as JSON.
    cursor = JSON.parse(JSON.stringify(batch.cursor)) as WxrCursor
    if (++calls > 1000) throw new Error('no progress')
  }
  return { items, leads, leftOut, calls }
}

describe('WordPress export', () => {
  const xml = wordpressExport(6)

  it('imports published posts and pages, not drafts, private posts, menus, attachments or comments', async () => {
    const { src } = source(xml)
    const { items, leftOut } = await readAll(src, 100, 64 * 1024)
    expect(items.map((i) => i.guid)).toEqual([1, 2, 3, 4, 5, 6, 500].map(wxrGuid))
    // The featured image's attachment, the draft, the private post and the menu item.
    expect(leftOut).toBe(4)
    expect(items.some((i) => /Great news|Not ready|Staff only/.test(i.content_html ?? ''))).toBe(
      false,
    )
  })

  it('keeps authors, offsets, categories and tags, the excerpt, CDATA and the featured image', async () => {
    const { src } = source(xml)
    const { items } = await readAll(src, 100, 64 * 1024)
    expect(items[0]).toEqual({
      guid: wxrGuid(1),
      title: 'Harbour works, phase 1 & more',
      link: `${OLD_SITE}/harbour-phase-1/`,
      content_html: `<p>The works began today.</p>\n<p>A line with ]]> in it, and <a href="${OLD_SITE}/map/">a map</a>.</p>`,
      summary: 'Phase one begins.',
      published: '2017-03-01T10:20:30+08:00',
      authors: [{ name: 'Chen Editor', email: 'editor@old.test' }],
      tags: ['Harbour', 'Works'],
      image: `${OLD_SITE}/wp-content/uploads/2017/03/harbour.jpg`,
      enclosures: [],
    })
    expect(items[1]).toMatchObject({
      title: '港口擴建第2期動工',
      authors: [{ name: '李小華', email: 'lihua@old.test' }],
      tags: ['Harbour', '工程'],
    })
  })

  it('gives the same items read whole or two at a time in ranges of 97 bytes, never asking for more', async () => {
    const whole = await readAll(source(xml).src, 100, 1 << 20)
    const { src, reads, size } = source(xml)
    const pieces = await readAll(src, 2, 97)
    expect(pieces.items).toEqual(whole.items)
    expect(pieces.leftOut).toBe(whole.leftOut)
    expect(pieces.calls).toBe(4)
    expect(Math.max(...reads)).toBeLessThanOrEqual(97)
    // Each call reads again only the part after its last item: far less than the file per call.
    expect(reads.reduce((a, b) => a + b, 0)).toBeLessThan(size * 2)
  })

  it('gives featured images whose attachments come after their posts, in whatever batch', async () => {
    const after = wordpressExport(6, { featured: 'after' })
    const pier = `${OLD_SITE}/wp-content/uploads/2017/03/pier.jpg`
    const harbour = `${OLD_SITE}/wp-content/uploads/2017/03/harbour.jpg`
    const whole = await readAll(source(after).src, 100, 1 << 20)
    expect(whole.items.every((i) => i.image === undefined)).toBe(true)
    expect(whole.leads).toEqual([
      { guid: wxrGuid(2), image: pier },
      { guid: wxrGuid(1), image: harbour },
    ])
    // One post a call, in ranges of 97 bytes: the pending posts cross every step boundary.
    const pieces = await readAll(source(after).src, 1, 97)
    expect(pieces.leads).toEqual(whole.leads)
    expect(pieces.items).toEqual(whole.items)
  })

  it('reads a media library after the last post in steps of its byte budget, not in one', async () => {
    const xml = wordpressExport(3, { featured: 'after', library: 300 })
    const whole = await readAll(source(xml).src, 100, 1 << 20)
    expect(whole.calls).toBe(1)
    const budgeted = await readAll(source(xml).src, 100, 4096, 64 * 1024)
    // Each call but the last takes its 64 KiB at least.
    expect(budgeted.calls).toBeGreaterThan(1)
    expect(budgeted.calls).toBeLessThanOrEqual(Math.ceil(xml.length / (64 * 1024)))
    expect(budgeted.items).toEqual(whole.items)
    expect(budgeted.leads).toEqual(whole.leads)
    // An element larger than the budget is still taken: every call moves on.
    const tiny = await readAll(source(wordpressExport(2)).src, 100, 97, 10)
    expect(tiny.items).toHaveLength(3)
  })

  it('waits for at most 2,000 featured images, forgetting none it has given', async () => {
    let cursor: WxrCursor = START
    const { src } = source(wordpressExport(6, { featured: 'after' }))
    const batch = await readWxr(src, cursor, 1)
    cursor = batch.cursor
    expect(cursor.pending).toEqual({ '9000': [wxrGuid(1)] })
    const full = { ...cursor, pending: { '1': Array<string>(2000).fill('x') } }
    const next = await readWxr(src, full, 1)
    expect(Object.keys(next.cursor.pending!)).toEqual(['1'])
  })

  it('says where an export is not well-formed', async () => {
    const { src } = source(xml.replace('</wp:post_type>', ''))
    await expect(readAll(src, 100, 4096)).rejects.toThrow(/closing tag|mismatch|unexpected/i)
  })
})
