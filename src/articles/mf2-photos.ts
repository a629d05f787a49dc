/**
 * Micropub's `photo` and an article's photos, both ways. A photo is a URL, or, with its alt
 * text (Micropub 3.3.2), `{value, alt}`; edgefeed also reads and gives back `caption` and
 * `credit` there. A bare URL has no alt text, and is stored with `alt: ""`.
 */
import type { Article, Photo } from './model'
import { MicropubError } from './errors'

const PHOTO_KEYS = new Set(['value', 'alt', 'caption', 'credit'])

/** Micropub photo values as the article's `photos` input (validated after, with the rest). */
export function photosFrom(values: unknown[]): Record<string, unknown>[] {
  return values.map((value, i) => {
    if (typeof value === 'string') return { url: value, alt: '' }
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const photo = value as Record<string, unknown>
      const unknown = Object.keys(photo).find((k) => !PHOTO_KEYS.has(k))
      if (unknown === undefined && typeof photo.value === 'string') {
        const { value: url, alt = '', ...rest } = photo
        return { url, alt, ...rest }
      }
    }
    throw new MicropubError(
      `photo[${i}] must be a URL, or {"value": URL, "alt": text} (caption and credit may be added)`,
    )
  })
}

/** One photo as Micropub shows it: the URL alone when that is all there is. */
function photoValue(photo: Photo): unknown {
  const { url, alt, ...rest } = photo
  return alt === '' && !rest.caption && !rest.credit ? url : { value: url, alt, ...rest }
}

/** The article's `photo` property: its photos, or its lead image when it has none. */
export function photoValues(article: Pick<Article, 'photos' | 'image'>): unknown[] {
  if (article.photos?.length) return article.photos.map(photoValue)
  return article.image ? [article.image] : []
}
