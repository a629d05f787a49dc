/** Which live spelling a tag asked for in another spelling is sent to (src/routes/tag-spelling.ts). */
import { describe, expect, it } from 'vitest'
import { canonicalSpelling } from '../../src/routes/tag-spelling'

const live = ['News', '經開區', '经开区', 'Rust']
const tag = (name: string) => ({ kind: 'tag' as const, name })

describe('canonicalSpelling', () => {
  it('serves a live spelling as it is, each script of a tag included', () => {
    for (const name of live) expect(canonicalSpelling(tag(name), live)).toBeUndefined()
  })

  it('sends another case or Unicode form to the same letters', () => {
    expect(canonicalSpelling(tag('NEWS'), live)).toBe('News')
    expect(canonicalSpelling(tag('news'), live)).toBe('News')
    expect(canonicalSpelling(tag(' News '), live)).toBe('News')
    expect(canonicalSpelling(tag('ＮＥＷＳ'.normalize('NFKC')), live)).toBe('News')
  })

  it('sends a mix of scripts to the spelling sharing the most characters', () => {
    expect(canonicalSpelling(tag('經開区'), live)).toBe('經開區')
    expect(canonicalSpelling(tag('经開区'), live)).toBe('经开区')
  })

  it('leaves a tag no article has to the listing (its 404)', () => {
    expect(canonicalSpelling(tag('Go'), live)).toBeUndefined()
    expect(canonicalSpelling(tag('news'), [])).toBeUndefined()
  })
})

describe('canonicalSpelling of an author', () => {
  const authors = ['Jane Doe', '王曉明']
  const author = (name: string) => ({ kind: 'author' as const, name })

  it('serves the slug of a live name as it is, and sends another spelling of it there', () => {
    expect(canonicalSpelling(author('jane-doe'), authors)).toBeUndefined()
    expect(canonicalSpelling(author('王曉明'), authors)).toBeUndefined()
    expect(canonicalSpelling(author('Jane-Doe'), authors)).toBe('jane-doe')
    expect(canonicalSpelling(author('王晓明'), authors)).toBe('王曉明')
    expect(canonicalSpelling(author('王小明'), authors)).toBeUndefined()
  })
})
