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

/** The program's figures without the counts by country and year: what the dashboard shows of the cascade. */
export type ProgramTotals = Omit<ProgramCascade, 'byCountry' | 'byYear'>;

/**
 * The counts the program's figures are made of, from the maintained edges by SQL aggregates:
 * what programCascade in cascade.graph.ts computes from the whole graph. Each count is of the
 * distinct people among the counted edges (generation not null), grouped the way one index is ordered.
 */
function programCounts(db: Kysely<DB>, filter: ProgramFilter) {
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
  return {
    trained: () => distinctPeople(['generation'], 'trainee_id'),
    teachers: () => distinctPeople(['instructor_generation'], 'instructor_id'),
    byCountry: () => distinctPeople(['generation', 'country'], 'trainee_id'),
    byYear: () => distinctPeople(['generation', 'year'], 'trainee_id'),
  };
}

type Counted<G extends string> = (Record<G, number | string> & { n: number | string })[];

function perGeneration<G extends 'generation' | 'instructor_generation'>(rows: Counted<G>, group: G): number[] {
  const out: number[] = [];
  for (const r of rows) out[Number(r[group])] = Number(r.n);
  return out;
}

/** The program's figures: by generation, and by country and year within each. */
export async function programFigures(db: Kysely<DB>, filter: ProgramFilter): Promise<ProgramCascade> {
  const counts = programCounts(db, filter);
  // At once: PostgreSQL runs them on connections of their own; SQLite, one after another.
  const year = filter.year;
  const [trained, teachers, byCountry, years] = await Promise.all([counts.trained(), counts.teachers(), counts.byCountry(), year === undefined ? counts.byYear() : null]);
  // Within one year, the people trained by year are those trained by generation.
  const byYear = years ?? trained.map((r) => ({ ...r, year }));
  return summarize(
    perGeneration(trained, 'generation'),
    perGeneration(teachers, 'instructor_generation'),
    byCountry.map((r) => ({ country: String(r.country), generation: Number(r.generation), peopleTrained: Number(r.n) })),
    byYear.map((r) => ({ year: Number(r.year), generation: Number(r.generation), peopleTrained: Number(r.n) })),
  );
}

/** The program's figures by generation alone. */
export async function programTotals(db: Kysely<DB>, filter: ProgramFilter): Promise<ProgramTotals> {
  const counts = programCounts(db, filter);
  const [trained, teachers] = await Promise.all([counts.trained(), counts.teachers()]);
  const { byCountry: _byCountry, byYear: _byYear, ...totals } = summarize(perGeneration(trained, 'generation'), perGeneration(teachers, 'instructor_generation'), [], []);
  return totals;
}
