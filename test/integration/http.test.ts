/**
 * HTTP as a linter (httplint, inside REDbot) reads it: HEAD carries the Content-Length of its
 * GET, a method a URL does not answer gets 405 with Allow and is never cached, and what the
 * public URLs send parses by the header grammars.
 */
import { reset } from 'cloudflare:test'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  ADMIN_TOKEN,
  client,
  publish,
  settleDesk,
  SITE,
  storeSnapshot,
  workerFetch,
} from '../helpers'

afterEach(() => reset())

const PUBLIC = [
  '/',
  '/feed.xml',
  '/atom.xml',
  '/feed.json',
  '/tags/news',
  '/tags/news/atom.xml',
  '/articles/a',
  '/zh-Hans/feed.xml',
  '/zh-Hant/articles/a',
  '/feeds',
  '/sitemap.xml',
  '/robots.txt',
  '/style.css',
]

beforeEach(async () => {
  await publish(client(), { id: 'a', title: '經開區', content_text: '內容。', tags: ['news'] })
  await publish(client(), { id: 'gone', title: 'Gone', content_text: 'x' })
  expect((await client().del('gone')).status).toBe(204)
  await settleDesk()
})

describe('HEAD', () => {
  it('carries the Content-Length of the body GET sends, and no body', async () => {
    const c = client()
    for (const path of [...PUBLIC, '/articles/gone', '/articles/nope', '/api/articles/a']) {
      const get = await c.get(path, { Authorization: `Bearer ${ADMIN_TOKEN}` })
      const length = (await get.arrayBuffer()).byteLength
      const head = await c.fetch(path, {
        method: 'HEAD',
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
      })
      expect(head.status, path).toBe(get.status)
      expect(head.headers.get('Content-Length'), path).toBe(String(length))
      expect(length, path).toBeGreaterThan(0)
      expect(await head.text(), path).toBe('')
      for (const name of ['Content-Type', 'Cache-Control', 'ETag', 'Last-Modified']) {
        expect(head.headers.get(name), `${path} ${name}`).toBe(get.headers.get(name))
      }
    }
  })
})

describe('HEAD for a client that accepts a compressed GET', () => {
  it('has no Content-Length, since the GET may go out compressed, of a length not known here', async () => {
    const head = (headers: Record<string, string>, cf?: Record<string, string>) =>
      workerFetch(
        new Request(`${SITE}/feed.xml`, { method: 'HEAD', headers, ...(cf ? { cf } : {}) }),
      )
    const length = (await (await client(null).get('/feed.xml')).arrayBuffer()).byteLength
    for (const coding of ['gzip', 'gzip, deflate, br, zstd', '*']) {
      const res = await head({ 'Accept-Encoding': coding })
      expect(res.status, coding).toBe(200)
      expect(res.headers.get('Content-Length'), coding).toBeNull()
    }
    for (const coding of ['identity', 'gzip;q=0, identity']) {
      const res = await head({ 'Accept-Encoding': coding })
      expect(res.headers.get('Content-Length'), coding).toBe(String(length))
    }
    // On Cloudflare the Worker sees the edge's Accept-Encoding; the client's own is in cf.
    const edge = await head({ 'Accept-Encoding': 'gzip, br' }, { clientAcceptEncoding: 'identity' })
    expect(edge.headers.get('Content-Length')).toBe(String(length))
    const gzip = await head({ 'Accept-Encoding': 'gzip, br' }, { clientAcceptEncoding: 'gzip' })
    expect(gzip.headers.get('Content-Length')).toBeNull()
  })
})

