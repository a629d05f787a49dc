/** Author listings: a slug is its own slug (so a byline links to its page), a name one line. */
import { describe, expect, it } from 'vitest'
import { authorSlug, listingFold } from '../../src/articles/listings'
import { AuthorInput } from '../../src/articles/schema'

describe('authorSlug', () => {
  it('is its own slug for every character that lowering or NFKC changes, alone or with a mark', () => {
    const broken: string[] = []
    for (let code = 0x20; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue
      const ch = String.fromCharCode(code)
      if (ch.toLowerCase() === ch && ch.normalize('NFKC') === ch) continue
      for (const name of [
        ch,
        `${ch}a`,
        ...[0x0300, 0x0307, 0x0316, 0x030c, 0x0331, 0x0308, 0x030a].map(
          (m) => ch + String.fromCharCode(m),
        ),
      ]) {
        const slug = authorSlug(name)
        if (authorSlug(slug) !== slug) broken.push(`${name} → ${slug} → ${authorSlug(slug)}`)
        if (listingFold({ kind: 'author', name: slug }) !== listingFold({ kind: 'author', name }))
          broken.push(`${name}: fold`)
      }
    }
    expect(broken.slice(0, 20)).toEqual([])
  })

  it('links a byline of Ḫasan (H with a macron below) to the page that lists him', () => {
    const slug = authorSlug('H\u0331asan Tüm')
    expect(authorSlug(slug)).toBe(slug)
    expect(listingFold({ kind: 'author', name: slug })).toBe(
      listingFold({ kind: 'author', name: 'H\u0331asan Tüm' }),
    )
  })
})

describe('an author name', () => {
  it('is one line read as written: line breaks become a space, bidi overrides and isolates go', () => {
    const read = (name: string) => AuthorInput.parse({ name }).name
    expect(read('\u202Eevil')).toBe('evil')
    expect(read('Jane\u202E Doe\u2066\u2069')).toBe('Jane Doe')
    expect(read('Foo\r\nBar')).toBe('Foo Bar')
    // The marks Arabic and Hebrew names need are kept.
    expect(read('\u200Fדנה\u200F')).toBe('\u200Fדנה\u200F')
    // A name of overrides alone is empty: refused like any empty name.
    expect(AuthorInput.safeParse({ name: '\u202E\u202D' }).success).toBe(false)
  })
})
