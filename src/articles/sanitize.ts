import sanitizeHtml from 'sanitize-html'

/**
 * The allowlist every publisher's HTML passes through on write, so the stored article is
 * safe for the HTML view and for every feed. sanitize-html (built on htmlparser2) runs in
 * workerd without a DOM; see the README for why it was chosen.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'pre',
    'code',
    'kbd',
    'samp',
    'var',
    'em',
    'strong',
    'b',
    'i',
    'u',
    's',
    'del',
    'ins',
    'mark',
    'small',
    'sub',
    'sup',
    'q',
    'cite',
    'abbr',
    'time',
    'ruby',
    'rt',
    'rp',
    'a',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'figure',
    'figcaption',
    'img',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
    'span',
    'div',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'hreflang'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    abbr: ['title'],
    time: ['datetime'],
    ol: ['start', 'reversed'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    code: ['class'],
    '*': ['lang', 'dir'],
  },
  // Only a language hint on code blocks, as Markdown renderers write it.
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https', 'http'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // An image must name an absolute http(s) URL: relative ones would point into this site.
  exclusiveFilter: (frame) => frame.tag === 'img' && !/^https?:\/\//i.test(frame.attribs.src ?? ''),
  transformTags: {
    a: (tagName, attribs) => {
      const external = /^https?:/i.test(attribs.href ?? '')
      return {
        tagName,
        attribs: external ? { ...attribs, rel: 'noopener noreferrer nofollow' } : attribs,
      }
    },
  },
}
// `rel` is added by the transform above, never taken from the publisher.
;(OPTIONS.allowedAttributes as Record<string, string[]>).a!.push('rel')

/** Publisher HTML reduced to the allowlist above. */
export function sanitize(html: string): string {
  return sanitizeHtml(html, OPTIONS)
}
