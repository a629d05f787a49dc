/** What the desk's admin call tells the API's OpenAPI document (see api-docs.ts). */
import { describeRoute } from 'hono-openapi'
import { problems } from './openapi'

export const deskDocs = {
  createEnrolment: describeRoute({
    operationId: 'createEnrolment',
    tags: ['publishers'],
    summary: 'Create a one-time link that registers a desk passkey for a publisher (admin only)',
    description:
      'Opening the link in a browser registers a passkey for the publisher and signs them in to the desk (/desk/). It works once, for 24 hours; the link is shown only here.',
    parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
    responses: {
      '201': {
        description: 'The link and when it expires',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['url', 'expires'],
              properties: {
                url: { type: 'string', format: 'uri' },
                expires: { type: 'string', format: 'date-time' },
              },
            },
          },
        },
      },
      ...problems([403, 404, 413], { 404: 'No active publisher has this name' }),
    },
  }),
}
