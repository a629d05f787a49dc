// JSON bodies through the Worker: bytes that are not UTF-8, other charsets, malformed and too
// deeply nested JSON are refused with a clear problem, and nothing is stored.
import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { LIMITS } from '../../src/articles/limits'
import { ADMIN_TOKEN, client, kvSnapshot, publish } from '../helpers'

afterEach(() => reset())

/** Sends `body` as an article and returns the answer, checking that KV did not change. */
async function refused(body: BodyInit, contentType = 'application/json') {
  const c = client()
  await publish(c, { id: 'kept', title: 'Already here', content_text: 'x' })
  const before = await kvSnapshot()
  const res = await c.fetch('/api/articles', {
    method: 'POST',
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': contentType },
    body,
  })
  expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
  const problem = await res.json<any>()
  expect(await kvSnapshot()).toEqual(before)
  return { status: res.status, problem }
}

const utf8 = (s: string) => new TextEncoder().encode(s)

describe('JSON bodies', () => {
  it('that are not UTF-8 are refused with 400, not stored with U+FFFD', async () => {
    // "經" cut short: its first two bytes, then the closing quote.
    const bytes = new Uint8Array([
      ...utf8('{"title":"'),
      0xe7,
      0xb6,
      ...utf8('","content_text":"x"}'),
    ])
    const { status, problem } = await refused(bytes)
    expect(status).toBe(400)
    expect(problem.detail).toMatch(/not valid UTF-8/)
    expect(problem.errors).toEqual([{ pointer: '', detail: 'not valid UTF-8' }])
  })

  it('declaring another charset are refused with 415', async () => {
    const body = utf8('{"title":"caf\u00e9","content_text":"x"}')
    const { status, problem } = await refused(body, 'application/json; charset=iso-8859-1')
    expect(status).toBe(415)
    expect(problem.detail).toMatch(/iso-8859-1/)
  })

  it('declaring UTF-8 are read as usual', async () => {
    const res = await client().post(JSON.stringify({ title: '經', content_text: 'x', id: 'u' }), {
      'Content-Type': 'application/json; charset=UTF-8',
    })
    expect(res.status).toBe(201)
    expect((await res.json<any>()).title).toBe('經')
  })

  it('that are malformed get where the error is, not a piece of the body', async () => {
    const { status, problem } = await refused('{"title": "private draft",\n "content_text": x}')
    expect(status).toBe(400)
    expect(problem.title).toBe('Malformed JSON')
    expect(problem.detail).toBe(
      'The body is not valid JSON: unexpected character at line 2, column 18.',
    )
    expect(JSON.stringify(problem)).not.toContain('private')
  })

  it(`nested deeper than ${LIMITS.jsonDepth} levels are refused with 400 naming the field`, async () => {
    const deep = '['.repeat(LIMITS.jsonDepth) + ']'.repeat(LIMITS.jsonDepth)
    const { status, problem } = await refused(`{"title":"t","content_text":"x","authors":${deep}}`)
    expect(status).toBe(400)
    expect(problem.errors).toEqual([
      { pointer: '/authors', detail: `nested deeper than ${LIMITS.jsonDepth} levels` },
    ])
  })

  it('nested 1 MiB deep are refused the same way, not with a stack overflow', async () => {
    const depth = 500_000
    const { status, problem } = await refused(`{"x":${'['.repeat(depth)}${']'.repeat(depth)}}`)
    expect(status).toBe(400)
    expect(problem.errors).toEqual([
      { pointer: '/x', detail: `nested deeper than ${LIMITS.jsonDepth} levels` },
    ])
  })

  it(`nested ${LIMITS.jsonDepth} levels are read, and judged by the schema`, async () => {
    // One level fewer than the refusal above: the body parses, and the schema names the field.
    const deep = '['.repeat(LIMITS.jsonDepth - 1) + ']'.repeat(LIMITS.jsonDepth - 1)
    const { status, problem } = await refused(`{"title":"t","content_text":"x","authors":${deep}}`)
    expect(status).toBe(400)
    expect(problem.title).toBe('Invalid input')
    expect(problem.errors[0].pointer).toMatch(/^\/authors\/0/)
    expect(problem.errors[0].detail).not.toMatch(/nested/)
  })
})
