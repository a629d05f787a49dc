import { env } from 'cloudflare:workers'
import { createExecutionContext, reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import worker from '../../src/index'
import { client, parseXml, publish, SITE } from '../helpers'

afterEach(() => reset())

describe('sitemap and robots', () => {
  it('list every article with lastmod, cached and conditional like feeds', async () => {
    const c = client()
    await publish(c, {
      id: 'a',
      title: 'A',
      content_text: 'x',
      published: '2024-01-01T00:00:00+08:00',
    })
    await publish(c, {
      id: 'b',
      title: 'B',
      content_text: 'x',
      published: '2024-02-01T00:00:00+08:00',
      updated: '2024-03-01T00:00:00+08:00',
    })
    const res = await c.get('/sitemap.xml')
    expect(res.headers.get('Content-Type')).toBe('application/xml; charset=utf-8')
    const doc = parseXml(await res.text())
    expect(doc.urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    expect(doc.urlset.url).toEqual([
      { loc: `${SITE}/` },
      { loc: `${SITE}/articles/b`, lastmod: '2024-03-01T00:00:00+08:00' },
      { loc: `${SITE}/articles/a`, lastmod: '2024-01-01T00:00:00+08:00' },
    ])
    expect(
      (await c.get('/sitemap.xml', { 'If-None-Match': res.headers.get('ETag')! })).status,
    ).toBe(304)
    const robots = await (await c.get('/robots.txt')).text()
    expect(robots.split('\n')).toContain(`Sitemap: ${SITE}/sitemap.xml`)
    expect(robots.split('\n')).toContain('Disallow: /api/')
  })
})

describe('WebSub discovery', () => {
  const hubs = 'https://hub.example/, https://other-hub.example/websub'
  const get = (path: string) =>
    worker.fetch(
      new Request(`https://websub.test${path}`),
      { ...env, WEBSUB_HUBS: hubs },
      createExecutionContext(),
    )

  it('advertises each hub and exactly one self link, in headers and documents', async () => {
    for (const [path, self] of [
      ['/feed.xml', `${SITE}/feed.xml`],
      ['/tags/rust/atom.xml', `${SITE}/tags/rust/atom.xml`],
    ]) {
      const res = await get(path!)
      const links = res.headers.get('Link')!.split(', ')
      expect(links).toEqual([
        '<https://hub.example/>; rel="hub"',
        '<https://other-hub.example/websub>; rel="hub"',
        `<${self}>; rel="self"`,
      ])
      const body = await res.text()
      const doc = parseXml(body)
      const xmlLinks = path!.endsWith('atom.xml') ? doc.feed.link : doc.rss.channel['atom:link']
      expect(xmlLinks.filter((l: any) => l['@rel'] === 'hub').map((l: any) => l['@href'])).toEqual([
        'https://hub.example/',
        'https://other-hub.example/websub',
      ])
      expect(xmlLinks.filter((l: any) => l['@rel'] === 'self')).toHaveLength(1)
    }
    const json = await (await get('/feed.json')).json<any>()
    expect(json.hubs).toEqual([
      { type: 'WebSub', url: 'https://hub.example/' },
      { type: 'WebSub', url: 'https://other-hub.example/websub' },
    ])
  })

  it('says nothing of hubs when none are configured', async () => {
    const res = await client().get('/feed.xml')
    expect(res.headers.get('Link')).toBeNull()
    expect(JSON.stringify(await (await client().get('/feed.json')).json())).not.toContain('hubs')
  })

  it('refuses a bad hub URL, naming the variable', async () => {
    const res = await worker.fetch(
      new Request('https://websub.test/feed.xml'),
      { ...env, WEBSUB_HUBS: 'ftp://nope' },
      createExecutionContext(),
    )
    expect(res.status).toBe(500)
    expect((await res.json<any>()).detail).toContain('WEBSUB_HUBS')
  })
})
