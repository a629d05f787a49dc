import { parseFragment, serialize } from 'parse5'
import { describe, expect, it } from 'vitest'
import { markdownToHtml } from '../../src/articles/content'
import { LIMITS } from '../../src/articles/limits'
import { problemFrom } from '../../src/http/problem'

/** The problem the API answers when `markdownToHtml` refuses: status and body. */
async function refusal(source: string) {
  try {
    markdownToHtml(source)
  } catch (e) {
    // As the API answers it: the model's refusal, as the edge turns it into a problem.
    const problem = problemFrom(e)
    if (!problem) throw e
    const res = problem.getResponse()
    return { status: res.status, body: await res.json<any>() }
  }
  throw new Error('expected a refusal')
}

const quotes = (n: number) => '>'.repeat(n) + ' x'
const lists = (n: number) =>
  Array.from({ length: n }, (_, i) => ' '.repeat(2 * i) + '- a').join('\n')

describe('Markdown', () => {
  it('renders GFM: emphasis, links, tables, strikethrough, autolinks, code, raw HTML sanitised', () => {
    const html = markdownToHtml(
      [
        'Some **bold** and *em* [link](https://e.example) ~~gone~~ https://auto.example/x',
        '',
        '| a | b |',
        '| - | - |',
        '| 1 | 2 |',
        '',
        '```ts',
        'let x = 1 < 2',
        '```',
        '',
        '<span onclick="x()">raw</span><script>alert(1)</script>',
      ].join('\n'),
    )
    expect(html).toContain(
      '<p>Some <strong>bold</strong> and <em>em</em> <a href="https://e.example" rel="noopener noreferrer nofollow">link</a> <s>gone</s> <a href="https://auto.example/x" rel="noopener noreferrer nofollow">https://auto.example/x</a></p>',
    )
    expect(html).toContain('<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>')
    expect(html).toContain('<pre><code class="language-ts">let x = 1 &lt; 2\n</code></pre>')
    expect(html).toContain('<p><span>raw</span></p>')
    expect(html).not.toMatch(/script|onclick/)
  })

  it('renders what it keeps well-formed', () => {
    const html = markdownToHtml('<table><td>cell\n\n- a\n  > b')
    expect(serialize(parseFragment(html))).toBe(html)
  })
})

describe('Markdown limits', () => {
  it(`keeps ${LIMITS.markdownDepth} levels: 31 quotes round a paragraph, 15 list levels`, () => {
    expect(markdownToHtml(quotes(31))).toContain('<blockquote>\n'.repeat(31) + '<p>x</p>')
    expect(markdownToHtml(lists(15)).match(/<ul>/g)).toHaveLength(15)
  })

  it('refuses one level more with 400, naming the field', async () => {
    for (const source of [quotes(32), lists(16), '>'.repeat(50_000), lists(40)]) {
      const { status, body } = await refusal(source)
      expect(status).toBe(400)
      expect(body.errors).toEqual([
        {
          pointer: '/content_markdown',
          detail: `nests quotes, lists or spans deeper than ${LIMITS.markdownDepth} levels`,
        },
      ])
    }
  })

  it('refuses what reads as too many pieces, and what renders to too much HTML', async () => {
    const many = await refusal('a\n'.repeat(LIMITS.markdownTokens))
    expect(many.body.errors[0]).toMatchObject({ pointer: '/content_markdown' })
    expect(many.body.errors[0].detail).toMatch(/^reads as more than 200,000 pieces/)
    // Emphasis nests without bound in Markdown; the HTML it makes is held to the HTML limit.
    const deep = await refusal('*'.repeat(300) + 'a' + '*'.repeat(300))
    expect(deep.body.errors[0]).toEqual({
      pointer: '/content_markdown',
      detail: `nests elements deeper than ${LIMITS.htmlDepth} levels`,
    })
  })

  it('takes a line of 100,000 list markers as the thematic break it is', () => {
    expect(markdownToHtml('- '.repeat(100_000))).toBe('<hr>\n')
  })

  it('renders long runs of emphasis in linear time, as pairs or refused, never in part', async () => {
    const { body } = await refusal('*a'.repeat(500_000))
    expect(body.errors[0].pointer).toBe('/content_markdown')
    expect(markdownToHtml('*a'.repeat(1000))).toMatch(/^<p><em>a<\/em>a<em>a<\/em>/)
  })
})

describe('Markdown look-ahead', () => {
  it('reads a link-dense article, and refuses a run of brackets that open no link', async () => {
    const dense =
      'See [the **report**](https://e.example/a) and ![chart](https://e.example/c.png). '
    expect(markdownToHtml(dense.repeat(2000))).toContain('<strong>report</strong>')
    for (const run of ['['.repeat(1_000_000), '!['.repeat(500_000)]) {
      const { status, body } = await refusal(run)
      expect(status).toBe(400)
      expect(body.errors).toEqual([
        {
          pointer: '/content_markdown',
          detail: 'holds too many brackets that open no link, or links nested too deeply',
        },
      ])
    }
  })
})

describe('Markdown elements', () => {
  it('refuses before rendering what certainly renders to too many elements', async () => {
    const { body } = await refusal('https://e.example/a '.repeat(LIMITS.htmlElements + 1))
    expect(body.errors).toEqual([
      {
        pointer: '/content_markdown',
        detail: `renders to more than ${LIMITS.htmlElements.toLocaleString('en')} elements`,
      },
    ])
    const within = markdownToHtml('https://e.example/a '.repeat(1000))
    expect(within.match(/<a /g)).toHaveLength(1000)
  })
})

describe('Markdown over the stored budget', () => {
  it('is refused once read, before it is rendered: 30,000 autolinks (600 KB)', async () => {
    const source = Array.from({ length: 30_000 }, (_, i) => `https://e${i}.example/a`).join(' ')
    const { status, body } = await refusal(source)
    expect(status).toBe(413)
    expect(body.errors[0].pointer).toBe('/content_markdown')
    expect(body.errors[0].detail).toMatch(/renders to at least \d+ KiB of text/)
  })
})
