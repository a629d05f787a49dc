/**
 * Relative URLs in a publisher's HTML. Feed readers resolve them each their own way (against
 * the feed, against the article page, or not at all), so they are made absolute on write,
 * against the base the publisher gives (`base_url`, else the article's `url`). Where there is
 * none, a relative image is dropped and a relative link loses its address (its text stays),
 * and the write's answer says which (`warnings`), never silently.
 */

/** Something a write changed in what was sent, for the publisher: the write's `warnings`. */
export interface ContentWarning {
  /** JSON Pointer of the field it is about. */
  pointer: string
  detail: string
  /** The URLs concerned, as sent (at most MAX_LISTED). */
  urls: string[]
}

export type UrlKind = 'image' | 'link'

const MAX_LISTED = 20

/** Collects what one content field's relative URLs became while it is sanitised. */
export class RelativeUrls {
  private readonly unresolved: Record<UrlKind, Set<string>> = { image: new Set(), link: new Set() }

  /** @param base an absolute http(s) URL to resolve against, if the publisher gave one */
  constructor(private readonly base?: string) {}

  /** `url` (relative, including `//host/...`) made absolute; undefined when there is no base. */
  resolve(url: string, kind: UrlKind): string | undefined {
    if (this.base !== undefined) {
      try {
        return new URL(url, this.base).href
      } catch {
        // Not a URL even against the base (`http://[`): dropped and reported below.
      }
    }
    this.unresolved[kind].add(url)
    return undefined
  }

  /** What the publisher is told about the field at `pointer`: nothing when all was resolved. */
  warnings(pointer: string): ContentWarning[] {
    const warn = (kind: UrlKind, what: (many: boolean) => string): ContentWarning[] => {
      const urls = [...this.unresolved[kind]]
      if (urls.length === 0) return []
      const many = urls.length > 1
      return [
        {
          pointer,
          detail: `${urls.length} ${what(many)}: there is no base URL to resolve ${many ? 'them' : 'it'} against (send base_url, or the article's url)`,
          urls: urls.slice(0, MAX_LISTED),
        },
      ]
    }
    return [
      ...warn(
        'image',
        (many) => `image${many ? 's' : ''} with a relative src ${many ? 'were' : 'was'} dropped`,
      ),
      ...warn(
        'link',
        (many) =>
          `link${many ? 's' : ''} with a relative href ${many ? 'were' : 'was'} made plain text`,
      ),
    ]
  }
}
