import { html, serialize } from 'parse5'
import {
  HtmlLimitError,
  parseHtml,
  type ChildNode,
  type Element,
  type ParentNode,
} from './html-tree'
import { FieldRefusal } from './errors'
import { LIMITS } from './limits'

/**
 * The allowlist every publisher's HTML passes through on write, so the stored article is
 * safe for the HTML view and for every feed. The HTML is parsed as a browser parses it (parse5,
 * html-tree.ts), reduced to the allowlist by a walk over the tree, and serialised by parse5, so
 * what is stored is well-formed HTML that parses back to the same tree. docs/architecture.md
 * says why parse5.
 */
const ALLOWED_TAGS = new Set([
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
const ALLOWED_ATTRIBUTES: Record<string, Set<string>> = {
  a: new Set(['href', 'title', 'hreflang']),
  img: new Set(['src', 'alt', 'title', 'width', 'height']),
  abbr: new Set(['title']),
  time: new Set(['datetime']),
  ol: new Set(['start', 'reversed']),
  th: new Set(['colspan', 'rowspan', 'scope']),
  td: new Set(['colspan', 'rowspan']),
  code: new Set(['class']),
}
const GLOBAL_ATTRIBUTES = new Set(['lang', 'dir'])

/**
 * Elements dropped with everything in them; any other element outside the allowlist is
 * dropped but its content kept. These hold code, styles, form values or fallback markup that
 * a browser does not show as text.
 */
const DROPPED_WITH_CONTENT = new Set([
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
const CODE_CLASS = /^language-[\w-]+$/

/** URL schemes per attribute; relative URLs pass, protocol-relative ones do not. */
const LINK_SCHEMES = ['http', 'https', 'mailto']
const IMAGE_SCHEMES = ['http', 'https']

/**
 * Publisher HTML reduced to the allowlist above. FieldRefusal naming `field` (a JSON Pointer) when it is
 * over LIMITS.htmlDepth or LIMITS.htmlElements.
 */
export function sanitize(source: string, field = '/content_html'): string {
  try {
    let clean = reduce(source)
    // Taking out an element can put its children where the parser would not have (a <p>
    // inside a <p> once a <button> between them is gone): parsing the result again puts
    // them where a browser would, and that parses back to itself.
    if (clean.unwrapped) clean = reduce(clean.html)
    return clean.html
  } catch (e) {
    if (!(e instanceof HtmlLimitError)) throw e
    throw new FieldRefusal({ pointer: field, detail: e.message })
  }
}

/** One parse, walk and serialisation; `unwrapped` when an element was taken out around content. */
function reduce(source: string): { html: string; unwrapped: boolean } {
  const fragment = parseHtml(source)
  let unwrapped = false
  // Iterative, parents first; nesting was bounded while parsing, and is checked again here.
  const parents: { node: ParentNode; depth: number }[] = [{ node: fragment, depth: 0 }]
  for (let next = parents.pop(); next; next = parents.pop()) {
    const { node: parent, depth } = next
    if (depth > LIMITS.htmlDepth) {
      throw new HtmlLimitError(`nests elements deeper than ${LIMITS.htmlDepth} levels`)
    }
    const kept: ChildNode[] = []
    // A dropped element's children take its place: a stack of the lists being read.
    const lists: { nodes: ChildNode[]; at: number }[] = [{ nodes: parent.childNodes, at: 0 }]
    while (lists.length) {
      const list = lists.at(-1)!
      const node = list.nodes[list.at++]
      if (!node) {
        lists.pop()
      } else if (node.nodeName === '#text') {
        kept.push(node)
      } else if ('tagName' in node) {
        const verdict = judge(node)
        if (verdict === 'keep') {
          kept.push(node)
          parents.push({ node, depth: depth + 1 })
        } else if (verdict === 'unwrap') {
          unwrapped = true
          lists.push({ nodes: node.childNodes, at: 0 })
        }
      }
      // Comments and doctypes go.
    }
    for (const child of kept) child.parentNode = parent
    parent.childNodes = kept
  }
  return { html: serialize(fragment), unwrapped }
}

/** Whether an element stays (its attributes filtered), goes with its content, or goes alone. */
function judge(element: Element): 'keep' | 'drop' | 'unwrap' {
  if (DROPPED_WITH_CONTENT.has(element.tagName)) return 'drop'
  // SVG and MathML elements go even where their names match ours (<svg><a>).
  if (element.namespaceURI !== html.NS.HTML || !ALLOWED_TAGS.has(element.tagName)) {
    return 'unwrap'
  }
  const allowed = ALLOWED_ATTRIBUTES[element.tagName]
  element.attrs = element.attrs.flatMap((attr) => {
    if (attr.namespace || !(GLOBAL_ATTRIBUTES.has(attr.name) || allowed?.has(attr.name))) return []
    if (attr.name === 'href' && !hasScheme(attr.value, LINK_SCHEMES)) return []
    if (attr.name === 'src' && !hasScheme(attr.value, IMAGE_SCHEMES)) return []
    if (attr.name === 'class') {
      const value = attr.value
        .split(/\s+/)
        .filter((c) => CODE_CLASS.test(c))
        .join(' ')
      return value ? [{ ...attr, value }] : []
    }
    return [attr]
  })
  if (element.tagName === 'img') {
    // An image must name an absolute http(s) URL: relative ones would point into this site.
    const src = element.attrs.find((a) => a.name === 'src')?.value ?? ''
    return /^https?:\/\//i.test(src) ? 'keep' : 'drop'
  }
  if (element.tagName === 'a') {
    const href = element.attrs.find((a) => a.name === 'href')?.value
    if (href !== undefined && /^https?:/i.test(withoutIgnored(href))) {
      element.attrs.push({ name: 'rel', value: 'noopener noreferrer nofollow' })
    }
  }
  return 'keep'
}

/** A URL with what browsers skip in it taken out: controls and spaces. */
function withoutIgnored(url: string): string {
  return url.replace(/[\x00-\x20]+/g, '')
}

/**
 * Whether a URL is relative (but not protocol-relative) or has one of `schemes`, read as a
 * browser would read it once it has skipped controls and spaces (`jav&#x09;ascript:`).
 */
function hasScheme(url: string, schemes: string[]): boolean {
  const bare = withoutIgnored(url)
  const scheme = /^([a-zA-Z][a-zA-Z0-9.+-]*):/.exec(bare)?.[1]
  if (scheme === undefined) return !/^[/\\]{2}/.test(bare)
  return schemes.includes(scheme.toLowerCase())
}
