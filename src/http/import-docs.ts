/** What the import routes tell the OpenAPI document (docs/migration.md). */
import { describeRoute } from 'hono-openapi'
import { ImportInput, ImportOutput } from './import-schema'
import { jsonResponse, jsonSchema, outputSchema, problems, ref } from './openapi'

/** The import calls' schemas, among the document's components. */
export const IMPORT_SCHEMAS = {
  ImportInput: jsonSchema(ImportInput),
  Import: outputSchema(ImportOutput),
}

const importId = {
  name: 'id',
  in: 'path' as const,
  required: true,
  description: 'The import, as its Location gave it',
  schema: { type: 'string' as const },
}

export const importDocs = {
  createImport: describeRoute({
    operationId: 'createImport',
    tags: ['imports'],
    summary: "Import another site's archive: a feed with its archive, or a WordPress export",
    description:
      'Runs as a Workflow, in steps of about 100 items written through the coordinator. Items keep their original id as `guid`; old permalinks answer 301; nothing is announced.',
    requestBody: {
      required: true,
      content: { 'application/json': { schema: ref('ImportInput') } },
    },
    responses: {
      '202': jsonResponse('Import', 'Started', {
        Location: { description: 'The import in the API', schema: { type: 'string' } },
      }),
      ...problems([400, 403, 413, 415], {
        400: 'Neither or both of source and wxr, a source the importer may not fetch, an export not uploaded, an unknown publisher',
        403: 'A publisher naming another publisher',
      }),
    },
  }),

  readImport: describeRoute({
    operationId: 'readImport',
    tags: ['imports'],
    summary: 'Watch an import: its state, counts, refusals and place in the archive',
    parameters: [importId],
    responses: {
      '200': jsonResponse('Import', 'The import'),
      ...problems([404], { 404: "No import has this id (or it is another publisher's)" }),
    },
  }),

  pauseImport: describeRoute({
    operationId: 'pauseImport',
    tags: ['imports'],
    summary: 'Pause an import after the step under way',
    parameters: [importId],
    responses: {
      '200': jsonResponse('Import', 'Paused'),
      ...problems([404, 409, 413], { 409: 'The import is not queued or running' }),
    },
  }),

  resumeImport: describeRoute({
    operationId: 'resumeImport',
    tags: ['imports'],
    summary: 'Resume a paused or failed import from where it stopped',
    parameters: [importId],
    responses: {
      '202': jsonResponse('Import', 'Resumed'),
      ...problems([404, 409, 413], { 409: 'The import is not paused or failed' }),
    },
  }),

  cancelImport: describeRoute({
    operationId: 'cancelImport',
    tags: ['imports'],
    summary: 'Cancel an import; what it imported stays',
    parameters: [importId],
    responses: {
      '200': jsonResponse('Import', 'Cancelled'),
      ...problems([404, 409, 413], { 409: 'The import is done or cancelled already' }),
    },
  }),
}
