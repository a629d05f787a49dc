// Enclosures and photos, item by item: what a reader shows with an item (its enclosures,
// media:content, JSON Feed attachments and image) compared with what the article meant: its
// attachments, with the sizes R2 gave them, its photos and its lead image, as each format
// carries them (src/feeds/model.ts says where each goes).
// The feeds' own rule for the type a lead image's URL names (Node strips its types).
import { imageType } from '../../src/feeds/media.ts'

const count = (notes, what) => (notes[what] = (notes[what] ?? 0) + 1)

/** An audio or video file: the only enclosures newsboat keeps (its podcasts). */
const podcast = (type) => /^(audio|video)\//.test(type ?? '')

/**
 * The files a format carries for `article`, by where they go: `enclosure` (RSS's one
 * `<enclosure>`, Atom's `rel="enclosure"` links, JSON Feed's attachments), `media` (RSS's
 * `media:content`) and `image` (JSON Feed's). Each file is `{url, type, length}`, `type` null
 * where the format states none and `length` null where the size is unknown.
 * @param {{image?: string, photos?: {url: string}[], attachments?: {url: string, mime_type: string, size_in_bytes?: number}[]}} article
 * @param {'rss' | 'atom' | 'json'} format
 */
export function meantFiles(article, format) {
  const photos = (article.photos ?? []).map((p) => p.url)
  const files = (article.attachments ?? []).map((a) => ({
    url: a.url,
    type: a.mime_type,
    length: a.size_in_bytes ?? null,
  }))
  const lead = article.image
  if (format === 'json') {
    return {
      enclosure: files,
      media: [],
      image: lead ? [{ url: lead, type: null, length: null }] : [],
    }
  }
  if (format === 'atom') {
    const image = lead ? [{ url: lead, type: imageType(lead) ?? null, length: null }] : []
    return { enclosure: [...image, ...files], media: [], image: [] }
  }
  // RSS: one <enclosure> (the first file, else a lead image whose URL names its type), and
  // media:content for every photo, a lead image without a type and every file.
  const media = photos.map((url) => ({ url, type: null, length: null }))
  const enclosure = files.slice(0, 1)
  if (lead && !photos.includes(lead)) {
    const type = files.length ? null : (imageType(lead) ?? null)
    if (type) enclosure.push({ url: lead, type, length: null })
    else media.push({ url: lead, type: null, length: null })
  }
  return { enclosure, media: [...media, ...files], image: [] }
}

/**
 * The differences between the files a reader shows with one item and those the article meant,
 * as `{kind, text}`; `notes` counts what the reader shows that is no fault of the feed (a file
 * listed twice, a type it supplies itself).
 * @param {{url: string, type: string | null, length: number | string | null}[]} shown
 * @param {ReturnType<typeof meantFiles>} meant
 * @param {{channels: string[], length: boolean, podcastOnly?: boolean}} sees what the reader
 *   shows of this format: the channels of `meant` it reads, whether it shows lengths, and
 *   whether it keeps only the last audio or video file (newsboat)
 * @param {Record<string, number>} notes
 */
export function compareFiles(shown, meant, sees, notes) {
  const problems = []
  let wanted = sees.channels.flatMap((channel) => meant[channel])
  if (sees.podcastOnly) wanted = wanted.filter((f) => podcast(f.type)).slice(-1)
  const byUrl = new Map()
  for (const file of wanted) if (!byUrl.has(file.url)) byUrl.set(file.url, file)
  const seen = new Map()
  for (const file of shown) {
    const length = file.length === null || file.length === '' ? null : Number(file.length)
    const got = { url: file.url, type: file.type || null, length: length || null }
    // Each time it is shown, it is checked: the same file twice must say the same both times.
    if (seen.has(got.url)) count(notes, 'the same file twice')
    seen.set(got.url, got)
    const want = byUrl.get(got.url)
    if (!want) {
      problems.push(`shows a file the item does not carry: ${got.url}`)
      continue
    }
    if (want.type && got.type !== want.type) {
      problems.push(`${got.url}: type ${JSON.stringify(got.type)}, not ${want.type}`)
    } else if (!want.type && got.type) {
      count(notes, `a type the feed does not state (${got.type})`)
    }
    if (sees.length && got.length !== want.length) {
      problems.push(`${got.url}: length ${got.length}, not ${want.length ?? 'unknown'}`)
    }
  }
  for (const url of byUrl.keys()) {
    if (!seen.has(url)) problems.push(`does not show ${url}`)
  }
  return problems
}
