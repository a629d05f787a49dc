/**
 * What the media calls tell the OpenAPI document (`GET /api/openapi.json`), beside the
 * articles' in api-docs.ts; their bodies are the zod schemas below.
 */
import { describeRoute } from 'hono-openapi'
import type { OpenAPIV3_1 } from 'openapi-types'
import { z } from 'zod'
import { bytesInWords, PART_MAX, PART_MIN, PARTS_MAX, REQUEST_LIMIT } from '../media/limits'
import { ALLOWED_IN_WORDS, MEDIA_TYPES } from '../media/types'
import { LIMIT_MAX } from './paging'
import { jsonResponse, outputSchema, problems, ref, jsonSchema } from './openapi'

const key = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .describe('The SHA-256 of the bytes, in hex')
const type = z.enum(Object.keys(MEDIA_TYPES) as [string, ...string[]])

const StoredFile = z.object({
  key,
  url: z.string().describe('Where the file is served: put it in an article'),
  type,
  kind: z.enum(['image', 'audio', 'video', 'document']),
  size: z.number().int().describe('Bytes, as stored (after location was taken out)'),
  stripped: z
    .array(z.string())
    .describe('Location metadata taken out of a photo on the way in, such as EXIF:GPS'),
})

const ListedFile = z.object({
  key,
  url: z.string(),
  type: z.string(),
  size: z.number().int(),
  created: z.iso.datetime().describe('When you uploaded it'),
  uses: z.number().int().describe('How many articles use it: it can be deleted only at 0'),
})

const FileDetail = ListedFile.extend({
  articles: z.array(z.string()).describe('The ids of the articles using it that you may see'),
})

const MediaPage = z.object({
  items: z.array(ListedFile),
  next_cursor: z.string().optional(),
})

const Part = z.object({ part: z.number().int(), etag: z.string() })

/** The body that completes a multipart upload. */
export const CompleteUpload = z.strictObject({
  parts: z.array(Part).min(1).max(PARTS_MAX).describe('Every part, as each PUT answered it'),
  type: z
    .string()
    .max(200)
    .optional()
    .describe("The file's type, if you know it: checked against its bytes like any upload's"),
})

export const mediaComponents: Record<string, OpenAPIV3_1.SchemaObject> = {
  StoredFile: outputSchema(StoredFile),
  ListedFile: outputSchema(ListedFile),
  FileDetail: outputSchema(FileDetail),
  MediaPage: outputSchema(MediaPage),
  UploadPart: outputSchema(Part),
  CompleteUpload: jsonSchema(CompleteUpload),
}

const location: Record<string, OpenAPIV3_1.HeaderObject> = {
  Location: { description: "The file's URL", schema: { type: 'string' } },
}
const keyParam: OpenAPIV3_1.ParameterObject = {
  name: 'key',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[0-9a-f]{64}$' },
}
const uploadParam: OpenAPIV3_1.ParameterObject = {
  name: 'upload',
  in: 'path',
  required: true,
  description: 'As POST /media/uploads named it',
  schema: { type: 'string' },
}
const stored = {
  '200': jsonResponse(
    'StoredFile',
    'You had uploaded these bytes before: nothing new stored',
    location,
  ),
  '201': jsonResponse('StoredFile', 'Stored', location),
}
const TYPES = `Types are read from the bytes: ${ALLOWED_IN_WORDS}.`

