/**
 * `GET /api/openapi.json`: the API described as OpenAPI 3.1, generated from the same zod
 * schemas that validate requests, so the document cannot drift from the code.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../env'
import { BODY_LIMIT_BYTES } from '../articles/limits'
import { ArticleInput, ArticleOutput } from '../articles/schema'
import { ProblemSchema } from '../http/problem'
import { LIMIT_MAX } from '../http/paging'
import { PublisherInput } from './publishers'

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const body = (name: string, description: string) => ({
  description,
  content: { 'application/json': { schema: ref(name) } },
})
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
})

const ERRORS = {
  '400': problem('Invalid input: `errors` lists every field as a JSON Pointer'),
  '401': problem('No token, a malformed header, or a token that is not valid'),
  '503': problem('ADMIN_TOKEN is not configured: every write is refused'),
}
const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', maxLength: 128 },
}

function document(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'edgefeed publishing API',
      version: '1.0.0',
      description: `Publish articles served as RSS, Atom, JSON Feed and HTML. Request bodies are limited to ${BODY_LIMIT_BYTES} bytes.`,
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'The admin token or a publisher token',
        },
      },
      schemas: {
        ArticleInput: json(ArticleInput),
        Article: json(ArticleOutput),
        PublisherInput: json(PublisherInput),
        Problem: json(ProblemSchema),
      },
    },
    paths: {
      '/api/articles': {
        post: {
          summary: 'Publish an article',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref('ArticleInput') } },
          },
          responses: {
            '201': body('Article', 'Stored; `Location` names it'),
            '409': problem('The id exists'),
            '413': problem('Body too large'),
            '415': problem('Not JSON'),
            ...ERRORS,
          },
        },
        get: {
          summary: 'List articles, newest first',
          parameters: [
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: LIMIT_MAX },
            },
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
          ],
          responses: {
            '200': { description: '`items` and, when more exist, `next_cursor`' },
            ...ERRORS,
          },
        },
      },
      '/api/articles/{id}': {
        parameters: [idParam],
        get: {
          summary: 'Read an article',
          responses: {
            '200': body('Article', 'The stored article'),
            '404': problem('No such article'),
            ...ERRORS,
          },
        },
        put: {
          summary: 'Create or replace an article (idempotent)',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref('ArticleInput') } },
          },
          responses: {
            '200': body('Article', 'Replaced'),
            '201': body('Article', 'Created'),
            '403': problem('Another publisher owns it'),
            ...ERRORS,
          },
        },
        delete: {
          summary: 'Delete an article',
          responses: {
            '204': { description: 'Deleted' },
            '403': problem('Another publisher owns it'),
            '404': problem('No such article'),
            ...ERRORS,
          },
        },
      },
      '/api/publishers': {
        post: {
          summary: 'Issue a publisher token (admin only; the token is shown once)',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref('PublisherInput') } },
          },
          responses: {
            '201': { description: 'The publisher with its `token`' },
            '403': problem('Not the admin'),
            '409': problem('The name exists'),
            ...ERRORS,
          },
        },
        get: {
          summary: 'List publishers, without tokens (admin only)',
          responses: {
            '200': { description: '`items`' },
            '403': problem('Not the admin'),
            ...ERRORS,
          },
        },
      },
      '/api/publishers/{name}': {
        parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
        delete: {
          summary: 'Revoke a publisher token at once (admin only)',
          responses: {
            '204': { description: 'Revoked' },
            '404': problem('No such publisher'),
            ...ERRORS,
          },
        },
      },
    },
  }
}

export const openapi = new Hono<AppEnv>()

openapi.get('/openapi.json', (c) => c.json(document(c.var.baseUrl)))
