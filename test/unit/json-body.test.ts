import { HTTPException } from 'hono/http-exception'
import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../src/articles/limits'
import { cleanDeep, NestingError } from '../../src/articles/text'
import { decodeJsonBytes, parseJsonText } from '../../src/http/json'

/** The problem a call throws: status and body. */
async function refusal(call: () => unknown) {
  try {
    call()
  } catch (e) {
    if (!(e instanceof HTTPException)) throw e
    const res = e.getResponse()
    return { status: res.status, body: await res.json<any>() }
  }
  throw new Error('expected a refusal')
}

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

describe('decodeJsonBytes', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer

  it('reads UTF-8, with or without a charset that says so, and drops a leading BOM', () => {
    expect(decodeJsonBytes(utf8('"經"'), 'application/json')).toBe('"經"')
    for (const type of ['application/json; charset=utf-8', 'application/json;charset="UTF8"']) {
      expect(decodeJsonBytes(utf8('"經"'), type)).toBe('"經"')
    }
    expect(decodeJsonBytes(utf8('\uFEFF{}'), 'application/json')).toBe('{}')
  })

  it('refuses bytes that are not UTF-8 with 400, instead of storing U+FFFD', async () => {
    const bytes = new Uint8Array([0x22, 0xe7, 0xb6, 0x22]).buffer
    const { status, body } = await refusal(() => decodeJsonBytes(bytes, 'application/json'))
    expect(status).toBe(400)
    expect(body.detail).toMatch(/not valid UTF-8/)
    expect(body.errors).toEqual([{ pointer: '', detail: 'not valid UTF-8' }])
  })

  it('refuses another declared charset with 415', async () => {
    for (const charset of ['iso-8859-1', 'big5', 'utf-16', 'no-such-charset']) {
      const { status, body } = await refusal(() =>
        decodeJsonBytes(utf8('{}'), `application/json; charset=${charset}`),
      )
      expect(status, charset).toBe(415)
      expect(body.detail).toContain(charset)
    }
  })
})

describe('parseJsonText', () => {
  it('parses JSON nested up to the limit', () => {
    expect(parseJsonText(nested(LIMITS.jsonDepth))).toBeInstanceOf(Array)
    expect(parseJsonText('{"a":"[[[[ in a string ]"}')).toEqual({ a: '[[[[ in a string ]' })
  })

  it('refuses one level more with 400, naming the member and where it goes too deep', async () => {
    const text = `{"title":"x",\n "authors":${nested(LIMITS.jsonDepth)}}`
    const { status, body } = await refusal(() => parseJsonText(text))
    expect(status).toBe(400)
    expect(body.errors).toEqual([
      { pointer: '/authors', detail: `nested deeper than ${LIMITS.jsonDepth} levels` },
    ])
    expect(body.detail).toContain(`line 2, column ${12 + LIMITS.jsonDepth - 1}`)
  })

  it('says where a syntax error is, never what the body holds', async () => {
    const cases: [string, RegExp][] = [
      ['{"title": "a secret", x}', /unexpected character at line 1, column 23/],
      ['{"title":\n  "a secret" "b"}', /expected "," at line 2, column 14/],
      ['{"title": "a secret",}', /expected a property name .* at line 1, column 22/],
      ['{"a": "藏\u0001"}', /control character in a string at line 1, column 7/],
      ['', /expected a value at line 1, column 1/],
      ['{"a": 1} trailing', /unexpected character at line 1, column 10/],
      ['{"a": 1} 2', /unexpected text after the value at line 1, column 10/],
    ]
    for (const [text, message] of cases) {
      const { status, body } = await refusal(() => parseJsonText(text))
      expect(status).toBe(400)
      expect(body.detail, text).toMatch(message)
      expect(body.detail).not.toMatch(/secret|藏|trailing/)
      expect(body.errors).toEqual([{ pointer: '', detail: 'not valid JSON' }])
    }
  })
})

describe('cleanDeep', () => {
  it('cleans a value nested up to the limit and refuses one level more', () => {
    let value: unknown = 'e\u0301'
    for (let i = 0; i < LIMITS.jsonDepth; i++) value = [value]
    let inner = cleanDeep(value)
    for (let i = 0; i < LIMITS.jsonDepth; i++) inner = (inner as unknown[])[0]
    expect(inner).toBe('\u00e9')
    expect(() => cleanDeep([value])).toThrow(NestingError)
  })
})
