import { Parser } from 'htmlparser2'
import { parseFragment, serialize } from 'parse5'
import { describe, expect, it } from 'vitest'
import { sanitize } from '../../src/articles/sanitize'
import { LIMITS } from '../../src/articles/limits'
import xss from '../corpus/xss.json'
import { problemFrom } from '../../src/http/problem'

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

/** HTML as an HTML5 parser reads it and writes it back. */
const reparsed = (html: string) => serialize(parseFragment(html))

/** The problem the API answers when `sanitize` refuses: status and body. */
async function refusal(html: string, field?: string) {
  try {
    sanitize(html, field)
  } catch (e) {
    // As the API answers it: the model's refusal, as the edge turns it into a problem.
    const problem = problemFrom(e)
    if (!problem) throw e
    const res = problem.getResponse()
    return { status: res.status, body: await res.json<any>() }
  }
  throw new Error('expected a refusal')
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
        else expect(attribs.rel, "rel is ours, never the publisher's").toBeUndefined()
      }
      // Sanitising is idempotent: what is stored sanitises to itself.
      expect(sanitize(clean)).toBe(clean)
      // And it is well-formed: an HTML5 parser reads it back to the same markup.
      expect(reparsed(clean)).toBe(clean)
    })
  }
})

describe('sanitised HTML', () => {
  it('is well-formed: a table cell gets the row and body HTML5 gives it', () => {
    expect(sanitize('<table><td>x')).toBe('<table><tbody><tr><td>x</td></tr></tbody></table>')
    expect(sanitize('<p>a<div>b</div>')).toBe('<p>a</p><div>b</div>')
    expect(sanitize('<b><i>x</b>y</i>')).toBe('<b><i>x</i></b><i>y</i>')
  })

  it('puts back in place what a removed element held, as a browser would read it', () => {
    // The <button> between the two <p> goes; a <p> cannot hold a <p>.
    const clean = sanitize('<p>a<button><p>b</p></button></p>')
    expect(clean).toBe('<p>a</p><p>b</p><p></p>')
    expect(reparsed(clean)).toBe(clean)
  })

  it('keeps the allowlist: attributes, schemes, code classes, images, rel', () => {
    expect(sanitize('<code class="language-ts x">a</code><code class="x">b</code>')).toBe(
      '<code class="language-ts">a</code><code>b</code>',
    )
    expect(sanitize('<a href=" https://e.example" rel="me" title="t">x</a>')).toBe(
      '<a href=" https://e.example" title="t" rel="noopener noreferrer nofollow">x</a>',
    )
    // Without a base, a relative link keeps its text and an image goes (relative-urls.test.ts).
    expect(sanitize('<a href="/local" rel="me">x</a><a href="mailto:a@e.example">m</a>')).toBe(
      '<a>x</a><a href="mailto:a@e.example">m</a>',
    )
    expect(sanitize('<img src="/a.png"><img src="data:image/png;base64,AA"><img>')).toBe('')
    expect(sanitize('<img src="https://e.example/a.png" alt="A" style="x" width="2">')).toBe(
      '<img src="https://e.example/a.png" alt="A" width="2">',
    )
    expect(sanitize('<p lang="zh" dir="rtl" class="c" id="i">x</p>')).toBe(
      '<p lang="zh" dir="rtl">x</p>',
    )
    expect(sanitize('<svg><a href="https://e.example">svg link</a></svg>')).toBe('svg link')
    expect(sanitize('<section><p>kept</p></section><script>gone</script>')).toBe('<p>kept</p>')
  })
})

describe('HTML limits', () => {
  const nested = (depth: number) => '<div>'.repeat(depth) + 'x'

  it(`keeps elements nested ${LIMITS.htmlDepth} deep`, () => {
    const clean = sanitize(nested(LIMITS.htmlDepth))
    expect(clean).toBe('<div>'.repeat(LIMITS.htmlDepth) + 'x' + '</div>'.repeat(LIMITS.htmlDepth))
  })

  it('refuses one level more with 400, naming the field', async () => {
    const { status, body } = await refusal(nested(LIMITS.htmlDepth + 1))
    expect(status).toBe(400)
    expect(body.errors).toEqual([
      {
        pointer: '/content_html',
        detail: `nests elements deeper than ${LIMITS.htmlDepth} levels`,
      },
    ])
    const markdown = await refusal('<i>'.repeat(300_000), '/content_markdown')
    expect(markdown.body.errors[0].pointer).toBe('/content_markdown')
  })

  it(`keeps ${LIMITS.htmlElements.toLocaleString('en')} elements and refuses one more`, async () => {
    expect(sanitize('<i></i>'.repeat(LIMITS.htmlElements))).toBe(
      '<i></i>'.repeat(LIMITS.htmlElements),
    )
    const { status, body } = await refusal('<i></i>'.repeat(LIMITS.htmlElements + 1))
    expect(status).toBe(400)
    expect(body.errors[0]).toEqual({
      pointer: '/content_html',
      detail: `holds more than ${LIMITS.htmlElements.toLocaleString('en')} elements`,
    })
  })

  it('counts elements a browser would make, and those that are taken out', async () => {
    // Each <p> inside a formatting element reopens it: twice the elements that were written.
    const { body } = await refusal('<b><p>'.repeat(LIMITS.htmlElements / 2))
    expect(body.errors[0].detail).toMatch(/holds more than/)
    expect((await refusal('<script></script>'.repeat(LIMITS.htmlElements + 1))).status).toBe(400)
  })
})
