/** Media RSS (`media:content`, `media:thumbnail`): an item's lead image, in RSS and Atom. */
import { absoluteUrl } from './item'
import { childrenOf, NS, type XmlElement } from './xml-tree'

/** The first image Media RSS names for the item, directly or inside a `media:group`. */
export function mediaImage(item: XmlElement, base: string): string | undefined {
  const scopes = [item, ...childrenOf(item, NS.media, 'group')]
  for (const scope of scopes) {
    for (const c of childrenOf(scope, NS.media, 'content')) {
      const medium = c.attrs.medium ?? (c.attrs.type?.startsWith('image/') ? 'image' : undefined)
      if (medium === 'image') return absoluteUrl(c.attrs.url, base)
    }
    for (const t of childrenOf(scope, NS.media, 'thumbnail')) {
      const url = absoluteUrl(t.attrs.url, base)
      if (url) return url
    }
  }
  return undefined
}
