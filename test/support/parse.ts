/**
 * Reading what the Worker answers as its readers do: XML with a real XML parser, HTML with a
 * real HTML parser. Pure, so unit tests in plain Node use them too.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { Parser } from 'htmlparser2'

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) =>
    ['item', 'entry', 'category', 'link', 'atom:link', 'author', 'dc:creator'].includes(name),
})

/** Parses an XML document, failing the test unless it is well-formed. */
export function parseXml(text: string): any {
  const valid = XMLValidator.validate(text)
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`)
  return parser.parse(text)
}

/** The elements of an HTML page, read with a real HTML parser. */
export function dom(html: string) {
  const elements: { name: string; attribs: Record<string, string>; text: string }[] = []
  const open: number[] = []
  const parser = new Parser({
    onopentag(name, attribs) {
      open.push(elements.push({ name, attribs, text: '' }) - 1)
    },
    ontext(text) {
      for (const i of open) elements[i]!.text += text
    },
    onclosetag() {
      open.pop()
    },
  })
  parser.end(html)
  const all = (name: string, attr?: Record<string, string>) =>
    elements.filter(
      (e) => e.name === name && Object.entries(attr ?? {}).every(([k, v]) => e.attribs[k] === v),
    )
  return { all, one: (name: string, attr?: Record<string, string>) => all(name, attr)[0] }
}
