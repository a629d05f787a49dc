/**
 * What each route of the API tells its OpenAPI document (`GET /api/openapi.json`): the routes
 * carry these with `describeRoute`, and the document is generated from the routes, so a route
 * cannot exist undocumented. Bodies are the zod schemas that validate them.
 */
import { describeRoute } from 'hono-openapi'
import type { OpenAPIV3_1 } from 'openapi-types'
import { z } from 'zod'
import { ArticleInput, ArticleOutput, RehostReportOutput } from '../articles/schema'
import { ANNOTATION_MODES } from '../articles/import/modes'
import { ImportReportSchema } from '../articles/import/report'
import { BODY_LIMIT_BYTES } from '../articles/limits'
import { ID_RULE } from '../articles/ids'
import { DeskStatus } from '../desk/status'
import type { ApiArticle } from '../desk/protocol'
import { Delivery } from '../desk/delivery'
import type { ContentWarning } from '../articles/relative-urls'
import { LIMIT_MAX } from './paging'
import { ListingQuery } from './listing-query'
import { ProblemSchema } from './problem'
import { AccessEmailInput, PublisherInput, PublisherOutput } from './publisher-schema'
import { jsonResponse, jsonSchema, outputSchema, problems, ref } from './openapi'
import { mediaComponents } from './media-docs'
import { MicropubErrorSchema } from './micropub-docs'
import { IMPORT_SCHEMAS } from './import-docs'

/** Where one image a write asked to be copied stands (src/media/rehost.ts). */
const RehostImage = z.discriminatedUnion('state', [
  z.object({ url: z.string(), state: z.literal('pending') }),
  z.object({ url: z.string(), state: z.literal('copied'), copy: z.string() }),
  z.object({ url: z.string(), state: z.literal('failed'), reason: z.string() }),
])

/** An article as the API returns it: the stored article, its state and revision. */
const Article = ArticleOutput.extend({
  rehost: RehostReportOutput.extend({
    results: z
      .array(RehostImage)
      .describe(
        'Each image, in the order of the content: pending (the queue has not copied it yet), copied (with the copy it now shows) or failed (with the reason)',
      ),
    status_url: z
      .string()
      .describe('This article in the API: ask it again until `state` is `done`'),
  })
    .optional()
    .describe(
      "Images from other hosts this article asked to be copied into R2 (`rehost_images`): queued until every image was tried, then done; copied after the write's answer, by the queue",
    ),
  state: z
    .enum(['published', 'scheduled', 'draft', 'deleted'])
    .describe(
      'scheduled: `published` is ahead, and readers do not see it until then; draft: kept unpublished, seen by its publisher and the admin alone; deleted: only in a listing asked for state=deleted, while its tombstone lasts',
    ),
  revision: z.number().int().min(1).describe('Its ETag is `"r{revision}"`, for If-Match'),
})

// Fails to compile when what the coordinator returns and its description part ways.
const _described = (a: ApiArticle): z.infer<typeof Article> => a
void _described

/** What a listing shows of each article. */
export const ListedArticle = Article.pick({
  id: true,
  title: true,
  summary: true,
  published: true,
  updated: true,
  tags: true,
  language: true,
  publisher: true,
  state: true,
}).extend({ url: z.string().describe('Its page') })

const ArticlePage = z.object({
  items: z.array(ListedArticle),
  next_cursor: z.string().optional().describe('Present when more exist: pass it as `?cursor=`'),
})

const Warning = z.object({
  pointer: z.string().describe('JSON Pointer of the field it is about'),
  detail: z.string(),
  urls: z.array(z.string()).describe('The URLs concerned, as sent (the first 20)'),
})
const _warning = (w: ContentWarning): z.infer<typeof Warning> => w
void _warning

