import { z } from 'zod';
import { type App, contextOf } from '../../platform/http/context.js';
import { requiredVersion, setEtag, withEtag } from '../../platform/http/versioning.js';
import { idSchema, pageSchema } from '../../platform/schemas.js';
import { listVettingQuerySchema, recordVettingResultSchema, submitVettingSchema, vettingQueueSchema, vettingRecordSchema } from './vetting.schemas.js';
import type { VettingService } from './vetting.service.js';

const idParams = z.object({ id: idSchema });

export function vettingRoutes(deps: { vetting: VettingService }) {
  const { vetting } = deps;
  return (app: App) => {
    app.get(
      '/vetting',
      { schema: { tags: ['vetting'], summary: 'Vetting records, newest first (program office only)', querystring: listVettingQuerySchema, response: { 200: pageSchema(vettingRecordSchema) } } },
      async (request) => vetting.list(contextOf(request), request.query),
    );
    app.get(
      '/vetting/queue',
      { schema: { tags: ['vetting'], summary: 'Pending cases, and clearances that lapse before an offering', response: { 200: vettingQueueSchema } } },
      async (request) => vetting.queue(contextOf(request)),
    );
    app.post(
      '/vetting',
      { schema: { tags: ['vetting'], summary: 'Record that a person’s vetting was submitted', body: submitVettingSchema, response: { 201: vettingRecordSchema } } },
      async (request, reply) => {
        const record = await vetting.submit(contextOf(request), request.body);
        setEtag(reply, record.version);
        return reply.status(201).send(record);
      },
    );
    app.post(
      '/vetting/:id/result',
      {
        schema: {
          tags: ['vetting'],
          summary: 'Record the result: cleared (with a validity), denied or suspended (needs If-Match)',
          params: idParams,
          body: recordVettingResultSchema,
          response: { 200: vettingRecordSchema },
        },
      },
      async (request, reply) => {
        return withEtag(reply, await vetting.recordResult(contextOf(request), request.params.id, requiredVersion(request), request.body));
      },
    );
  };
}
