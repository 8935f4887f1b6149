import type { z } from 'zod';
import { pageSchema } from '../schemas.js';
import { type App, contextOf } from './context.js';
import { type ExportTable, type ListSource, pageOrTable } from './table-export.js';

/**
 * A list's route: `GET path` answers a keyset page of JSON, or with `format=csv|xlsx` every item
 * the filters select as a download (headers and labels for people, or with `codes=true` keys and
 * codes for scripts); one declaration for every list the API has.
 */
export function listRoute<Q extends z.ZodType<{ format?: string | undefined; codes?: boolean | undefined }>, I extends z.ZodType>(
  app: App,
  path: string,
  spec: {
    tags: string[];
    summary: string;
    querystring: Q;
    item: I;
    table: ExportTable<z.input<I>>;
    source: ListSource<z.output<Q>, z.input<I>>;
  },
): void {
  app.get(
    path,
    { schema: { tags: spec.tags, summary: spec.summary, querystring: spec.querystring, response: { 200: pageSchema(spec.item) } } },
    // The schema above has validated the query into Q's output.
    async (request, reply) => pageOrTable(reply, contextOf(request), request.query as z.output<Q>, spec.table, spec.source),
  );
}
