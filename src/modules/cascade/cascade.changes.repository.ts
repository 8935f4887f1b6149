import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { chunks, type Pair } from './cascade.tables.repository.js';

/** A pair's first edge (by end date, then country): where and when the instructor first trained the trainee. */
export interface FirstEdge extends Pair {
  endOn: string;
  country: string;
}

/** What a reader must do to be current: nothing new, the pairs to read again, or the whole cascade. */
export type ChangesSince = { seq: number; pairs: Pair[] } | { seq: number; everything: true };

/** Changes kept for readers that fell behind; one further back reads the cascade whole. */
const KEPT_CHANGES = 2_000;
/** A change whose number is a multiple of this prunes the log. */
const PRUNE_EVERY = 200;
/** Past this many pairs to read again, reading the cascade whole is as quick. */
const MOST_PAIRS = 50_000;
/** Edges per page when the cascade is read whole. */
const PAGE = 5_000;

/**
 * The cascade's change log (see the migration 2026-12-13-01-cascade-changes) and the edge reads
 * that follow it. Writers call `record` or `recordEverything` in the transaction that moved the
 * edges, after taking the cascade's lock: that lock is what makes "the next number" safe.
 */
export function cascadeChanges(db: Kysely<DB>) {
  const next = async () => {
    const row = await db.selectFrom('cascade_changes').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
    return Number(row?.seq ?? 0) + 1;
  };

  return {
    /** Notes that these pairs' edges were written. */
    async record(pairs: readonly Pair[]): Promise<void> {
      const distinct = new Map(pairs.map((p) => [`${p.instructor}\u0000${p.trainee}`, p]));
      if (distinct.size === 0) return;
      const seq = await next();
      for (const chunk of chunks([...distinct.values()])) {
        await db
          .insertInto('cascade_changes')
          .values(chunk.map((p) => ({ seq, instructor_id: p.instructor, trainee_id: p.trainee })))
          .execute();
      }
      if (seq % PRUNE_EVERY === 0) await db.deleteFrom('cascade_changes').where('seq', '<=', seq - KEPT_CHANGES).execute();
    },

    /** Notes that the whole cascade was written again: every reader reads it whole. */
    async recordEverything(): Promise<void> {
      const seq = await next();
      await db.deleteFrom('cascade_changes').execute();
      await db.insertInto('cascade_changes').values({ seq, instructor_id: null, trainee_id: null }).execute();
    },

    /** What changed after change `seq`; everything when the log no longer holds all of it. */
    async since(seq: number): Promise<ChangesSince> {
      const bounds = await db
        .selectFrom('cascade_changes')
        .select((eb) => [eb.fn.min('seq').as('first'), eb.fn.max('seq').as('last')])
        .executeTakeFirst();
      const first = bounds?.first === null || bounds?.first === undefined ? null : Number(bounds.first);
      const last = first === null ? 0 : Number(bounds?.last);
      if (last === seq) return { seq, pairs: [] };
      // Pruned past what this reader applied, or a log that went back (a restored database).
      if (last < seq || (first !== null && first > seq + 1)) return { seq: last, everything: true };
      const rows = await db
        .selectFrom('cascade_changes')
        .select(['seq', 'instructor_id', 'trainee_id'])
        .where('seq', '>', seq)
        .where('seq', '<=', last)
        .limit(MOST_PAIRS + 1)
        .execute();
      if (rows.length > MOST_PAIRS || rows.some((r) => r.instructor_id === null || r.trainee_id === null)) return { seq: last, everything: true };
      return { seq: last, pairs: rows.map((r) => ({ instructor: r.instructor_id as string, trainee: r.trainee_id as string })) };
    },

    /** The number of the last change, for a reader about to read the cascade whole. */
    async last(): Promise<number> {
      return (await next()) - 1;
    },

    /** The first edge of each of these pairs that still has one. */
    async firstEdges(pairs: readonly Pair[]): Promise<FirstEdge[]> {
      const wanted = new Map<string, Set<string>>();
      for (const p of pairs) {
        const trainees = wanted.get(p.instructor);
        if (trainees) trainees.add(p.trainee);
        else wanted.set(p.instructor, new Set([p.trainee]));
      }
      const out: FirstEdge[] = [];
      for (const [instructor, trainees] of wanted) {
        for (const chunk of chunks([...trainees])) {
          const rows = await db
            .selectFrom('cascade_edges')
            .select(['trainee_id', 'country', 'end_on'])
            .where('instructor_id', '=', instructor)
            .where('trainee_id', 'in', chunk)
            .execute();
          out.push(...firstOfEach(rows.map((r) => ({ instructor, trainee: r.trainee_id, endOn: r.end_on, country: r.country }))));
        }
      }
      return out;
    },

    /**
     * Every edge, a page at a time, by instructor, trainee, then date and country: each pair's
     * edges together, its first edge first. A walk of the index cascade_edges_from alone; small
     * pages, so what a page allocates dies young instead of growing the server's heap.
     */
    async *allEdges(): AsyncGenerator<FirstEdge[]> {
      let after: Pair | null = null;
      for (;;) {
        const from: Pair | null = after;
        const rows = await db
          .selectFrom('cascade_edges')
          .select(['instructor_id as instructor', 'trainee_id as trainee', 'country', 'end_on as endOn'])
          .$if(from !== null, (q) => q.where(sql<boolean>`(instructor_id, trainee_id) > (${from?.instructor}, ${from?.trainee})`))
          .orderBy('instructor_id')
          .orderBy('trainee_id')
          .orderBy('end_on')
          .orderBy('country')
          .limit(PAGE)
          .execute();
        if (rows.length < PAGE) {
          yield rows;
          return;
        }
        // The page may have cut the last pair's edges short: that pair starts the next page.
        const last = rows.at(-1) as FirstEdge;
        const whole = rows.filter((e) => e.instructor !== last.instructor || e.trainee !== last.trainee);
        if (whole.length === 0) throw new Error(`One pair holds more than ${PAGE} edges`);
        yield whole;
        after = whole.at(-1) as FirstEdge;
      }
    },
  };
}

/** Of edges listed pair by pair or in any order, each pair's first by end date, then country. */
function firstOfEach(edges: readonly FirstEdge[]): FirstEdge[] {
  const first = new Map<string, FirstEdge>();
  for (const edge of edges) {
    const key = `${edge.instructor}\u0000${edge.trainee}`;
    const held = first.get(key);
    if (!held || edge.endOn < held.endOn || (edge.endOn === held.endOn && edge.country < held.country)) first.set(key, edge);
  }
  return [...first.values()];
}

export type CascadeChanges = ReturnType<typeof cascadeChanges>;