export const mediaDocs = {
  upload: describeRoute({
    operationId: 'uploadMedia',
    tags: ['media'],
    summary: 'Upload a photo, audio, video or PDF',
    description: `One file, as multipart/form-data (the field "file") or as the raw body with its Content-Type, at most ${bytesInWords(REQUEST_LIMIT)}; larger files go in parts (POST /media/uploads). ${TYPES} GPS and precise location are taken out of photos. The same bytes are stored once.`,
    requestBody: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: { file: { type: 'string', format: 'binary' } },
            required: ['file'],
          },
        },
        'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
      },
    },
    responses: {
      ...stored,
      ...problems([400, 403, 413, 415], {
        400: 'An empty file, or a form without one',
        403: 'A token issued without the `media` scope (`insufficient_scope`)',
        413: `Over ${bytesInWords(REQUEST_LIMIT)} in one request, or over its kind's limit`,
        415: 'Not a type edgefeed stores, or a Content-Type that says another type than the bytes',
      }),
    },
  }),

  list: describeRoute({
    operationId: 'listMedia',
    tags: ['media'],
    summary: 'List your files, newest upload first',
    parameters: [
      { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: LIMIT_MAX } },
      { name: 'cursor', in: 'query', schema: { type: 'string' } },
    ],
    responses: {
      '200': jsonResponse('MediaPage', 'A page of your files'),
      ...problems([400], { 400: 'A limit out of range, or a cursor this service did not give' }),
    },
  }),

  read: describeRoute({
    operationId: 'readMedia',
    tags: ['media'],
    summary: 'One of your files, and the articles that use it',
    parameters: [keyParam],
    responses: {
      '200': jsonResponse('FileDetail', 'The file'),
      ...problems([403, 404], {
        403: 'Another publisher uploaded it',
        404: 'No file has this key',
      }),
    },
  }),

  remove: describeRoute({
    operationId: 'deleteMedia',
    tags: ['media'],
    summary: 'Delete one of your files',
    description:
      "Refused while an article uses it. It leaves R2 (and the cache) when no other publisher uploaded the same bytes; the admin's delete takes it from everyone.",
    parameters: [keyParam],
    responses: {
      '204': { description: 'Deleted' },
      ...problems([403, 404, 409], {
        403: 'Another publisher uploaded it, or the token has no `media` scope',
        404: 'No file has this key',
        409: 'Articles use it: `articles` names those you may see',
      }),
    },
  }),

  startUpload: describeRoute({
    operationId: 'startUpload',
    tags: ['media'],
    summary: 'Start uploading a large file in parts',
    description: `Then PUT each part (${bytesInWords(PART_MIN)} to ${bytesInWords(PART_MAX)}, all the same size but the last), and complete it. R2 forgets parts left for seven days.`,
    responses: {
      '201': {
        description: 'Started: send the parts to its Location',
        headers: { Location: { description: 'The upload', schema: { type: 'string' } } },
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: { upload: { type: 'string' } },
              required: ['upload'],
            },
          },
        },
      },
      ...problems([403], {
        403: 'A token issued without the `media` scope (`insufficient_scope`)',
      }),
    },
  }),

  uploadPart: describeRoute({
    operationId: 'uploadPart',
    tags: ['media'],
    summary: 'Upload one part',
    parameters: [
      uploadParam,
      {
        name: 'part',
        in: 'path',
        required: true,
        schema: { type: 'integer', minimum: 1, maximum: PARTS_MAX },
      },
    ],
    requestBody: {
      required: true,
      content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    },
    responses: {
      '200': jsonResponse('UploadPart', 'Stored: keep its etag to complete the upload'),
      ...problems([400, 403, 404, 411, 413], {
        400: 'A part number out of range',
        403: 'A token issued without the `media` scope (`insufficient_scope`)',
        404: 'No upload of yours has this name',
        411: 'A part without its Content-Length',
        413: `A part over ${bytesInWords(PART_MAX)}`,
      }),
    },
  }),

  completeUpload: describeRoute({
    operationId: 'completeUpload',
    tags: ['media'],
    summary: 'Complete an upload: the file is checked and stored like any other',
    parameters: [uploadParam],
    requestBody: {
      required: true,
      content: { 'application/json': { schema: ref('CompleteUpload') } },
    },
    responses: {
      ...stored,
      ...problems([400, 403, 404, 413, 415], {
        400: 'Parts that do not make the upload (a missing part, a wrong etag, parts too small)',
        403: 'A token issued without the `media` scope (`insufficient_scope`)',
        404: 'No upload of yours has this name',
        413: "The file is over its kind's limit",
        415: 'Not a type edgefeed stores, or not the type `type` says',
      }),
    },
  }),

  abortUpload: describeRoute({
    operationId: 'abortUpload',
    tags: ['media'],
    summary: 'Give up an upload: its parts are deleted',
    parameters: [uploadParam],
    responses: {
      '204': { description: 'Given up' },
      ...problems([403, 404], {
        403: 'A token issued without the `media` scope (`insufficient_scope`)',
        404: 'No upload of yours has this name',
      }),
    },
  }),
}
