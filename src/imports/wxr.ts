/**
 * WordPress exports (WXR: RSS 2.0 with the `wp:` namespace), read in byte ranges so that an
 * export of hundreds of megabytes is never held whole. Each call reads from a byte offset
 * until it has `maxItems` items, and says where the next call starts: right after the last
 * item it took. A call that starts mid-file is given the root's namespace declarations and a
 * `<channel>` again, so the rest of the file reads as a document of its own.
 *
 * Published posts and pages are imported; drafts, private posts, revisions, menu items and
 * comments are not. Attachments are not articles: their URLs are remembered (the last
 * `ATTACHMENTS_KEPT`), so a post whose featured image came earlier in the file gets it. One
 * whose featured image comes later (WordPress often writes an upload after the post it was
 * made for) waits among the pending (at most `PENDING_KEPT`), and its lead image is given
 * when the attachment is read: the coordinator sets it on the article already written.
 */
import type { Author } from '../articles/model'
import { fromRfc822, fromWordPress } from './dates'
import { absoluteUrl, type ImportItem, type ItemResult } from './item'
import { htmlText } from './text'
import { childrenOf, childText, NS, textOf, XmlTreeReader, type XmlElement } from './xml-tree'

/** Reads a range of the export's bytes (R2 in the Worker, a buffer in tests). */
export interface ByteSource {
  size: number
  read(offset: number, length: number): Promise<Uint8Array>
}

/** Where the next call starts, and what the export said before it. */
export interface WxrCursor {
  /** The byte after the last item taken. */
  offset: number
  /** The root's namespace declarations, by prefix. */
  namespaces: Record<string, string>
  /** `wp:author` by login: `dc:creator` names a login. */
  authors: Record<string, Author>
  /** Attachment id to its URL. */
  attachments: Record<string, { url: string }>
  /** Featured images not read yet: attachment id to the guids of the posts that show it. */
  pending?: Record<string, string[]>
  done: boolean
}

export const START: WxrCursor = {
  offset: 0,
  namespaces: {},
  authors: {},
  attachments: {},
  pending: {},
  done: false,
}

/** A post's featured image, read after the post itself. */
export interface LateLead {
  guid: string
  image: string
}

/** What one call read. */
export interface WxrBatch {
  results: ItemResult[]
  /** Featured images of posts read before their attachment, this call or an earlier one. */
  leads: LateLead[]
  /** Items that are not articles to import: drafts, attachments, revisions, menus. */
  leftOut: number
  cursor: WxrCursor
}

const ATTACHMENTS_KEPT = 2_000
/**
 * Bytes one call reads at most, whatever it has found: a media library of tens of thousands
 * of attachments after the last post would otherwise be read in one step (about 21 MiB a
 * second of CPU).
 */
const STEP_BYTES = 16 * 1024 * 1024
/** Posts waiting for their featured image: a bound on what the cursor carries between steps. */
const PENDING_KEPT = 2_000
/** Post types imported, and the statuses that are public (or scheduled). */
const TYPES = new Set(['post', 'page'])
const STATUSES = new Set(['publish', 'future'])

const isWp = (el: XmlElement) => el.uri.startsWith('http://wordpress.org/export/')
const wp = (el: XmlElement, name: string) =>
  textOf(
    el.children.find((c): c is XmlElement => typeof c !== 'string' && isWp(c) && c.name === name),
  )
const wpAll = (el: XmlElement, name: string) =>
  el.children.filter((c): c is XmlElement => typeof c !== 'string' && isWp(c) && c.name === name)

/** UTF-8 bytes of a string, without encoding it. */
function utf8Length(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4
      i++
    } else n += 3
  }
  return n
}

/** Maps positions in the text written to the parser back to byte offsets in the file. */
class ByteMap {
  private pieces: { char: number; byte: number; text: string }[] = []
  private chars = 0
  /** The last position asked for, and its byte: positions only grow, so counting goes on. */
  private last = { char: -1, byte: 0 }

  add(text: string, byte: number): void {
    this.pieces.push({ char: this.chars, byte, text })
    this.chars += text.length
    // An item closes in the newest pieces; saxes holds back at most a character or two.
    if (this.pieces.length > 3) this.pieces.shift()
  }

  byteAt(position: number): number {
    const piece = this.pieces.findLast((p) => p.char <= position)!
    // Counting from the piece's start for every element made a long range quadratic.
    const from = this.last.char >= piece.char && this.last.char <= position ? this.last : piece
    const counted = utf8Length(piece.text.slice(from.char - piece.char, position - piece.char))
    this.last = { char: position, byte: from.byte + counted }
    return this.last.byte
  }
}

/** WordPress writes paragraphs as blank lines (its `wpautop` adds the `<p>` on display). */
function autop(html: string): string {
  if (/<(p|div|h[1-6]|ul|ol|table|blockquote|figure)[\s>]/i.test(html)) return html
  return html
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('\n')
}

/** Attachment ids to URLs while a call reads: a Map, which forgets its oldest at no cost. */
type Attachments = Map<string, { url: string }>

