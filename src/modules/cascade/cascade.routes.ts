import { z } from 'zod';
import { columnsOf, type ExportTable, isTableFormat, sendTable } from '../../platform/http/table-export.js';
import { type App, contextOf } from '../../platform/http/context.js';
import { idSchema } from '../../platform/schemas.js';
import { instructorCascadeQuerySchema, instructorCascadeSchema, programCascadeSchema, programQuerySchema } from './cascade.schemas.js';
import type { CascadeService } from './cascade.service.js';

/** One line of the cascade's three tables, which share a sheet: the first column says which. */
interface CascadeRow {
  table: 'generation' | 'country' | 'year';
  generation: number;
  country: string | null;
  year: number | null;
  people: number;
  instructors: number | null;
}

const column = columnsOf<CascadeRow>();
const CASCADE_TABLE: ExportTable<CascadeRow> = {
  name: 'cascade',
  title: 'Training cascade',
  columns: [
    column.code('table', 'Table', 'cascadeTable', (r) => r.table),
    column.number('generation', 'Generation', (r) => r.generation),
    column.code('country', 'Country', 'country', (r) => r.country),
    column.number('year', 'Year', (r) => r.year),
    column.number('people_trained', 'People trained', (r) => r.people),
    column.number('new_instructors', 'New instructors', (r) => r.instructors),
  ],
};

export function cascadeRoutes(deps: { cascade: CascadeService }) {
  const { cascade } = deps;
  return (app: App) => {
    app.get(
      '/cascade',
      {
        schema: {
          tags: ['cascade'],
          summary: 'The program’s cascade: people trained per generation, country and year, new instructors, the multiplier',
          querystring: programQuerySchema,
          response: { 200: programCascadeSchema },
        },
      },
      async (request, reply) => {
        const { year, track, country, organizationId } = request.query;
        const result = await cascade.program(contextOf(request), { year, track, country, organizationId });
        if (!isTableFormat(request.query.format)) return result;
        const rows: CascadeRow[] = [
          ...result.generations.map((g) => ({ table: 'generation' as const, generation: g.generation, country: null, year: null, people: g.peopleTrained, instructors: g.newInstructors })),
          ...result.byCountry.map((c) => ({ table: 'country' as const, generation: c.generation, country: c.country, year: null, people: c.peopleTrained, instructors: null })),
          ...result.byYear.map((y) => ({ table: 'year' as const, generation: y.generation, country: null, year: y.year, people: y.peopleTrained, instructors: null })),
        ];
        return sendTable(
          reply,
          request.query.format,
          CASCADE_TABLE,
          (async function* () {
            yield* rows;
          })(),
          { codes: request.query.codes },
        );
      },
    );
    app.get(
      '/cascade/instructors/:id',
      {
        schema: {
          tags: ['cascade'],
          summary: 'One instructor’s cascade: everyone trained downstream, by depth and country',
          params: z.object({ id: idSchema }),
          querystring: instructorCascadeQuerySchema,
          response: { 200: instructorCascadeSchema },
        },
      },
      async (request) => cascade.instructor(contextOf(request), request.params.id, request.query, request.locale),
    );
  };
}
