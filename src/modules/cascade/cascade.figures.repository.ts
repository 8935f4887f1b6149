import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../../platform/db/dialect.js';
import type { DB } from '../../platform/db/schema.js';
import { type ProgramCascade, summarize } from './cascade.graph.js';

export interface ProgramFilter {
  year?: number | undefined;
  track?: string | undefined;
  country?: string | undefined;
  /** Only trainees of this agency. */
  organizationId?: string | undefined;
}

type Group = 'generation' | 'instructor_generation' | 'country' | 'year';

/**
 * The program's figures from the maintained edges, by SQL aggregates: what programCascade in
 * cascade.graph.ts computes from the whole graph. Each count is of the distinct people among the
 * counted edges (generation not null), grouped the way one index is ordered.
 */
export async function programFigures(db: Kysely<DB>, filter: ProgramFilter): Promise<ProgramCascade> {
  const onPostgres = isPostgres(db);
  /**
   * The counted edges. Their two generations are null together, so the instructors' count tests
   * its own, and reads the index (instructor_generation, instructor_id) alone.
   */
  const counted = (person: 'trainee_id' | 'instructor_id') => {
    let query = db.selectFrom('cascade_edges').where(person === 'trainee_id' ? 'generation' : 'instructor_generation', 'is not', null);
    if (filter.year !== undefined) query = query.where('year', '=', filter.year);
    if (filter.track !== undefined) query = query.where('track', '=', filter.track);
    if (filter.country !== undefined) query = query.where('country', '=', filter.country);
    if (filter.organizationId !== undefined) {
      const organizationId = filter.organizationId;
      query = query.where('trainee_id', 'in', (eb) => eb.selectFrom('people').select('people.id').where('people.organization_id', '=', organizationId));
    }
    return query;
  };
  /**
   * How many distinct people of each group. PostgreSQL sorts each group anew for COUNT(DISTINCT
   * …) (a year's 100,000 edges took seconds), so there each (group, person) pair is made once and
   * the pairs counted; SQLite reads the groups in its covering indexes' order, where the pairs'
   * extra pass doubled the instructors' count (0.8 s to 1.6 s on a million edges).
   */
  const distinctPeople = async <G extends Group>(groups: readonly G[], person: 'trainee_id' | 'instructor_id') => {
    if (!onPostgres) {
      const rows = await counted(person)
        .select([...groups, sql<number>`COUNT(DISTINCT ${sql.ref(person)})`.as('n')])
        .groupBy([...groups])
        .execute();
      return rows as unknown as (Record<G, number | string> & { n: number | string })[];
    }
    const pairs = counted(person)
      .select([...groups, person])
      .groupBy([...groups, person]);
    const rows = await db
      .selectFrom(pairs.as('pairs'))
      .select([...groups.map((group) => sql.ref(`pairs.${group}`).as(group)), sql<number | string>`COUNT(*)`.as('n')])
      .groupBy(groups.map((group) => sql.ref(`pairs.${group}`)))
      .execute();
    return rows as (Record<G, number | string> & { n: number | string })[];
  };
  // At once: PostgreSQL runs them on connections of their own; SQLite, one after another.
  const year = filter.year;
  const [trained, teachers, byCountry, years] = await Promise.all([
    distinctPeople(['generation'], 'trainee_id'),
    distinctPeople(['instructor_generation'], 'instructor_id'),
    distinctPeople(['generation', 'country'], 'trainee_id'),
    year === undefined ? distinctPeople(['generation', 'year'], 'trainee_id') : null,
  ]);
  // Within one year, the people trained by year are those trained by generation.
  const byYear = years ?? trained.map((r) => ({ ...r, year }));

  const trainedPerGeneration: number[] = [];
  for (const r of trained) trainedPerGeneration[Number(r.generation)] = Number(r.n);
  const teachersPerGeneration: number[] = [];
  for (const r of teachers) teachersPerGeneration[Number(r.instructor_generation)] = Number(r.n);
  return summarize(
    trainedPerGeneration,
    teachersPerGeneration,
    byCountry.map((r) => ({ country: String(r.country), generation: Number(r.generation), peopleTrained: Number(r.n) })),
    byYear.map((r) => ({ year: Number(r.year), generation: Number(r.generation), peopleTrained: Number(r.n) })),
  );
}
