// Articles the write path refuses: each answer names the field and says why, and nothing is
// stored (KV compared before and after).
import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { LIMITS } from '../../src/articles/limits'
import { client, kvSnapshot, publish } from '../helpers'

const c = client()

afterEach(() => reset())

/** Posts `article`, expecting 400; returns the problem, having checked that KV did not change. */
async function refused(article: Record<string, unknown>) {
  // Something stored, so that "nothing changed" is not trivially true.
  await c.put('kept', { title: 'Already here', content_text: 'x' })
  const before = await kvSnapshot()
  const res = await c.post(article)
  expect(res.status).toBe(400)
  expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
  const problem = await res.json<any>()
  expect(await kvSnapshot()).toEqual(before)
  return problem
}

describe('tags', () => {
  it('"." and ".." are refused: /tags/.. is / and /tags/. is /tags/', async () => {
    for (const tag of ['.', '..', ' .. ']) {
      const problem = await refused({ title: 'Dots', content_text: 'x', tags: ['ok', tag] })
      expect(problem.errors).toEqual([
        { pointer: '/tags/1', detail: 'must not be "." or "..", which no URL can name' },
      ])
    }
  })

  it('with dots among other characters are kept', async () => {
    const stored = await publish(c, {
      title: 'Dots',
      content_text: 'x',
      tags: ['...', '.net', 'a..b'],
    })
    expect(stored.tags).toEqual(['...', '.net', 'a..b'])
  })
})

describe('content_html', () => {
  it(`nested deeper than ${LIMITS.htmlDepth} elements is refused, naming the field`, async () => {
    const problem = await refused({
      title: 'Deep',
      content_html: '<div>'.repeat(LIMITS.htmlDepth + 1) + 'x',
    })
    expect(problem.errors).toEqual([
      { pointer: '/content_html', detail: `nests elements deeper than ${LIMITS.htmlDepth} levels` },
    ])
  })

  it('of 1 MiB nested <i> is refused the same way', async () => {
    const problem = await refused({ title: 'Deep', content_html: '<i>'.repeat(349_000) })
    expect(problem.errors[0].pointer).toBe('/content_html')
  })

  it(`with more than ${LIMITS.htmlElements.toLocaleString('en')} elements is refused`, async () => {
    const problem = await refused({
      title: 'Many',
      content_html: '<b></b>'.repeat(LIMITS.htmlElements + 1),
    })
    expect(problem.errors).toEqual([
      {
        pointer: '/content_html',
        detail: `holds more than ${LIMITS.htmlElements.toLocaleString('en')} elements`,
      },
    ])
  })

  it('at the limits is stored, well-formed', async () => {
    const deep = '<div>'.repeat(LIMITS.htmlDepth) + 'x'
    const stored = await publish(c, { title: 'Deep enough', content_html: deep })
    expect(stored.content_html).toBe(deep + '</div>'.repeat(LIMITS.htmlDepth))
    const table = await publish(c, { title: 'Cells', content_html: '<table><td>x' })
    expect(table.content_html).toBe('<table><tbody><tr><td>x</td></tr></tbody></table>')
  })
})

describe('content_markdown', () => {
  const nesting = `nests quotes, lists or spans deeper than ${LIMITS.markdownDepth} levels`

  it('nested too deeply is refused, naming the field, even 1 MiB deep', async () => {
    for (const content_markdown of ['>'.repeat(32) + ' x', '>'.repeat(1_000_000)]) {
      const problem = await refused({ title: 'Quotes', content_markdown })
      expect(problem.errors).toEqual([{ pointer: '/content_markdown', detail: nesting }])
    }
  })

  it('of 1 MiB of emphasis is refused in linear time, not rendered for 18 s', async () => {
    const problem = await refused({ title: 'Stars', content_markdown: '*a'.repeat(500_000) })
    expect(problem.errors[0].pointer).toBe('/content_markdown')
  })

  it('at the nesting limit is stored, well-formed', async () => {
    const stored = await publish(c, { title: 'Quotes', content_markdown: '>'.repeat(31) + ' x' })
    expect(stored.content_html).toBe(
      '<blockquote>\n'.repeat(31) + '<p>x</p>\n' + '</blockquote>\n'.repeat(31),
    )
  })
})
