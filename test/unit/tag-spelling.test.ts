/** Which live spelling a tag asked for in another spelling is sent to (src/routes/tag-spelling.ts). */
import { describe, expect, it } from 'vitest'
import { canonicalSpelling } from '../../src/routes/tag-spelling'

const live = ['News', '經開區', '经开区', 'Rust']

describe('canonicalSpelling', () => {
  it('serves a live spelling as it is, each script of a tag included', () => {
    for (const tag of live) expect(canonicalSpelling(tag, live)).toBeUndefined()
  })

  it('sends another case or Unicode form to the same letters', () => {
    expect(canonicalSpelling('NEWS', live)).toBe('News')
    expect(canonicalSpelling('news', live)).toBe('News')
    expect(canonicalSpelling(' News ', live)).toBe('News')
    expect(canonicalSpelling('ＮＥＷＳ'.normalize('NFKC'), live)).toBe('News')
  })

  it('sends a mix of scripts to the spelling sharing the most characters', () => {
    expect(canonicalSpelling('經開区', live)).toBe('經開區')
    expect(canonicalSpelling('经開区', live)).toBe('经开区')
  })

  it('leaves a tag no article has to the listing (its 404)', () => {
    expect(canonicalSpelling('Go', live)).toBeUndefined()
    expect(canonicalSpelling('news', [])).toBeUndefined()
  })
})
