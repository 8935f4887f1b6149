import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { type ProgramCascade, summarize } from './cascade.graph.js';

export interface ProgramFilter {
  year?: number | undefined;
  track?: string | undefined;
  country?: string | undefined;
  /** Only trainees of this agency. */
  organizationId?: string | undefined;
}

/**
 * The program's figures from the maintained edges, by SQL aggregates: what programCascade in
 * cascade.graph.ts computes from the whole graph. Each count is one COUNT(DISTINCT …) over the
 * counted edges (generation not null), grouped the way one index is ordered.
 */
export async function programFigures(db: Kysely<DB>, filter: ProgramFilter): Promise<ProgramCascade> {
  const counted = () => {
    let query = db.selectFrom('cascade_edges').where('generation', 'is not', null);
    if (filter.year !== undefined) query = query.where('year', '=', filter.year);
    if (filter.track !== undefined) query = query.where('track', '=', filter.track);
    if (filter.country !== undefined) query = query.where('country', '=', filter.country);
    if (filter.organizationId !== undefined) {
      const organizationId = filter.organizationId;
      query = query.where('trainee_id', 'in', (eb) => eb.selectFrom('people').select('people.id').where('people.organization_id', '=', organizationId));
    }
    return query;
  };
  const distinctTrainees = sql<number>`COUNT(DISTINCT trainee_id)`.as('n');
  const trained = await counted().select(['generation', distinctTrainees]).groupBy('generation').execute();
  const teachers = await counted()
    .select(['instructor_generation', sql<number>`COUNT(DISTINCT instructor_id)`.as('n')])
    .groupBy('instructor_generation')
    .execute();
  const byCountry = await counted().select(['generation', 'country', distinctTrainees]).groupBy(['generation', 'country']).execute();
  const byYear = await counted().select(['generation', 'year', distinctTrainees]).groupBy(['generation', 'year']).execute();

  const trainedPerGeneration: number[] = [];
  for (const r of trained) trainedPerGeneration[Number(r.generation)] = Number(r.n);
  const teachersPerGeneration: number[] = [];
  for (const r of teachers) teachersPerGeneration[Number(r.instructor_generation)] = Number(r.n);
  return summarize(
    trainedPerGeneration,
    teachersPerGeneration,
    byCountry.map((r) => ({ country: r.country, generation: Number(r.generation), peopleTrained: Number(r.n) })),
    byYear.map((r) => ({ year: Number(r.year), generation: Number(r.generation), peopleTrained: Number(r.n) })),
  );
}