const Written = Article.extend({
  warnings: z
    .array(Warning)
    .optional()
    .describe(
      'Present when the write changed what was sent beyond sanitising: relative links and images in the content that no base URL (base_url, url) could resolve (docs/api.md)',
    ),
  delivery: Delivery.describe(
    'What the write set in motion: the cache tags purged and when, the feeds WebSub hubs are told of, and by when every reader sees the change (docs/api.md#after-a-write)',
  ),
  import_report: ImportReportSchema.optional().describe(
    'Text, Markdown and HTML imports: what became of every line of the page (title, metadata, story, caption, furniture, annotation, and why), the values read, and what was done with phonetic annotations (docs/import.md)',
  ),
})

const Deleted = z.object({
  id: z.string(),
  state: z.literal('deleted'),
  delivery: Delivery,
})

const Issued = PublisherOutput.extend({
  token: z.string().describe('The bearer token, shown this once: only its hash is stored'),
})

export const components: OpenAPIV3_1.ComponentsObject = {
  securitySchemes: {
    bearer: {
      type: 'http',
      scheme: 'bearer',
      description: 'The admin token, or a publisher token (`ef_…`) the admin issued',
    },
  },
  schemas: {
    ArticleInput: jsonSchema(ArticleInput),
    Article: outputSchema(Article),
    WrittenArticle: outputSchema(Written),
    Deleted: outputSchema(Deleted),
    ArticlePage: outputSchema(ArticlePage),
    PublisherInput: jsonSchema(PublisherInput),
    AccessEmail: jsonSchema(AccessEmailInput),
    Publisher: outputSchema(PublisherOutput),
    IssuedPublisher: outputSchema(Issued),
    Status: outputSchema(DeskStatus),
    Problem: outputSchema(ProblemSchema),
    ...mediaComponents,
    MicropubError: MicropubErrorSchema,
    ...IMPORT_SCHEMAS,
  },
}

const header = (description: string): OpenAPIV3_1.HeaderObject => ({
  description,
  schema: { type: 'string' },
})

const idempotencyKey: OpenAPIV3_1.ParameterObject = {
  name: 'Idempotency-Key',
  in: 'header',
  description:
    'Names this write: sent again with the same request, the first answer comes back (Idempotent-Replayed: true) and nothing is written twice. Kept a day.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
}

const replayed = { 'Idempotent-Replayed': header('`true` when this is a stored answer') }

/** A write's answer when it stored a new article. */
const created = (description: string) =>
  jsonResponse('WrittenArticle', description, {
    Location: header('The article in the API'),
    ...replayed,
  })

/** What a publisher token meets on a call for the admin alone. */
const ADMIN_ONLY = { 403: 'Not the admin token' } as const

const ifMatch = (description: string): OpenAPIV3_1.ParameterObject => ({
  name: 'If-Match',
  in: 'header',
  description,
  schema: { type: 'string' },
})

const articleId = (description: string): OpenAPIV3_1.ParameterObject => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', maxLength: 128 },
})

/** The listing's filters, described from the schema that checks them. */
const listingParameters: OpenAPIV3_1.ParameterObject[] = (['state', 'q', 'mine'] as const).map(
  (name) => {
    const { description, ...schema } = z.toJSONSchema(ListingQuery.shape[name], { io: 'input' })
    return {
      name,
      in: 'query',
      description,
      schema: schema as OpenAPIV3_1.ParameterObject['schema'],
    }
  },
)

/** The query of a text or Markdown import: what JSON would carry in fields. */
const importQuery: OpenAPIV3_1.ParameterObject[] = [
  {
    name: 'tags',
    in: 'query',
    description: 'Imports (text, Markdown, HTML): tags, comma-separated or repeated',
    schema: { type: 'string' },
  },
  {
    name: 'language',
    in: 'query',
    description: 'Imports: a BCP 47 language tag',
    schema: { type: 'string' },
  },
  {
    name: 'annotations',
    in: 'query',
    description: 'Imports: what to do with phonetic annotations such as 國(guó) or <ruby>',
    schema: { type: 'string', enum: [...ANNOTATION_MODES] },
  },
  {
    name: 'timezone',
    in: 'query',
    description:
      'Imports: the IANA time zone of times the page prints without one; SITE_TIMEZONE when absent',
    schema: { type: 'string' },
  },
]

