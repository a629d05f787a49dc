import { Parser } from 'htmlparser2'
import { describe, expect, it } from 'vitest'
import { sanitize } from '../../src/articles/sanitize'
import xss from '../corpus/xss.json'

const EXECUTABLE_TAGS = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'style',
  'link',
  'meta',
  'base',
  'svg',
  'math',
  'template',
  'noscript',
  'xmp',
  'textarea',
  'select',
  'video',
  'audio',
  'source',
  'details',
  'marquee',
  'isindex',
  'body',
])

/** Everything a browser would treat as markup in `html`, read by a real HTML parser. */
function elements(html: string) {
  const found: { name: string; attribs: Record<string, string> }[] = []
  const parser = new Parser(
    { onopentag: (name, attribs) => found.push({ name, attribs }) },
    { decodeEntities: true },
  )
  parser.end(html)
  return found
}

describe('the XSS corpus', () => {
  it('has at least 50 vectors', () => {
    expect(xss.vectors.length).toBeGreaterThanOrEqual(50)
  })

  for (const vector of xss.vectors) {
    it(`defuses ${vector.slice(0, 70)}`, () => {
      const clean = sanitize(vector)
      for (const { name, attribs } of elements(clean)) {
        expect(EXECUTABLE_TAGS.has(name), `<${name}> survived`).toBe(false)
        for (const [attr, value] of Object.entries(attribs)) {
          expect(attr.startsWith('on'), `${attr} survived`).toBe(false)
          expect(
            [
              'style',
              'srcdoc',
              'formaction',
              'background',
              'dynsrc',
              'srcset',
              'ping',
              'target',
              'xlink:href',
            ].includes(attr),
            `${attr} survived`,
          ).toBe(false)
          if (attr === 'href') expect(value, `href=${value}`).toMatch(/^(https?:|mailto:|[^:]*$)/i)
          if (attr === 'src') expect(value, `src=${value}`).toMatch(/^https?:\/\//i)
        }
        if (name === 'a' && /^https?:/.test(attribs.href ?? ''))
          expect(attribs.rel).toBe('noopener noreferrer nofollow')
      }
      // Sanitising is idempotent: what is stored sanitises to itself.
      expect(sanitize(clean)).toBe(clean)
    })
  }
})
