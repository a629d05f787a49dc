import { describe, expect, it } from 'vitest'
import { tagPath, toIri } from '../../src/urls'

describe('toIri', () => {
  it('shows percent-encoded non-ASCII characters as themselves', () => {
    const url = `https://news.example.org${tagPath('經開區')}/feed.xml`
    expect(url).toContain('%E7%B6%93')
    expect(toIri(url)).toBe('https://news.example.org/tags/經開區/feed.xml')
    expect(toIri(`https://news.example.org${tagPath('Ünïcödé')}`)).toBe(
      'https://news.example.org/tags/Ünïcödé',
    )
  })

  it('leaves ASCII escapes, spaces, invisible and bidirectional characters encoded', () => {
    expect(toIri(`/tags/${encodeURIComponent('a/b 100%?')}`)).toBe('/tags/a%2Fb%20100%25%3F')
    expect(toIri(`/tags/${encodeURIComponent('a\u3000b\u202Ec\u200Bd\u00A0e')}`)).toBe(
      '/tags/a%E3%80%80b%E2%80%AEc%E2%80%8Bd%C2%A0e',
    )
  })

  it('leaves bytes that are not UTF-8 as they are', () => {
    expect(toIri('/tags/%E7%B6')).toBe('/tags/%E7%B6')
    expect(toIri('/tags/%FF%E7%B6%93')).toBe('/tags/%FF%E7%B6%93')
  })
})
