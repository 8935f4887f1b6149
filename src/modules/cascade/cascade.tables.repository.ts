import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../../platform/db/dialect.js';
import type { DB } from '../../platform/db/schema.js';

/** Ids per statement: well under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;

export interface Pair {
  instructor: string;
  trainee: string;
}

/** An edge with the stored generation of the person at the far end of the walk that read it. */
export interface PairWithGeneration extends Pair {
  farGeneration: number | null;
}

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The maintained cascade tables (cascade_edges, cascade_generations), read and written for their
 * upkeep. An edge is one instructor of one completed enrollment, in an offering not cancelled,
 * never a person to themselves: the same edges as cascade.graph.ts is given.
 */
export function cascadeTables(db: Kysely<DB>) {
  /** An edge counts when its instructor is in the cascade and its trainee is not generation 0. */
  const counted = (instructor: string, trainee: string) => sql.raw(`${instructor} IS NOT NULL AND ${trainee} > 0`);

  return {
    /**
     * Writes the edges of these offerings (all offerings when null) from their sources, with the
     * generations as they stand; answers the pairs written for the offerings named.
     */
    async insertEdges(offeringIds: readonly string[] | null): Promise<Pair[]> {
      const write = (where: ReturnType<typeof sql>, returning: ReturnType<typeof sql>) => sql<{ instructor_id: string; trainee_id: string }>`
        INSERT INTO cascade_edges (enrollment_id, instructor_id, trainee_id, offering_id, country, end_on, year, track, generation, instructor_generation)
        SELECT e.id, oi.person_id, e.person_id, e.offering_id, o.country, o.end_on, CAST(substr(CAST(o.end_on AS text), 1, 4) AS integer), c.track,
          CASE WHEN ${counted('ig.generation', 'tg.generation')} THEN tg.generation END,
          CASE WHEN ${counted('ig.generation', 'tg.generation')} THEN ig.generation END
        FROM enrollments e
        JOIN offerings o ON o.id = e.offering_id
        JOIN offering_instructors oi ON oi.offering_id = e.offering_id
        JOIN courses c ON c.id = o.course_id
        LEFT JOIN cascade_generations ig ON ig.person_id = oi.person_id
        LEFT JOIN cascade_generations tg ON tg.person_id = e.person_id
        WHERE e.status = 'completed' AND o.status <> 'cancelled' AND oi.person_id <> e.person_id AND ${where}${returning}`.execute(db);
      if (offeringIds === null) {
        // A rebuild writes a million edges: none of them is needed back.
        await write(sql`1 = 1`, sql``);
        return [];
      }
      const out: Pair[] = [];
      for (const chunk of chunks(offeringIds)) {
        const written = await write(sql`e.offering_id IN (${sql.join(chunk)})`, sql` RETURNING instructor_id, trainee_id`);
        for (const r of written.rows) out.push({ instructor: r.instructor_id, trainee: r.trainee_id });
      }
      return out;
    },

    /** Removes the edges of these offerings; answers the pairs they held. */
    async deleteEdgesOf(offeringIds: readonly string[]): Promise<Pair[]> {
      const out: Pair[] = [];
      for (const chunk of chunks(offeringIds)) {
        const removed = await db.deleteFrom('cascade_edges').where('offering_id', 'in', chunk).returning(['instructor_id', 'trainee_id']).execute();
        for (const r of removed) out.push({ instructor: r.instructor_id, trainee: r.trainee_id });
      }
      return out;
    },

    /**
     * The edges leaving (`from`) or entering (`to`) these people, each with the stored generation
     * of the person at its other end (null: out of the cascade): a walk of the cascade reads the
     * next people's generations with the edges that reach them.
     */
    async pairsAt(side: 'from' | 'to', personIds: readonly string[]): Promise<PairWithGeneration[]> {
      const [near, far] = side === 'from' ? (['instructor_id', 'trainee_id'] as const) : (['trainee_id', 'instructor_id'] as const);
      const out: PairWithGeneration[] = [];
      for (const chunk of chunks(personIds)) {
        const rows = await db
          .selectFrom('cascade_edges as ce')
          .leftJoin('cascade_generations as g', 'g.person_id', `ce.${far}`)
          .select(['ce.instructor_id', 'ce.trainee_id', 'g.generation'])
          .distinct()
          .where(`ce.${near}`, 'in', chunk)
          .execute();
        for (const r of rows) out.push({ instructor: r.instructor_id, trainee: r.trainee_id, farGeneration: r.generation === null ? null : Number(r.generation) });
      }
      return out;
    },

    async generationsOf(personIds: readonly string[]): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      for (const chunk of chunks(personIds)) {
        const rows = await db.selectFrom('cascade_generations').select(['person_id', 'generation']).where('person_id', 'in', chunk).execute();
        for (const r of rows) out.set(r.person_id, Number(r.generation));
      }
      return out;
    },

    /** Which of these people belong to a program office (generation 0). */
    async rootsAmong(personIds: readonly string[]): Promise<Set<string>> {
      const out = new Set<string>();
      for (const chunk of chunks(personIds)) {
        const rows = await db
          .selectFrom('people')
          .innerJoin('organizations', 'organizations.id', 'people.organization_id')
          .select('people.id')
          .where('organizations.kind', '=', 'program_office')
          .where('people.id', 'in', chunk)
          .execute();
        for (const r of rows) out.add(r.id);
      }
      return out;
    },

    /** Stores these generations (null: out of the cascade), then brings the edges at these people up to date. */
    async writeGenerations(changed: ReadonlyMap<string, number | null>): Promise<void> {
      const ids = [...changed.keys()];
      const leaving = ids.filter((id) => changed.get(id) === null);
      for (const chunk of chunks(leaving)) await db.deleteFrom('cascade_generations').where('person_id', 'in', chunk).execute();
      const staying = ids.flatMap((id) => {
        const generation = changed.get(id);
        return generation === null || generation === undefined ? [] : [{ person_id: id, generation }];
      });
      for (const chunk of chunks(staying)) {
        await db
          .insertInto('cascade_generations')
          .values(chunk)
          .onConflict((oc) => oc.column('person_id').doUpdateSet({ generation: (eb) => eb.ref('excluded.generation') }))
          .execute();
      }
      // Only the edges whose generations differ are written: the others of these people (their
      // every enrollment, and all they taught: thousands for a prolific instructor) would each be
      // a new row version and an entry in every one of the table's nine indexes, to the same values.
      for (const chunk of chunks(ids)) {
        const list = sql.join(chunk);
        await sql`
          UPDATE cascade_edges SET generation = fresh.generation, instructor_generation = fresh.instructor_generation
          FROM (SELECT eid, iid, generation, instructor_generation
                FROM (SELECT ce.enrollment_id AS eid, ce.instructor_id AS iid, ce.generation AS was, ce.instructor_generation AS instructor_was,
                        CASE WHEN ${counted('gi.generation', 'gt.generation')} THEN gt.generation END AS generation,
                        CASE WHEN ${counted('gi.generation', 'gt.generation')} THEN gi.generation END AS instructor_generation
                      FROM cascade_edges ce
                      LEFT JOIN cascade_generations gi ON gi.person_id = ce.instructor_id
                      LEFT JOIN cascade_generations gt ON gt.person_id = ce.trainee_id
                      WHERE ce.trainee_id IN (${list}) OR ce.instructor_id IN (${list})) AS around
                WHERE was IS DISTINCT FROM generation OR instructor_was IS DISTINCT FROM instructor_generation) AS fresh
          WHERE cascade_edges.enrollment_id = fresh.eid AND cascade_edges.instructor_id = fresh.iid`.execute(db);
      }
    },

    /**
     * Queues cascade upkeep behind any other, to the end of the transaction (PostgreSQL; SQLite's
     * one writer already does). The lock is the audit chain's head row: every change that moves
     * the cascade is audited and so takes that row anyway, and one lock taken in one order can
     * never deadlock against a second (an import may audit a row before it moves the cascade).
     */
    async lock(): Promise<void> {
      if (!isPostgres(db)) return;
      await sql`SELECT id FROM audit_head WHERE id = 1 FOR NO KEY UPDATE`.execute(db);
    },

    async offeringsOfCourse(courseId: string): Promise<string[]> {
      const rows = await db.selectFrom('offerings').select('id').where('course_id', '=', courseId).execute();
      return rows.map((r) => r.id);
    },

    async peopleOfOrganization(organizationId: string): Promise<string[]> {
      const rows = await db.selectFrom('people').select('id').where('organization_id', '=', organizationId).execute();
      return rows.map((r) => r.id);
    },

    async clear(): Promise<void> {
      await db.deleteFrom('cascade_edges').execute();
      await db.deleteFrom('cascade_generations').execute();
    },

    /** Every distinct edge, from the sources, for a full recomputation. */
    async allSourcePairs(): Promise<Pair[]> {
      const result = await sql<{ instructor_id: string; trainee_id: string }>`
        SELECT DISTINCT oi.person_id AS instructor_id, e.person_id AS trainee_id
        FROM enrollments e
        JOIN offerings o ON o.id = e.offering_id
        JOIN offering_instructors oi ON oi.offering_id = e.offering_id
        WHERE e.status = 'completed' AND o.status <> 'cancelled' AND oi.person_id <> e.person_id`.execute(db);
      return result.rows.map((r) => ({ instructor: r.instructor_id, trainee: r.trainee_id }));
    },

    async insertGenerations(generations: ReadonlyMap<string, number>): Promise<void> {
      const rows = [...generations].map(([person_id, generation]) => ({ person_id, generation }));
      for (const chunk of chunks(rows, 5000)) await db.insertInto('cascade_generations').values(chunk).execute();
    },
  };
}

export type CascadeTables = ReturnType<typeof cascadeTables>;
