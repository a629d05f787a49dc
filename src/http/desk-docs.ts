/** What the desk's admin call tells the API's OpenAPI document (see api-docs.ts). */
import { describeRoute } from 'hono-openapi'
import { jsonResponse, problems } from './openapi'

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
  setAccessEmail: describeRoute({
    operationId: 'setAccessEmail',
    tags: ['publishers'],
    summary: 'Set the email Cloudflare Access signs a publisher in to the desk with (admin only)',
    description:
      'Only where ACCESS_TEAM_DOMAIN and ACCESS_AUD are set: a request through Access whose verified token names this email opens a desk session for the publisher. `null` clears it. One publisher per email.',
    parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
    requestBody: {
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/AccessEmail' } } },
    },
    responses: {
      '200': jsonResponse('Publisher', 'The publisher, with its access email'),
      ...problems([400, 403, 404, 409, 413, 415], {
        403: 'Not the admin token',
        404: 'No active publisher has this name',
        409: 'Another publisher signs in with this email',
      }),
    },
  }),
}
