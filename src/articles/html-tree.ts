/**
 * Publisher HTML parsed as browsers parse it (parse5, the WHATWG algorithm), with its size
 * bounded while it is built: at most LIMITS.htmlDepth elements inside one another and
 * LIMITS.htmlElements elements in all. The tree builder's own work per tag grows with the depth
 * of open elements, so bounding the depth is what keeps a parse linear in its input, and bounding
 * the element count is what keeps it cheap; beyond either, parsing stops at once.
 */
import { defaultTreeAdapter, html, parseFragment, type DefaultTreeAdapterTypes } from 'parse5'
import { LIMITS } from './limits'

export type Fragment = DefaultTreeAdapterTypes.DocumentFragment
export type Node = DefaultTreeAdapterTypes.Node
export type ParentNode = DefaultTreeAdapterTypes.ParentNode
export type ChildNode = DefaultTreeAdapterTypes.ChildNode
export type Element = DefaultTreeAdapterTypes.Element

/** HTML over one of the limits; the message says which, in a publisher's words. */
export class HtmlLimitError extends RangeError {
  override name = 'HtmlLimitError'
}

/** Content is parsed as the inside of a <body>, where feed readers and our pages put it. */
const CONTEXT = defaultTreeAdapter.createElement('body', html.NS.HTML, [])

/**
 * `source` as a document fragment, or HtmlLimitError when it nests deeper than `maxDepth`
 * elements or holds more than `maxElements`.
 */
export function parseHtml(
  source: string,
  maxDepth: number = LIMITS.htmlDepth,
  maxElements: number = LIMITS.htmlElements,
): Fragment {
  // parse5 makes a mock document and a root element of its own for every fragment.
  let elements = -2
  // A template's content is a fragment of its own, with no parent: this leads back to it.
  const templates = new WeakMap<Fragment, Element>()
  /** How deep a node put into `parent` would be, counting only as far as the limit. */
  const depthUnder = (parent: ParentNode): number => {
    let depth = 0
    for (let node: ParentNode | undefined = parent; node && depth <= maxDepth + 2;) {
      depth++
      node = (node as Element).parentNode ?? templates.get(node as Fragment)
    }
    // The fragment's own mock document and root are not the publisher's elements.
    return depth - 1
  }
  const checkDepth = (parent: ParentNode, child: ChildNode) => {
    if ('tagName' in child && depthUnder(parent) > maxDepth) {
      throw new HtmlLimitError(`nests elements deeper than ${maxDepth} levels`)
    }
  }
  return parseFragment(CONTEXT, source, {
    treeAdapter: {
      ...defaultTreeAdapter,
      createElement(tagName, namespaceURI, attrs) {
        if (++elements > maxElements) {
          throw new HtmlLimitError(`holds more than ${maxElements.toLocaleString('en')} elements`)
        }
        return defaultTreeAdapter.createElement(tagName, namespaceURI, attrs)
      },
      appendChild(parent, child) {
        checkDepth(parent, child)
        defaultTreeAdapter.appendChild(parent, child)
      },
      insertBefore(parent, child, reference) {
        checkDepth(parent, child)
        defaultTreeAdapter.insertBefore(parent, child, reference)
      },
      setTemplateContent(template, content) {
        templates.set(content, template)
        defaultTreeAdapter.setTemplateContent(template, content)
      },
    },
  })
}
