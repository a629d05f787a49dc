import { describe, expect, it } from 'vitest'
import { titleMatcher } from '../../src/articles/title-search'

describe('titleMatcher', () => {
  it('finds a title whatever its case, width or Chinese script', () => {
    expect(titleMatcher('rust')('Rust 2026 released')).toBe(true)
    expect(titleMatcher('ＲＵＳＴ')('rust news')).toBe(true)
    expect(titleMatcher('经济')('經濟部公布數據')).toBe(true)
    expect(titleMatcher('經濟')('经济部公布数据')).toBe(true)
  })

  it('wants every word of the query, in any order', () => {
    const match = titleMatcher('budget  city')
    expect(match('City council passes budget')).toBe(true)
    expect(match('City council meets')).toBe(false)
  })

  it('matches no title that lacks the text, and every title for an empty query', () => {
    expect(titleMatcher('颱風')('地震消息')).toBe(false)
    expect(titleMatcher('   ')('anything')).toBe(true)
  })
})
