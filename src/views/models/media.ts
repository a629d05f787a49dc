/** What the pages need of an article's media: srcsets from the variant ladder, files to play. */
import type { Attachment } from '../../articles/model'
import { linkedUrl, mediaKeyOf } from '../../media/links'
import { LADDER } from '../../media/variants'
import { MEDIA_TYPES, isStoredType, type MediaKind } from '../../media/types'
import { variantPath } from '../../urls'
import type { Site } from '../layout'

/** The article column is 42rem wide at most: the width a photo is shown at. */
export const PHOTO_SIZES = '(min-width: 44rem) 42rem, 100vw'

const mediaSite = (site: Site) => ({ baseUrl: site.baseUrl, mediaPublicUrl: site.mediaPublicUrl })

/**
 * A photo's `srcset`: each width of the variant ladder, for a photo of ours; undefined for one
 * elsewhere, which is shown as it is.
 */
export function srcsetOf(site: Site, url: string): string | undefined {
  const key = mediaKeyOf(mediaSite(site), url)
  if (!key) return undefined
  return LADDER.map((w) => `${site.baseUrl}${variantPath(key, w)} ${w}w`).join(', ')
}

/** An attachment as a page shows it: played in place, or offered as a download. */
export interface FileView {
  url: string
  kind: MediaKind
  type: string
  title?: string
  /** "MP3 · 12.3 MB" */
  facts: string
}

function sizeInWords(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  const [value, unit] =
    bytes < 1e6 ? [bytes / 1e3, 'kB'] : bytes < 1e9 ? [bytes / 1e6, 'MB'] : [bytes / 1e9, 'GB']
  return `${value.toFixed(value < 10 ? 1 : 0)} ${unit}`
}

function kindOfType(type: string): MediaKind {
  if (isStoredType(type)) return MEDIA_TYPES[type].kind
  const top = type.split('/')[0]
  return top === 'audio' || top === 'video' || top === 'image' ? top : 'document'
}

export function fileView(site: Site, file: Attachment): FileView {
  const ext = isStoredType(file.mime_type)
    ? MEDIA_TYPES[file.mime_type].ext
    : (file.mime_type.split('/')[1] ?? '')
  const facts = [
    ext.toUpperCase(),
    file.size_in_bytes ? sizeInWords(file.size_in_bytes) : undefined,
  ]
  return {
    url: linkedUrl(mediaSite(site), file.url, file.mime_type),
    kind: kindOfType(file.mime_type),
    type: file.mime_type,
    ...(file.title !== undefined ? { title: file.title } : {}),
    facts: facts.filter(Boolean).join(' · '),
  }
}
