/**
 * What the Micropub routes tell the OpenAPI document: `/micropub` beside the API, as the W3C
 * Recommendation defines it (form-encoded, multipart or JSON requests, its own error format).
 * The document lists it with its own server, the site itself.
 */
import { describeRoute } from 'hono-openapi'
import type { OpenAPIV3_1 } from 'openapi-types'
import { BODY_LIMIT_BYTES } from '../articles/limits'
import { ref } from './openapi'

/** Micropub's error body (Recommendation 3.8). */
export const MicropubErrorSchema: OpenAPIV3_1.SchemaObject = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'string',
      enum: ['invalid_request', 'unauthorized', 'forbidden', 'insufficient_scope'],
    },
    error_description: { type: 'string' },
    scope: { type: 'string', description: 'With insufficient_scope: the scope the request needs' },
  },
}

const micropubError = (description: string): OpenAPIV3_1.ResponseObject => ({
  description,
  content: { 'application/json': { schema: ref('MicropubError') } },
})

const problem = (description: string): OpenAPIV3_1.ResponseObject => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
})

/** Errors every Micropub request may meet. */
const errors = {
  '400': micropubError(
    'invalid_request: a property or value that can be neither stored nor honoured (named), an unknown action or query, no such post. A token sent both in the header and the body is answered without a body, the error in WWW-Authenticate',
  ),
  '401': micropubError(
    'unauthorized: no token; insufficient_scope: a token issued without the scope the request needs (create, update or delete), named in scope and in WWW-Authenticate',
  ),
  '403': micropubError(
    "forbidden: a token that is not valid or was revoked, or another publisher's post",
  ),
  '500': problem('A configuration error (named in detail) or an unexpected one (logged)'),
  '503': {
    description: 'ADMIN_TOKEN (or, on a public address, SITE_URL) is not configured',
    content: {
      'application/json': { schema: ref('MicropubError') },
      'application/problem+json': { schema: ref('Problem') },
    },
  },
} satisfies Record<string, OpenAPIV3_1.ResponseObject>

const properties: OpenAPIV3_1.SchemaObject = {
  type: 'object',
  description:
    'h-entry properties, each a list: name, content (text or {html}), summary, category, published, updated, photo (URL or {value, alt}), mp-slug, post-status (draft keeps the post unpublished, published publishes it). Others are kept as sent (returned by q=source, never shown); visibility other than public, and mp-* commands but mp-slug, are refused',
  additionalProperties: { type: 'array', items: {} },
}

const form: OpenAPIV3_1.SchemaObject = {
  type: 'object',
  description:
    'h=entry and the properties (category[]=a&category[]=b for several values); or action=delete|undelete and url. The token may be sent as access_token instead of the header, never both',
  properties: {
    h: { type: 'string', enum: ['entry'] },
    action: { type: 'string', enum: ['delete', 'undelete'] },
    url: { type: 'string' },
    access_token: { type: 'string' },
  },
  additionalProperties: true,
}

const json: OpenAPIV3_1.SchemaObject = {
  oneOf: [
    {
      type: 'object',
      description: 'A create',
      required: ['type', 'properties'],
      additionalProperties: false,
      properties: { type: { type: 'array', items: { const: 'h-entry' } }, properties },
    },
    {
      type: 'object',
      description: 'An update (replace, add, delete), delete or undelete of the post at url',
      required: ['action', 'url'],
      properties: {
        action: { type: 'string', enum: ['update', 'delete', 'undelete'] },
        url: { type: 'string' },
        replace: properties,
        add: properties,
        delete: {
          oneOf: [{ type: 'array', items: { type: 'string' } }, properties],
        },
      },
    },
  ],
}

const idempotencyKey: OpenAPIV3_1.ParameterObject = {
  name: 'Idempotency-Key',
  in: 'header',
  description:
    'Names this request: sent again with the same request, the first answer comes back (Idempotent-Replayed: true) and nothing is written twice. Kept a day.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
}

export const micropubDocs = {
  post: describeRoute({
    operationId: 'micropub',
    tags: ['micropub'],
    summary: 'Create, update, delete or undelete a post (W3C Micropub)',
    description:
      'Without mp-slug, the id is derived from the text and the day; the same text posted again is another post (`{id}-2`), a retry with the same Idempotency-Key is not.',
    parameters: [idempotencyKey],
    requestBody: {
      required: true,
      description: `At most ${BODY_LIMIT_BYTES} bytes.`,
      content: {
        'application/x-www-form-urlencoded': { schema: form },
        'multipart/form-data': { schema: form },
        'application/json': { schema: json },
      },
    },
    responses: {
      '201': {
        description: 'Created',
        headers: {
          Location: { description: "The post's page", schema: { type: 'string' } },
          'Idempotent-Replayed': {
            description: '`true` when this is a stored answer',
            schema: { type: 'string' },
          },
        },
      },
      '204': { description: 'Updated, deleted or undeleted' },
      ...errors,
      '413': problem('The request body is over the limit'),
    },
  }),

  get: describeRoute({
    operationId: 'micropubQuery',
    tags: ['micropub'],
    summary: "Query the endpoint: config, syndicate-to, or a post's source",
    parameters: [
      {
        name: 'q',
        in: 'query',
        required: true,
        schema: { type: 'string', enum: ['config', 'syndicate-to', 'source'] },
      },
      { name: 'url', in: 'query', description: 'q=source: the post', schema: { type: 'string' } },
      {
        name: 'properties[]',
        in: 'query',
        description: 'q=source: only these properties',
        schema: { type: 'array', items: { type: 'string' } },
      },
    ],
    responses: {
      '200': {
        description:
          'q=config: syndicate-to (none), the queries and post types; q=syndicate-to; q=source: the post as h-entry properties, kept ones included',
        content: { 'application/json': { schema: { type: 'object' } } },
      },
      ...errors,
    },
  }),
}
