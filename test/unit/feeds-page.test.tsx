/**
 * /feeds shows each address as people read it and copies it as feed readers take it.
 */
import { Parser } from 'htmlparser2'
import { describe, expect, it } from 'vitest'
import { FeedsPage } from '../../src/views/feeds-page'
import { labelsFor } from '../../src/views/labels'
import type { Site } from '../../src/views/layout'

const site: Site = {
  title: 'edgefeed',
  description: 'News',
  baseUrl: 'https://news.example.org',
  prefix: '',
  lang: 'zh-Hant',
  timeZone: 'Asia/Taipei',
  chinese: false,
  me: [],
  labels: labelsFor('zh-Hant'),
}

/** Each shown address: its text, where it may break (<wbr>), and what its button copies. */
function addresses(html: string) {
  const found: { text: string; breaks: number[]; copies?: string }[] = []
  let current: (typeof found)[number] | undefined
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'code' && attrs.class === 'url') found.push((current = { text: '', breaks: [] }))
      if (name === 'wbr' && current) current.breaks.push(current.text.length)
      if (name === 'button' && attrs['data-copy']) found.at(-1)!.copies = attrs['data-copy']
    },
    ontext(text) {
      if (current) current.text += text
    },
    onclosetag(name) {
      if (name === 'code') current = undefined
    },
  })
  parser.end(html)
  return found
}

// hono/jsx renders to an HTML string.
const render = (page: unknown) => String(page)

describe('/feeds', () => {
  const html = render(
    <FeedsPage
      site={site}
      tags={['經開區', 'a/b 100%']}
      authors={['王小明']}
      scripts={[]}
      meta={{ title: 'Feeds', lang: 'zh-Hant', path: '/feeds' }}
    />,
  )
  const shown = addresses(html)

  it('shows addresses as IRIs and copies them percent-encoded', () => {
    const tag = shown.find((a) => a.text.includes('/tags/經開區/feed.xml'))!
    expect(tag.text).toBe('https://news.example.org/tags/經開區/feed.xml')
    expect(tag.copies).toBe('https://news.example.org/tags/%E7%B6%93%E9%96%8B%E5%8D%80/feed.xml')
    // What an IRI may not show plainly stays encoded.
    expect(shown.map((a) => a.text)).toContain(
      'https://news.example.org/tags/a%2Fb%20100%25/atom.xml',
    )
  })

  it('lets an address break after its slashes only, never inside a word', () => {
    const tag = shown.find((a) => a.text.endsWith('/tags/經開區/feed.xml'))!
    const parts = tag.breaks.map((at, i) => tag.text.slice(at, tag.breaks[i + 1]))
    expect([tag.text.slice(0, tag.breaks[0]), ...parts]).toEqual([
      'https://',
      'news.example.org/',
      'tags/',
      '經開區/',
      'feed.xml',
    ])
  })
})