function readPost(item: XmlElement, cursor: WxrCursor, attachments: Attachments): ItemResult {
  const link = absoluteUrl(childText(item, '', 'link'))
  const title = childText(item, '', 'title')
  const guid = childText(item, '', 'guid') ?? link
  if (!guid) return { ok: false, refused: { title, reason: 'the post has no guid and no link' } }
  const pubDate = childText(item, '', 'pubDate')
  const published =
    fromWordPress(wp(item, 'post_date'), wp(item, 'post_date_gmt')) ??
    (pubDate ? fromRfc822(pubDate) : undefined)
  if (!published) {
    const given = wp(item, 'post_date') || pubDate || ''
    return {
      ok: false,
      refused: { guid, link, title, reason: `the date "${given}" cannot be read` },
    }
  }
  const content = childText(item, NS.content, 'encoded')
  const excerpt = textOf(
    item.children.find(
      (c): c is XmlElement =>
        typeof c !== 'string' && c.name === 'encoded' && c.uri.endsWith('/excerpt/'),
    ),
  )
  const logins = childrenOf(item, NS.dc, 'creator').map(textOf).filter(Boolean)
  const authors = logins.map((login) => cursor.authors[login] ?? { name: login })
  const tags = childrenOf(item, '', 'category')
    .filter((c) => ['category', 'post_tag', undefined].includes(c.attrs.domain))
    .map(textOf)
    .filter((t) => t && t !== 'Uncategorized')
  const thumbnail = wpAll(item, 'postmeta').find((m) => wp(m, 'meta_key') === '_thumbnail_id')
  const thumbnailId = thumbnail && wp(thumbnail, 'meta_value')
  const image = thumbnailId ? attachments.get(thumbnailId)?.url : undefined
  if (thumbnailId && !image) awaitAttachment(cursor, thumbnailId, guid)
  const post: ImportItem = {
    guid,
    ...(title ? { title: htmlText(title) } : {}),
    ...(link ? { link } : {}),
    ...(content ? { content_html: autop(content) } : {}),
    ...(excerpt ? { summary: htmlText(excerpt) } : {}),
    published,
    authors,
    tags: [...new Set(tags)],
    ...(image ? { image } : {}),
    enclosures: [],
  }
  return { ok: true, item: post }
}

/** Remembers what the channel says before its items: the authors. */
function readChannelChild(el: XmlElement, cursor: WxrCursor): void {
  if (!isWp(el) || el.name !== 'author') return
  const login = wp(el, 'author_login')
  const name = wp(el, 'author_display_name') || login
  const email = wp(el, 'author_email')
  if (login) cursor.authors[login] = { name, ...(email ? { email } : {}) }
}

/** A post whose featured image is not read yet waits for it, while there is room. */
function awaitAttachment(cursor: WxrCursor, id: string, guid: string): void {
  const pending = (cursor.pending ??= {})
  const waiting = Object.values(pending).reduce((n, guids) => n + guids.length, 0)
  if (waiting < PENDING_KEPT) (pending[id] ??= []).push(guid)
}

function keepAttachment(
  item: XmlElement,
  cursor: WxrCursor,
  attachments: Attachments,
  leads: LateLead[],
): void {
  const url = absoluteUrl(wp(item, 'attachment_url'))
  const id = wp(item, 'post_id')
  if (!url || !id) return
  for (const guid of cursor.pending?.[id] ?? []) leads.push({ guid, image: url })
  if (cursor.pending) delete cursor.pending[id]
  attachments.delete(id)
  attachments.set(id, { url })
  if (attachments.size > ATTACHMENTS_KEPT) attachments.delete(attachments.keys().next().value!)
}

/**
 * Reads from `cursor.offset` until `maxItems` posts and pages are read, `maxBytes` are taken
 * or the file ends, in ranges of `rangeBytes`. Throws `XmlError` when the export is not well-formed.
 */
export async function readWxr(
  source: ByteSource,
  from: WxrCursor,
  maxItems: number,
  rangeBytes = 256 * 1024,
  maxBytes = STEP_BYTES,
): Promise<WxrBatch> {
  const cursor: WxrCursor = structuredClone(from)
  const results: ItemResult[] = []
  const leads: LateLead[] = []
  const attachments: Attachments = new Map(Object.entries(cursor.attachments))
  let leftOut = 0
  let resumeAt = cursor.offset
  // A call takes at least one element, so it always moves on.
  const full = () =>
    results.length >= maxItems || (resumeAt > cursor.offset && resumeAt - cursor.offset >= maxBytes)
  const map = new ByteMap()
  const reader = new XmlTreeReader((el, depth, position) => {
    if (depth !== 2) return false
    if (full()) return true
    if (el.uri === '' && el.name === 'item') {
      const type = wp(el, 'post_type') || 'post'
      if (type === 'attachment') keepAttachment(el, cursor, attachments, leads)
      if (TYPES.has(type) && STATUSES.has(wp(el, 'status')))
        results.push(readPost(el, cursor, attachments))
      else leftOut++
    } else {
      readChannelChild(el, cursor)
    }
    resumeAt = map.byteAt(position)
    return true
  })
  if (cursor.offset > 0) {
    const xmlns = Object.entries(cursor.namespaces)
      .map(
        ([prefix, uri]) => ` xmlns${prefix ? `:${prefix}` : ''}="${uri.replace(/"/g, '&quot;')}"`,
      )
      .join('')
    const prefix = `<rss${xmlns}><channel>`
    map.add(prefix, cursor.offset)
    reader.write(prefix)
  }
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
  let offset = cursor.offset
  while (!full() && offset < source.size) {
    const bytes = await source.read(offset, Math.min(rangeBytes, source.size - offset))
    const text = decoder.decode(bytes, { stream: true })
    map.add(text, offset)
    offset += bytes.length
    try {
      reader.write(text)
    } catch (error) {
      // What follows a full batch is read again by the next call, which reports it.
      if (!full()) throw error
    }
    if (cursor.offset === 0 && Object.keys(cursor.namespaces).length === 0) {
      cursor.namespaces = reader.rootNamespaces
    }
  }
  // Between calls the cursor is JSON: ids that look like numbers come back in their order.
  cursor.attachments = Object.fromEntries(attachments)
  if (!full()) {
    reader.close()
    return { results, leads, leftOut, cursor: { ...cursor, offset: source.size, done: true } }
  }
  return { results, leads, leftOut, cursor: { ...cursor, offset: resumeAt, done: false } }
}