const textBody = (format: string) => ({
  schema: {
    type: 'string',
    maxLength: BODY_LIMIT_BYTES,
    description: `${format}: the title, metadata and body are read from it (docs/import.md). UTF-8 unless the charset says otherwise.`,
  } as OpenAPIV3_1.SchemaObject,
})

const articleBody = {
  required: true,
  description: `At most ${BODY_LIMIT_BYTES} bytes.`,
  content: {
    'application/json': { schema: ref('ArticleInput') },
    'text/plain': textBody('Plain text as pasted from another system'),
    'text/markdown': textBody('Markdown as pasted from another system'),
    'text/html': textBody(
      'HTML as a browser puts a copied page on the clipboard; the story’s HTML is kept, sanitised',
    ),
  },
}

export const docs = {
  createArticle: describeRoute({
    operationId: 'createArticle',
    tags: ['articles'],
    summary: 'Publish an article',
    description:
      'Without an id, one is derived from the title and day. A `published` time ahead schedules the article (up to a year).',
    parameters: [
      idempotencyKey,
      {
        name: 'id',
        in: 'query',
        description: `Imports: the id (${ID_RULE})`,
        schema: { type: 'string' },
      },
      ...importQuery,
    ],
    requestBody: articleBody,
    responses: {
      '201': created('Stored'),
      ...problems([400, 403, 409, 413, 415, 422], {
        403: 'The id belongs to a deleted article of another publisher, reserved while its tombstone lasts',
        409: 'An article with this id exists: replace it with PUT',
      }),
    },
  }),

  listArticles: describeRoute({
    operationId: 'listArticles',
    tags: ['articles'],
    summary: 'List articles, newest first, with your scheduled ones and drafts',
    description:
      "A scheduled article or a draft is listed only to its publisher and the admin: another publisher's embargo or draft is never shown. The filters narrow the listing; pass the same ones with the cursor.",
    parameters: [
      { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: LIMIT_MAX } },
      { name: 'cursor', in: 'query', schema: { type: 'string' } },
      ...listingParameters,
    ],
    responses: {
      '200': jsonResponse('ArticlePage', 'A page of articles'),
      ...problems([400], {
        400: 'A limit out of range, a cursor this service did not give, or a filter not understood',
      }),
    },
  }),

  readArticle: describeRoute({
    operationId: 'readArticle',
    tags: ['articles'],
    summary: 'Read an article',
    description:
      "Another publisher's scheduled article is absent (404) until its time: an id reveals nothing of an embargo.",
    parameters: [articleId('The article')],
    responses: {
      '200': jsonResponse('Article', 'The stored article', {
        ETag: header('`"r{revision}"`: send it as If-Match to replace only this revision'),
      }),
      ...problems([404, 410]),
    },
  }),

  replaceArticle: describeRoute({
    operationId: 'replaceArticle',
    tags: ['articles'],
    summary: 'Create or replace an article (idempotent)',
    description:
      'A replace keeps the stored `published` unless one is sent; sending the stored article again changes nothing.',
    parameters: [
      articleId(`The article (${ID_RULE})`),
      ifMatch('The ETag of the revision this replaces; `"r0"` creates only'),
      idempotencyKey,
      ...importQuery,
    ],
    requestBody: articleBody,
    responses: {
      '200': jsonResponse('WrittenArticle', 'Replaced', replayed),
      '201': created('Created'),
      ...problems([400, 403, 409, 412, 413, 415, 422], {
        403: 'Another publisher owns it',
        409: "The id is held by an article you may not see (another publisher's embargo)",
        412: 'It changed since the revision If-Match names, or If-Match is not an ETag of ours',
      }),
    },
  }),

  deleteArticle: describeRoute({
    operationId: 'deleteArticle',
    tags: ['articles'],
    summary: 'Delete an article',
    description:
      'A published article leaves a tombstone (410, and Atom announces the deletion) for TOMBSTONE_DAYS; a scheduled one leaves no trace.',
    parameters: [
      articleId('The article'),
      ifMatch('The ETag of the revision this deletes: any later change keeps it'),
      idempotencyKey,
      {
        name: 'Prefer',
        in: 'header',
        description:
          '`return=representation` answers 200 with what the delete set in motion (its `delivery`) instead of 204',
        schema: { type: 'string' },
      },
    ],
    responses: {
      '200': jsonResponse(
        'Deleted',
        'Deleted, with `Prefer: return=representation`: what the delete set in motion',
        { 'Preference-Applied': header('`return=representation`'), ...replayed },
      ),
      '204': { description: 'Deleted', headers: replayed },
      ...problems([400, 403, 404, 412, 413, 422], {
        400: 'An Idempotency-Key that is not 1 to 255 printable ASCII characters',
        403: 'Another publisher owns it',
        412: 'It changed since the revision If-Match names, or If-Match is not an ETag of ours',
        413: 'A body over the limit (DELETE takes none)',
      }),
    },
  }),

  status: describeRoute({
    operationId: 'readStatus',
    tags: ['operations'],
    summary: "The write coordinator's backlog (admin only)",
    responses: {
      '200': jsonResponse('Status', 'What is still to do'),
      ...problems([403], ADMIN_ONLY),
    },
  }),

  createPublisher: describeRoute({
    operationId: 'createPublisher',
    tags: ['publishers'],
    summary: 'Issue a publisher token (admin only; the token is shown once)',
    requestBody: {
      required: true,
      content: { 'application/json': { schema: ref('PublisherInput') } },
    },
    responses: {
      '201': jsonResponse('IssuedPublisher', 'Issued', {
        Location: header('The publisher in the API'),
      }),
      ...problems([400, 403, 409, 413, 415], {
        ...ADMIN_ONLY,
        409: 'An active publisher has this name',
      }),
    },
  }),

  listPublishers: describeRoute({
    operationId: 'listPublishers',
    tags: ['publishers'],
    summary: 'List active publishers, without tokens (admin only)',
    responses: {
      '200': {
        description: 'Every active publisher',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: { items: { type: 'array', items: ref('Publisher') } },
              required: ['items'],
            },
          },
        },
      },
      ...problems([403], ADMIN_ONLY),
    },
  }),

  revokePublisher: describeRoute({
    operationId: 'revokePublisher',
    tags: ['publishers'],
    summary: 'Revoke a publisher token at once (admin only)',
    description: 'Its articles stay; the name may be given out again, and inherits nothing.',
    parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
    responses: {
      '204': { description: 'Revoked' },
      ...problems([403, 404, 413], {
        ...ADMIN_ONLY,
        404: 'No active publisher has this name',
        413: 'A body over the limit (DELETE takes none)',
      }),
    },
  }),

  openapi: describeRoute({
    operationId: 'openapi',
    tags: ['operations'],
    summary: 'This document',
    security: [],
    responses: {
      '200': {
        description: 'OpenAPI 3.1',
        content: { 'application/json': { schema: { type: 'object' } } },
      },
      ...problems(
        [],
        { 503: 'SITE_URL is not configured (on a public address)' },
        { isPublic: true },
      ),
    },
  }),
}

/** The document's own fields; its paths come from the routes. */
export const documentation = {
  openapi: '3.1.0',
  info: {
    title: 'edgefeed publishing API',
    version: '1.0.0',
    description:
      'Publish articles served as RSS 2.0, Atom 1.0, JSON Feed 1.1 and HTML. Errors are problem details (RFC 9457). Micropub (W3C) is served at /micropub on the site itself, with its own error format, as its Recommendation describes it.',
  },
  security: [{ bearer: [] }],
  tags: [
    { name: 'articles', description: 'Write and read articles' },
    { name: 'media', description: 'Photos, audio, video and PDFs, stored in R2 (docs/media.md)' },
    { name: 'publishers', description: 'Publisher tokens (admin only)' },
    { name: 'imports', description: "Another site's archive brought here (docs/migration.md)" },
    { name: 'operations', description: 'For operators and clients' },
    { name: 'micropub', description: 'W3C Micropub, for Micropub clients' },
  ],
  components,
}
