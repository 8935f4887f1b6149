import type { z } from 'zod';
import { pageSchema } from '../schemas.js';
import { type App, contextOf } from './context.js';
import { type ListSource, pageOrTable, type TableColumn } from './table-export.js';

/**
 * A list's route: `GET path` answers a keyset page of JSON, or with `format=csv|xlsx` every item
 * the filters select as a download; one declaration for every list the API has.
 */
export function listRoute<Q extends z.ZodType<{ format?: string | undefined }>, I extends z.ZodType>(
  app: App,
  path: string,
  spec: {
    tags: string[];
    summary: string;
    querystring: Q;
    item: I;
    table: { name: string; columns: TableColumn<z.input<I>>[] };
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
