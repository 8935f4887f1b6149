import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { FastifyRequest } from 'fastify';
import { type App, contextOf as requestContext } from '../../platform/http/context.js';
import { isTableFormat, sendTable } from '../../platform/http/table-export.js';
import { created, requiredVersion, withEtag } from '../../platform/http/versioning.js';
import { idSchema, pageSchema } from '../../platform/schemas.js';
import {
  commitImportSchema,
  createMappingSchema,
  importListItemSchema,
  importProblemSchema,
  importSchema,
  kindSchema,
  listImportsQuerySchema,
  listMappingsQuerySchema,
  listProblemsQuerySchema,
  mappingSchema,
  PROBLEM_TABLE,
  updateImportSchema,
  UPLOAD_CONTENT_TYPES,
  uploadQuerySchema,
} from './imports.schemas.js';
import type { ImportsService } from './imports.service.js';
import { importsText, type ImportsContext } from './imports.messages.js';

/** Who asks, and the language the import's words are read in. */
const contextOf = (request: FastifyRequest): ImportsContext => ({ ...requestContext(request), locale: request.locale });

const idParams = z.object({ id: idSchema });
/** The file itself, streamed: documented as bytes, taken as the request stream. */
const uploadBodySchema = z.any().meta({ type: 'string', format: 'binary', description: 'The CSV or XLSX file itself (not a form).' });


function isStream(body: unknown): body is IncomingMessage {
  return typeof body === 'object' && body !== null && Symbol.asyncIterator in body && typeof (body as { pipe?: unknown }).pipe === 'function';
}

export function importsRoutes(deps: { imports: ImportsService }) {
  const service = deps.imports;
  return (app: App) => {
    // The upload is the file itself as the body, streamed: its own parser, in its own scope.
    void app.register(async (upload: App) => {
      upload.addContentTypeParser([...UPLOAD_CONTENT_TYPES], (_request, payload, done) => done(null, payload));
      upload.post(
        '/imports',
        {
          schema: {
            tags: ['imports'],
            summary: 'Upload a CSV or XLSX file (the request body, up to 60 MB) and see how it reads: format, encoding, delimiter, sheets, headers, first rows, suggested mapping, date order',
            consumes: [...UPLOAD_CONTENT_TYPES],
            querystring: uploadQuerySchema,
            body: uploadBodySchema,
            response: { 201: importSchema },
          },
        },
        async (request, reply) => {
          if (!isStream(request.body)) {
            throw new AppError('validation', importsText('file.notFile', { types: UPLOAD_CONTENT_TYPES.slice(0, 3).join(', ') }), {
              errors: [{ pointer: '/body', detail: importsText('file.notFileField') }],
            });
          }
          const length = request.headers['content-length'] ? Number(request.headers['content-length']) : undefined;
          const view = await service.upload(contextOf(request), request.query, request.body, length);
          return created(reply, `/api/imports/${view.id}`, view);
        },
      );
    });

    app.get(
      '/imports',
      { schema: { tags: ['imports'], summary: 'Imports, newest first: staff see all, a coordinator their agency’s, an instructor their own', querystring: listImportsQuerySchema, response: { 200: pageSchema(importListItemSchema) } } },
      async (request) => service.list(contextOf(request), request.query),
    );
    app.get(
      '/imports/kinds',
      { schema: { tags: ['imports'], summary: 'What each kind of import takes: its fields and which are required', response: { 200: z.object({ items: z.array(kindSchema) }) } } },
      async (request) => ({ items: service.kinds(request.locale) }),
    );
    app.get(
      '/imports/mappings',
      { schema: { tags: ['imports'], summary: 'Saved column mappings the caller may use', querystring: listMappingsQuerySchema, response: { 200: z.object({ items: z.array(mappingSchema) }) } } },
      async (request) => ({ items: await service.mappings(contextOf(request), request.query.kind) }),
    );
    app.post(
      '/imports/mappings',
      { schema: { tags: ['imports'], summary: 'Save a column mapping (header → field) to reuse', body: createMappingSchema, response: { 201: mappingSchema } } },
      async (request, reply) => reply.status(201).send(await service.createMapping(contextOf(request), request.body)),
    );
    app.delete(
      '/imports/mappings/:id',
      {
        schema: {
          tags: ['imports'],
          summary: 'Delete a saved mapping (staff: any; a coordinator: their agency’s; an instructor: their own); files it mapped keep their columns',
          params: idParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await service.deleteMapping(contextOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/imports/:id',
      { schema: { tags: ['imports'], summary: 'An import: what was detected, its mapping, its status, progress and outcome', params: idParams, response: { 200: importSchema } } },
      async (request, reply) => {
        return withEtag(reply, await service.get(contextOf(request), request.params.id));
      },
    );
    app.patch(
      '/imports/:id',
      {
        schema: {
          tags: ['imports'],
          summary: 'Change how the file is read (sheet, encoding, delimiter, header row), its mapping, date order, agency or offering (If-Match)',
          params: idParams,
          body: updateImportSchema,
          response: { 200: importSchema },
        },
      },
      async (request, reply) => {
        return withEtag(reply, await service.update(contextOf(request), request.params.id, requiredVersion(request), request.body));
      },
    );
    app.post(
      '/imports/:id/validate',
      { schema: { tags: ['imports'], summary: 'Check every row, writing nothing; runs in the background (follow GET /api/imports/{id})', params: idParams, response: { 202: importSchema } } },
      async (request, reply) => reply.status(202).send(await service.start(contextOf(request), request.params.id, 'validate')),
    );
    app.post(
      '/imports/:id/commit',
      {
        schema: {
          tags: ['imports'],
          summary: 'Import: all rows or nothing (mode all), or the valid rows only (after a check, stating how many rows are left out), in one transaction; runs in the background',
          params: idParams,
          body: commitImportSchema.nullish(),
          response: { 202: importSchema },
        },
      },
      async (request, reply) => reply.status(202).send(await service.start(contextOf(request), request.params.id, 'commit', { mode: request.body?.mode ?? 'all', leaveOutRows: request.body?.leaveOutRows })),
    );
    app.delete(
      '/imports/:id',
      {
        schema: {
          tags: ['imports'],
          summary: 'Delete an import that is not running, with its file and its problems (If-Match); the records a commit wrote stay, and the audit keeps that it existed',
          params: idParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await service.remove(contextOf(request), request.params.id, requiredVersion(request));
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/imports/:id/problems',
      {
        schema: {
          tags: ['imports'],
          summary: 'The problems found, by row and column; format=csv or xlsx downloads them all (codes=true: snake_case headers for scripts)',
          params: idParams,
          querystring: listProblemsQuerySchema,
          response: { 200: pageSchema(importProblemSchema) },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        if (isTableFormat(request.query.format)) {
          await service.get(ctx, request.params.id);
          return sendTable(reply, request.query.format, PROBLEM_TABLE, service.allProblems(ctx, request.params.id), { codes: request.query.codes });
        }
        return service.problems(ctx, request.params.id, request.query);
      },
    );
  };
}
