/**
 * One fetched page of a feed, whatever its format, read into items and the links to the rest
 * of the archive. The format is told by the document, not by the Content-Type, which old
 * sites often get wrong.
 */
import { readAtom } from './atom'
import type { FeedPage } from './item'
import { isJsonFeed, readJsonFeed } from './json-feed'
import { readRss } from './rss'
import { NS, parseXml, XmlError } from './xml-tree'

/** Thrown when a page is none of the three formats; the import fails with its message. */
export class NotAFeed extends Error {
  override readonly name = 'NotAFeed'
}

/** Reads `body`, fetched from `url`. */
export function readFeedPage(body: string, url: string): FeedPage {
  const text = body.replace(/^\uFEFF/, '').trimStart()
  if (text.startsWith('{')) {
    let doc: unknown
    try {
      doc = JSON.parse(text)
    } catch {
      throw new NotAFeed(`${url} is not valid JSON.`)
    }
    if (!isJsonFeed(doc)) throw new NotAFeed(`${url} is JSON but not a JSON Feed.`)
    return readJsonFeed(doc, url)
  }
  let root
  try {
    root = parseXml(text)
  } catch (error) {
    if (error instanceof XmlError)
      throw new NotAFeed(`${url} is not well-formed XML: ${error.message}`)
    throw error
  }
  if (root.uri === '' && root.name === 'rss') return readRss(root, url)
  if (root.uri === NS.atom && root.name === 'feed') return readAtom(root, url)
  throw new NotAFeed(`${url} is neither RSS 2.0, Atom nor JSON Feed (its root is <${root.name}>).`)
}
