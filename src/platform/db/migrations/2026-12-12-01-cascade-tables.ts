import { type Kysely, sql } from 'kysely';
import { portable } from './portable.js';

/**
 * The cascade, kept rather than recomputed on every view: each person's generation, and each
 * edge (instructor → trainee of a completed enrollment) with what the program's figures group
 * and filter by. The application keeps both in step in the transaction of every change that
 * moves the cascade; here they are filled from the rows already there.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = portable(db);
  await db.schema
    .createTable('cascade_generations')
    .addColumn('person_id', 'text', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('cascade_edges')
    .addColumn('enrollment_id', 'text', (c) => c.notNull())
    .addColumn('instructor_id', 'text', (c) => c.notNull())
    .addColumn('trainee_id', 'text', (c) => c.notNull())
    .addColumn('offering_id', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('end_on', t.date, (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('track', 'text', (c) => c.notNull())
    .addColumn('generation', 'integer')
    .addColumn('instructor_generation', 'integer')
    .addPrimaryKeyConstraint('cascade_edges_pk', ['enrollment_id', 'instructor_id'])
    .execute();

  await backfill(db);

  // Upkeep reads edges by offering, by instructor (downstream) and by trainee (upstream).
  await db.schema.createIndex('cascade_edges_offering').on('cascade_edges').column('offering_id').execute();
  await db.schema.createIndex('cascade_edges_instructor').on('cascade_edges').columns(['instructor_id', 'trainee_id']).execute();
  await db.schema.createIndex('cascade_edges_trainee').on('cascade_edges').columns(['trainee_id', 'instructor_id']).execute();
  // The program's figures: COUNT(DISTINCT …) per group, each answered from one covering index in order.
  await db.schema.createIndex('cascade_edges_generation').on('cascade_edges').columns(['generation', 'trainee_id']).execute();
  await db.schema.createIndex('cascade_edges_teachers').on('cascade_edges').columns(['instructor_generation', 'instructor_id']).execute();
  await db.schema.createIndex('cascade_edges_country').on('cascade_edges').columns(['generation', 'country', 'trainee_id']).execute();
  await db.schema.createIndex('cascade_edges_year').on('cascade_edges').columns(['generation', 'year', 'trainee_id']).execute();
  // The dashboard always asks for one year: everything it groups and filters by, after the year.
  await db.schema
    .createIndex('cascade_edges_in_year')
    .on('cascade_edges')
    .columns(['year', 'generation', 'trainee_id', 'country', 'track', 'instructor_generation', 'instructor_id'])
    .execute();
  if (t.isPostgres) await sql`ANALYZE cascade_edges`.execute(db);
}

/** Generations by breadth-first search from the program office's people, then the edges with them. */
async function backfill(db: Kysely<unknown>): Promise<void> {
  const pairs = await sql<{ instructor_id: string; trainee_id: string }>`
    SELECT DISTINCT oi.person_id AS instructor_id, e.person_id AS trainee_id
    FROM enrollments e
    JOIN offerings o ON o.id = e.offering_id
    JOIN offering_instructors oi ON oi.offering_id = e.offering_id
    WHERE e.status = 'completed' AND o.status <> 'cancelled' AND oi.person_id <> e.person_id`.execute(db);
  const out = new Map<string, string[]>();
  for (const { instructor_id, trainee_id } of pairs.rows) {
    const list = out.get(instructor_id);
    if (list) list.push(trainee_id);
    else out.set(instructor_id, [trainee_id]);
  }
  const roots = await sql<{ id: string }>`
    SELECT p.id FROM people p JOIN organizations g ON g.id = p.organization_id WHERE g.kind = 'program_office'`.execute(db);
  const generation = new Map<string, number>(roots.rows.map((r) => [r.id, 0]));
  let frontier = [...generation.keys()];
  for (let g = 1; frontier.length > 0; g += 1) {
    const next: string[] = [];
    for (const person of frontier) {
      for (const trainee of out.get(person) ?? []) {
        if (generation.has(trainee)) continue;
        generation.set(trainee, g);
        next.push(trainee);
      }
    }
    frontier = next;
  }
  const rows = [...generation].map(([person_id, g]) => ({ person_id, generation: g }));
  const untyped = db as Kysely<{ cascade_generations: { person_id: string; generation: number } }>;
  for (let i = 0; i < rows.length; i += 5000) await untyped.insertInto('cascade_generations').values(rows.slice(i, i + 5000)).execute();
  await sql`
    INSERT INTO cascade_edges (enrollment_id, instructor_id, trainee_id, offering_id, country, end_on, year, track, generation, instructor_generation)
    SELECT e.id, oi.person_id, e.person_id, e.offering_id, o.country, o.end_on, CAST(substr(CAST(o.end_on AS text), 1, 4) AS integer), c.track,
      CASE WHEN ig.generation IS NOT NULL AND tg.generation > 0 THEN tg.generation END,
      CASE WHEN ig.generation IS NOT NULL AND tg.generation > 0 THEN ig.generation END
    FROM enrollments e
    JOIN offerings o ON o.id = e.offering_id
    JOIN offering_instructors oi ON oi.offering_id = e.offering_id
    JOIN courses c ON c.id = o.course_id
    LEFT JOIN cascade_generations ig ON ig.person_id = oi.person_id
    LEFT JOIN cascade_generations tg ON tg.person_id = e.person_id
    WHERE e.status = 'completed' AND o.status <> 'cancelled' AND oi.person_id <> e.person_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('cascade_edges').execute();
  await db.schema.dropTable('cascade_generations').execute();
}
