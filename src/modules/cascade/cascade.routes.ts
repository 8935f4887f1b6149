import { z } from 'zod';
import { isTableFormat, sendTable } from '../../platform/http/table-export.js';
import { type App, contextOf } from '../../platform/http/context.js';
import { idSchema } from '../../platform/schemas.js';
import { instructorCascadeQuerySchema, instructorCascadeSchema, programCascadeSchema, programQuerySchema } from './cascade.schemas.js';
import type { CascadeService } from './cascade.service.js';

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
        const rows = [
          ...result.generations.map((g) => ({ table: 'generation', generation: g.generation, country: '', year: '', people: g.peopleTrained, instructors: g.newInstructors })),
          ...result.byCountry.map((c) => ({ table: 'country', generation: c.generation, country: c.country, year: '', people: c.peopleTrained, instructors: '' })),
          ...result.byYear.map((y) => ({ table: 'year', generation: y.generation, country: '', year: y.year, people: y.peopleTrained, instructors: '' })),
        ];
        type Row = (typeof rows)[number];
        return sendTable(
          reply,
          request.query.format,
          'cascade',
          (['table', 'generation', 'country', 'year', 'people', 'instructors'] as const).map((key) => ({ header: key === 'people' ? 'people_trained' : key === 'instructors' ? 'new_instructors' : key, value: (r: Row) => r[key] })),
          (async function* () {
            yield* rows;
          })(),
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
      async (request) => cascade.instructor(contextOf(request), request.params.id, request.query),
    );
  };
}
