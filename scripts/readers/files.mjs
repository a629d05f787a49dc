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
 * The lead image as feeds give it: R2's type and size for a file of ours (`image_file`), else
 * the type its URL names, if any.
 * @param {{image?: string, image_file?: {mime_type: string, size_in_bytes: number}}} article
 */
function leadOf(article) {
  const url = article.image
  if (!url) return undefined
  const file = article.image_file
  if (file) return { url, type: file.mime_type, length: file.size_in_bytes }
  return { url, type: imageType(url) ?? null, length: null }
}

/**
 * The files a format carries for `article`, by where they go: `enclosure` (RSS's one
 * `<enclosure>`, Atom's `rel="enclosure"` links, JSON Feed's attachments), `media` (RSS's
 * `media:content`) and `image` (JSON Feed's). Each file is `{url, type, length}`, `type` null
 * where the format states none and `length` null where the size is unknown.
 * @param {{image?: string, image_file?: {mime_type: string, size_in_bytes: number}, photos?: {url: string}[], attachments?: {url: string, mime_type: string, size_in_bytes?: number}[]}} article
 * @param {'rss' | 'atom' | 'json'} format
 */
export function meantFiles(article, format) {
  const photos = (article.photos ?? []).map((p) => p.url)
  const files = (article.attachments ?? []).map((a) => ({
    url: a.url,
    type: a.mime_type,
    length: a.size_in_bytes ?? null,
  }))
  const lead = leadOf(article)
  if (format === 'json') {
    return {
      enclosure: files,
      media: [],
      image: lead ? [{ url: lead.url, type: null, length: null }] : [],
    }
  }
  if (format === 'atom')
    return { enclosure: [...(lead ? [lead] : []), ...files], media: [], image: [] }
  // RSS: one <enclosure> (the first file, else a lead image of a known type), and media:content
  // for every photo and every other file; each file once.
  const media = photos.map((url) => ({ url, type: null, length: null }))
  const image = lead && !photos.includes(lead.url) ? lead : undefined
  const [first = image?.type ? image : undefined] = files
  if (image && image !== first) media.push(image)
  const others = files.filter((f) => f !== first)
  return { enclosure: first ? [first] : [], media: [...media, ...others], image: [] }
}

/**
 * The differences between the files a reader shows with one item and those the article meant,
 * as `{kind, text}`, a file shown twice among them; `notes` counts what the reader shows that is
 * no fault of the feed (a type it supplies itself where the feed states none).
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
    // Each file once: a reader that lists one twice shows the item wrong.
    if (seen.has(got.url)) problems.push(`shows ${got.url} twice`)
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