describe('methods a URL does not answer', () => {
  it('answer 405 with Allow on public URLs, never cached, storing nothing', async () => {
    const c = client(null)
    const before = await storeSnapshot()
    for (const path of PUBLIC) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const res = await c.fetch(path, { method, body: 'x' })
        expect(res.status, `${method} ${path}`).toBe(405)
        expect(res.headers.get('Allow'), `${method} ${path}`).toBe('GET, HEAD, OPTIONS')
        expect(res.headers.get('Cache-Control'), `${method} ${path}`).toBe('no-store')
        expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
        expect((await res.json<any>()).detail).toContain('GET, HEAD, OPTIONS are')
      }
    }
    expect(await storeSnapshot()).toEqual(before)
  })

  it('answer 405 on the API and Micropub before asking for a token; PATCH is not merge-patch', async () => {
    const c = client(null)
    const before = await storeSnapshot()
    for (const [method, path, allow] of [
      ['PATCH', '/api/articles/a', 'GET, HEAD, PUT, DELETE'],
      ['POST', '/api/articles/a', 'GET, HEAD, PUT, DELETE'],
      ['PUT', '/api/articles', 'GET, HEAD, POST'],
      ['PATCH', '/api/publishers/desk', 'DELETE'],
      ['PUT', '/micropub', 'GET, HEAD, POST'],
      ['OPTIONS', '/micropub', 'GET, HEAD, POST'],
      ['POST', '/api/openapi.json', 'GET, HEAD'],
    ] as const) {
      const res = await c.fetch(path, {
        method,
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: method === 'OPTIONS' ? null : '{"title":"x"}',
      })
      expect(res.status, `${method} ${path}`).toBe(405)
      expect(res.headers.get('Allow'), `${method} ${path}`).toBe(allow)
      expect(res.headers.get('Cache-Control')).toBe('no-store')
    }
    expect(await storeSnapshot()).toEqual(before)
  })

  it('OPTIONS of a public URL answers 204 with Allow; of a feed, also as a CORS preflight', async () => {
    const c = client(null)
    const before = await storeSnapshot()
    const feeds = [
      '/feed.xml',
      '/atom.xml',
      '/feed.json',
      '/tags/news/atom.xml',
      '/zh-Hans/feed.xml',
    ]
    for (const path of PUBLIC) {
      const res = await c.fetch(path, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://reader.example',
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'if-none-match',
        },
      })
      expect(res.status, path).toBe(204)
      expect(res.headers.get('Allow'), path).toBe('GET, HEAD, OPTIONS')
      expect(await res.text(), path).toBe('')
      const cors = feeds.includes(path)
      expect(res.headers.get('Access-Control-Allow-Origin'), path).toBe(cors ? '*' : null)
      expect(res.headers.get('Access-Control-Allow-Methods'), path).toBe(cors ? 'GET, HEAD' : null)
      if (cors) {
        expect(res.headers.get('Access-Control-Allow-Headers')).toContain('If-None-Match')
        expect(res.headers.get('Access-Control-Max-Age')).toBe('86400')
      }
    }
    // A feed read from another origin shows its ETag and WebSub links to the script.
    for (const path of feeds) {
      const res = await c.get(path, { Origin: 'https://reader.example' })
      expect(res.headers.get('Access-Control-Allow-Origin'), path).toBe('*')
      expect(res.headers.get('Access-Control-Expose-Headers'), path).toBe('ETag, Link')
    }
    expect(await storeSnapshot()).toEqual(before)
  })

  it('never answers CORS for the API, Micropub or the desk', async () => {
    const c = client(null)
    for (const path of [
      '/api/articles',
      '/api/articles/a',
      '/micropub',
      '/desk/',
      '/api/openapi.json',
    ]) {
      const res = await c.fetch(path, {
        method: 'OPTIONS',
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
      })
      expect(res.status, path).toBe(405)
      expect(res.headers.get('Allow'), path).not.toContain('OPTIONS')
      expect(res.headers.get('Access-Control-Allow-Origin'), path).toBeNull()
    }
    const read = await client().json('GET', '/api/articles/a', undefined, {
      Origin: 'https://evil.example',
    })
    expect(read.status).toBe(200)
    expect(read.headers.get('Access-Control-Allow-Origin')).toBeNull()
  })

  it('leave a URL nothing answers a 404, whatever the method', async () => {
    for (const method of ['GET', 'POST', 'OPTIONS']) {
      const res = await client(null).fetch('/nothing/here', { method })
      expect(res.status, method).toBe(404)
      expect(res.headers.get('Allow')).toBeNull()
    }
  })
})

describe('what public URLs send', () => {
  it('parses by the header grammars (RFC 9110, 9111)', async () => {
    const c = client(null)
    for (const path of PUBLIC) {
      const res = await c.get(path)
      expect(res.status, path).toBe(200)
      const type = res.headers.get('Content-Type') ?? ''
      // A text type without a charset leaves readers guessing (httplint: CHARSET_MISSING).
      if (/^text\/|xml|json/.test(type)) expect(type, path).toMatch(/;\s*charset=utf-8$/i)
      expect(res.headers.get('Cache-Control'), path).toMatch(/^public, max-age=\d+$/)
      expect(res.headers.get('ETag'), path).toMatch(/^"[\x21\x23-\x7e]+"$/)
      const modified = res.headers.get('Last-Modified')!
      expect(modified, path).toMatch(
        /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
      )
      expect(Date.parse(modified), path).toBeLessThanOrEqual(Date.now())
      expect(res.headers.get('X-Content-Type-Options'), path).toBe('nosniff')
      // A 304 sends the validators and caching again, and no body.
      const again = await c.get(path, { 'If-None-Match': res.headers.get('ETag')! })
      expect(again.status, path).toBe(304)
      expect(await again.text(), path).toBe('')
      expect(again.headers.get('ETag'), path).toBe(res.headers.get('ETag'))
      expect(again.headers.get('Cache-Control'), path).toBe(res.headers.get('Cache-Control'))
    }
  })
})
