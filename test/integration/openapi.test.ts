import { describe, expect, it } from 'vitest'
import { client } from '../helpers'

describe('GET /api/openapi.json', () => {
  it('describes every call with the schemas that validate requests', async () => {
    const res = await client(null).get('/api/openapi.json')
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const doc = await res.json<any>()
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/articles',
      '/api/articles/{id}',
      '/api/publishers',
      '/api/publishers/{name}',
    ])
    const input = doc.components.schemas.ArticleInput
    expect(input.required).toEqual(['title'])
    expect(input.additionalProperties).toBe(false)
    expect(Object.keys(input.properties).sort()).toEqual(
      [
        'annotations',
        'authors',
        'content_html',
        'content_markdown',
        'content_text',
        'id',
        'image',
        'language',
        'published',
        'source',
        'summary',
        'tags',
        'title',
        'updated',
        'url',
      ].sort(),
    )
    expect(input.properties.tags.maxItems).toBe(20)
    expect(doc.components.schemas.Article.required).toContain('publisher')
    expect(doc.components.schemas.PublisherInput.required).toEqual(['name'])
    expect(
      doc.paths['/api/articles'].post.responses['400'].content['application/problem+json'].schema
        .$ref,
    ).toBe('#/components/schemas/Problem')
    expect(doc.servers[0].url).toBe('https://news.example.org')
  })
})
