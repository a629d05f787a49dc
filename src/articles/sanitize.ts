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
import { RelativeUrls, type UrlKind } from './relative-urls'
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_TAGS,
  CODE_CLASS,
  DROPPED_WITH_CONTENT,
  GLOBAL_ATTRIBUTES,
  URL_ATTRIBUTES,
} from './allowlist'

/**
 * Every publisher's HTML passes through here on write, so the stored article is safe for the
 * HTML view and for every feed. The HTML is parsed as a browser parses it (parse5,
 * html-tree.ts), reduced to the allowlist (allowlist.ts) by a walk over the tree, and
 * serialised by parse5, so what is stored is well-formed HTML that parses back to the same
 * tree. docs/architecture.md says why parse5.
 */

/**
 * Publisher HTML reduced to the allowlist, its relative URLs resolved by `urls` (which
 * keeps what it could not resolve, for the write's warnings). FieldRefusal naming `field` (a
 * JSON Pointer) when it is over LIMITS.htmlDepth or LIMITS.htmlElements.
 */
export function sanitize(
  source: string,
  field = '/content_html',
  urls: RelativeUrls = new RelativeUrls(),
): string {
  try {
    let clean = reduce(source, urls)
    // Taking out an element can put its children where the parser would not have (a <p>
    // inside a <p> once a <button> between them is gone): parsing the result again puts
    // them where a browser would, and that parses back to itself.
    if (clean.unwrapped) clean = reduce(clean.html, urls)
    return clean.html
  } catch (e) {
    if (!(e instanceof HtmlLimitError)) throw e
    throw new FieldRefusal({ pointer: field, detail: e.message })
  }
}

/** One parse, walk and serialisation; `unwrapped` when an element was taken out around content. */
function reduce(source: string, urls: RelativeUrls): { html: string; unwrapped: boolean } {
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
        const verdict = judge(node, urls)
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
function judge(element: Element, urls: RelativeUrls): 'keep' | 'drop' | 'unwrap' {
  if (DROPPED_WITH_CONTENT.has(element.tagName)) return 'drop'
  // SVG and MathML elements go even where their names match ours (<svg><a>).
  if (element.namespaceURI !== html.NS.HTML || !ALLOWED_TAGS.has(element.tagName)) {
    return 'unwrap'
  }
  const allowed = ALLOWED_ATTRIBUTES[element.tagName]
  element.attrs = element.attrs.flatMap((attr) => {
    if (attr.namespace || !(GLOBAL_ATTRIBUTES.has(attr.name) || allowed?.has(attr.name))) return []
    const rule = URL_ATTRIBUTES[attr.name]
    if (rule) {
      const value = keptUrl(attr.value, rule, urls)
      return value === undefined ? [] : [{ ...attr, value }]
    }
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
    // An image must name an absolute http(s) URL: a relative one that could not be resolved
    // would point into this site.
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
 * A URL as kept: as sent when it has one of the rule's schemes, not at all when it has
 * another, and resolved by `urls` when it is relative (`//host/` included). Read as a browser
 * reads it once it has skipped controls and spaces (`jav&#x09;ascript:`).
 */
function keptUrl(
  url: string,
  rule: { kind: UrlKind; schemes: string[] },
  urls: RelativeUrls,
): string | undefined {
  const bare = withoutIgnored(url)
  const scheme = /^([a-zA-Z][a-zA-Z0-9.+-]*):/.exec(bare)?.[1]
  if (scheme === undefined) return urls.resolve(bare, rule.kind)
  return rule.schemes.includes(scheme.toLowerCase()) ? url : undefined
}
