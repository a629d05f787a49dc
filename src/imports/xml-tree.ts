/**
 * XML read into small trees with saxes, a streaming parser: a whole feed page becomes one
 * tree, while a WordPress export hands each finished element to its reader and keeps none.
 * Names are matched by namespace URI and local name, never by the prefix a document chose.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes'

/** An element: its namespace, local name, attributes and children (text as strings). */
export interface XmlElement {
  uri: string
  name: string
  /** By local name for unqualified attributes, `{uri}local` for namespaced ones. */
  attrs: Record<string, string>
  children: XmlNode[]
}
export type XmlNode = XmlElement | string

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
  history: 'http://purl.org/syndication/history/1.0',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const

/** Thrown for a document that is not well-formed XML; the message says where. */
export class XmlError extends Error {
  override readonly name = 'XmlError'
}

/**
 * What a reader does with an element once it is closed, at `depth` (the root is 0), the
 * parser being at `position` (a UTF-16 index into all the text written): true drops it from
 * its parent, so a long document is never held.
 */
export type OnClose = (element: XmlElement, depth: number, position: number) => boolean | void

/** A streaming tree builder: write text as it arrives, `close()` at the end. */
export class XmlTreeReader {
  private readonly parser = new SaxesParser({ xmlns: true, position: true })
  private readonly stack: XmlElement[] = []
  private error: Error | undefined
  root: XmlElement | undefined
  /** The namespaces the root element declares, by prefix: what a reader resuming mid-way needs. */
  rootNamespaces: Record<string, string> = {}

  constructor(onClose: OnClose = () => false) {
    const parser = this.parser
    parser.on('opentag', (tag: SaxesTagNS) => {
      const attrs: Record<string, string> = {}
      for (const a of Object.values(tag.attributes)) {
        if (a.prefix === 'xmlns' || a.name === 'xmlns') continue
        attrs[a.uri ? `{${a.uri}}${a.local}` : a.local] = a.value
      }
      const element: XmlElement = { uri: tag.uri, name: tag.local, attrs, children: [] }
      this.stack.at(-1)?.children.push(element)
      this.stack.push(element)
      if (!this.root) {
        this.root = element
        this.rootNamespaces = { ...tag.ns }
      }
    })
    parser.on('closetag', () => {
      const element = this.stack.pop()!
      if (onClose(element, this.stack.length, parser.position)) this.stack.at(-1)?.children.pop()
    })
    const text = (t: string) => {
      const parent = this.stack.at(-1)
      if (parent) parent.children.push(t)
    }
    parser.on('text', text)
    parser.on('cdata', text)
    parser.on('error', (e) => {
      this.error ??= new XmlError(e.message)
    })
  }

  /** Position (a UTF-16 index into the text written) the parser has read up to. */
  get position(): number {
    return this.parser.position
  }

  write(text: string): void {
    this.parser.write(text)
    if (this.error) throw this.error
  }

  close(): XmlElement {
    this.parser.close()
    if (this.error) throw this.error
    if (!this.root) throw new XmlError('The document has no root element.')
    return this.root
  }
}

/** A whole document as one tree. */
export function parseXml(text: string): XmlElement {
  const reader = new XmlTreeReader()
  reader.write(text)
  return reader.close()
}

/** The element's children in namespace `uri` named `name`. */
export function childrenOf(el: XmlElement, uri: string, name: string): XmlElement[] {
  return el.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && c.uri === uri && c.name === name,
  )
}

export function childOf(el: XmlElement, uri: string, name: string): XmlElement | undefined {
  return childrenOf(el, uri, name)[0]
}

/** All text inside the element, trimmed. */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return ''
  let out = ''
  const walk = (node: XmlNode) => {
    if (typeof node === 'string') out += node
    else node.children.forEach(walk)
  }
  el.children.forEach(walk)
  return out.trim()
}

/** The text of the child `name`, or undefined when it is absent or empty. */
export function childText(el: XmlElement, uri: string, name: string): string | undefined {
  return textOf(childOf(el, uri, name)) || undefined
}

const escapeText = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;')

/** The children written back as markup: Atom's `type="xhtml"` content, without its `div`. */
export function innerXml(el: XmlElement): string {
  return el.children
    .map((node) => {
      if (typeof node === 'string') return escapeText(node)
      const attrs = Object.entries(node.attrs)
        .filter(([k]) => !k.startsWith('{'))
        .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
        .join('')
      return `<${node.name}${attrs}>${innerXml(node)}</${node.name}>`
    })
    .join('')
}
