/**
 * The media types edgefeed stores, and what each is: its kind (which sets its size limit and
 * how pages show it), its file extension, and whether a browser may show it inline. Anything
 * else is refused with 415: the list is short on purpose, so every stored file is one that
 * readers and browsers play safely. A WordPress export is stored for an archive import to
 * read, and is never media: no article shows it and it is not served.
 */

export type MediaKind = 'image' | 'audio' | 'video' | 'document' | 'export'

export interface MediaType {
  kind: MediaKind
  /** The usual extension, for a download's file name. */
  ext: string
  /**
   * False for types a browser must not render as a page of ours (a PDF viewer runs scripts):
   * they are served with `Content-Disposition: attachment`.
   */
  inline: boolean
}

export const MEDIA_TYPES = {
  'image/jpeg': { kind: 'image', ext: 'jpg', inline: true },
  'image/png': { kind: 'image', ext: 'png', inline: true },
  'image/webp': { kind: 'image', ext: 'webp', inline: true },
  'image/avif': { kind: 'image', ext: 'avif', inline: true },
  'image/gif': { kind: 'image', ext: 'gif', inline: true },
  'audio/mpeg': { kind: 'audio', ext: 'mp3', inline: true },
  'audio/mp4': { kind: 'audio', ext: 'm4a', inline: true },
  'audio/aac': { kind: 'audio', ext: 'aac', inline: true },
  'audio/ogg': { kind: 'audio', ext: 'ogg', inline: true },
  'audio/wav': { kind: 'audio', ext: 'wav', inline: true },
  'audio/webm': { kind: 'audio', ext: 'weba', inline: true },
  'video/mp4': { kind: 'video', ext: 'mp4', inline: true },
  'video/webm': { kind: 'video', ext: 'webm', inline: true },
  'application/pdf': { kind: 'document', ext: 'pdf', inline: false },
  // WXR is RSS 2.0 with WordPress's namespace; WordPress sends its exports as this type.
  'application/rss+xml': { kind: 'export', ext: 'xml', inline: false },
} as const satisfies Record<string, MediaType>

export type StoredType = keyof typeof MEDIA_TYPES

export function isStoredType(type: string): type is StoredType {
  return Object.hasOwn(MEDIA_TYPES, type)
}

export function kindOf(type: StoredType): MediaKind {
  return MEDIA_TYPES[type].kind
}

/** What the allowlist is, in words, for the 415's detail. */
export const ALLOWED_IN_WORDS =
  'JPEG, PNG, WebP, AVIF and GIF images; MP3, M4A/AAC, Ogg (Opus or Vorbis), WAV and WebM audio; MP4 and WebM video; PDF; WordPress exports (WXR), for an archive import'

/** Other names clients give the same types. */
const ALIASES: Record<string, StoredType> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'audio/mp3': 'audio/mpeg',
  'audio/mpeg3': 'audio/mpeg',
  'audio/x-mpeg': 'audio/mpeg',
  'audio/x-m4a': 'audio/mp4',
  'audio/m4a': 'audio/mp4',
  'audio/x-aac': 'audio/aac',
  'audio/opus': 'audio/ogg',
  'audio/vorbis': 'audio/ogg',
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
  'application/x-pdf': 'application/pdf',
  // What browsers and curl call an .xml file: the bytes still have to be a WordPress export.
  'text/xml': 'application/rss+xml',
  'application/xml': 'application/rss+xml',
}

/** Types of one container: the bytes alone can not tell an audio MP4 from a video one. */
const SAME_CONTAINER: StoredType[][] = [
  ['video/mp4', 'audio/mp4'],
  ['video/webm', 'audio/webm'],
]

/** Content types that claim nothing about the bytes. */
const NO_CLAIM = new Set(['', 'application/octet-stream', 'binary/octet-stream'])

/**
 * The type to store, given what the bytes are and what the client declared. A declared type
 * of the same container refines the sniffed one (an M4A is an MP4 of audio); any other
 * declared type is a lie about the bytes, and `undefined` says so.
 */
export function storedTypeOf(sniffed: StoredType, declared: string): StoredType | undefined {
  const essence = declared.split(';')[0]!.trim().toLowerCase()
  if (NO_CLAIM.has(essence)) return sniffed
  const claimed = ALIASES[essence] ?? (isStoredType(essence) ? essence : undefined)
  if (claimed === sniffed) return sniffed
  const family = SAME_CONTAINER.find((f) => f.includes(sniffed))
  return claimed && family?.includes(claimed) ? claimed : undefined
}

/** True for a WordPress export: stored for an import to read, never shown as media. */
export function isExport(type: string): boolean {
  return isStoredType(type) && MEDIA_TYPES[type].kind === 'export'
}
