/** What publisher HTML may hold after sanitize.ts: elements, attributes and URL schemes. */
import type { UrlKind } from './relative-urls'

export const ALLOWED_TAGS = new Set([
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
])

/** Attributes kept per element; `lang` and `dir` on every one. `rel` is ours, never theirs. */
export const ALLOWED_ATTRIBUTES: Record<string, Set<string>> = {
  a: new Set(['href', 'title', 'hreflang']),
  img: new Set(['src', 'alt', 'title', 'width', 'height']),
  abbr: new Set(['title']),
  time: new Set(['datetime']),
  ol: new Set(['start', 'reversed']),
  th: new Set(['colspan', 'rowspan', 'scope']),
  td: new Set(['colspan', 'rowspan']),
  code: new Set(['class']),
}
export const GLOBAL_ATTRIBUTES = new Set(['lang', 'dir'])

/**
 * Elements dropped with everything in them; any other element outside the allowlist is
 * dropped but its content kept. These hold code, styles, form values or fallback markup that
 * a browser does not show as text.
 */
export const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'template',
  'textarea',
  'option',
  'select',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'title',
])

/** Only a language hint on code blocks, as Markdown renderers write it. */
export const CODE_CLASS = /^language-[\w-]+$/

/** URL schemes per attribute; relative URLs are resolved against the article's base (relative-urls.ts). */
export const URL_ATTRIBUTES: Record<string, { kind: UrlKind; schemes: string[] }> = {
  href: { kind: 'link', schemes: ['http', 'https', 'mailto'] },
  src: { kind: 'image', schemes: ['http', 'https'] },
}
