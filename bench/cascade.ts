import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createApp } from '../src/app.js';
import { rebuildCascade } from '../src/modules/cascade/cascade.rebuild.js';
import { loadConfig } from '../src/config.js';
import { systemContext } from '../src/platform/access.js';
import { newId } from '../src/platform/ids.js';
import { createTestDatabase } from '../test/dialects.js';
import { recursiveReach } from './raw-reach.js';

/**
 * The cascade of a large program: BENCH_ENROLLMENTS completed enrollments (default 1,000,000)
 * over 8 generations, each instructor teaching offerings of 25. Measures one instructor's reach
 * (the recursive query and the tree) and the whole-program table, through the service, beside
 * the plain scan of the same edges on the same database (the limit).
 *
 *   npm run bench:cascade                               # SQLite
 *   CADRE_TEST_DATABASE=postgres npm run bench:cascade  # PostgreSQL
 */

const ENROLLMENTS = Number(process.env.BENCH_ENROLLMENTS ?? 1_000_000);
const GENERATIONS = 8;
const CLASS = 25;

async function time<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: Math.round(performance.now() - start), value };
}

async function main() {
  const testDb = await createTestDatabase();
  const db = testDb.database.db;
  const now = new Date().toISOString();
  const org = { office: newId(), agency: newId() };
  await db
    .insertInto('organizations')
    .values([
      { id: org.office, name: 'Bench Office', search_name: 'bench office', kind: 'program_office', country: 'US', created_at: now, updated_at: now },
      { id: org.agency, name: 'Bench Agency', search_name: 'bench agency', kind: 'state_corrections', country: 'US', created_at: now, updated_at: now },
    ])
    .execute();
  const courseId = newId();
  const versionId = newId();
  await db.insertInto('courses').values({ id: courseId, code: 'BENCH', track: 'corrections', level: 'basic', language: 'en', current_version: 1, created_at: now, updated_at: now }).execute();
  await db.insertInto('course_versions').values({ id: versionId, course_id: courseId, number: 1, title: 'Bench course', hours: 8, created_at: now }).execute();

  // Generation sizes grow geometrically so that the last one is the largest, as in a real cascade.
  const ratio = 2.6;
  const weights = Array.from({ length: GENERATIONS }, (_, g) => ratio ** g);
  const total = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(CLASS, Math.round((ENROLLMENTS * w) / total)));
  process.stdout.write(`Generating ${sizes.reduce((a, b) => a + b, 0)} enrollments over ${GENERATIONS} generations (${sizes.join(', ')}) on ${testDb.database.engine}…\n`);

  const insertPeople = async (count: number, organizationId: string) => {
    const ids = Array.from({ length: count }, () => newId());
    for (let i = 0; i < ids.length; i += 2000) {
      const chunk = ids.slice(i, i + 2000).map((id, k) => ({
        id,
        organization_id: organizationId,
        given_name: 'Bench',
        family_name: `Person ${i + k}`,
        search_name: `bench person ${i + k}`,
        sort_name: `person ${i + k} bench`,
        status: 'active' as const,
        created_at: now,
        updated_at: now,
      }));
      await db.transaction().execute((trx) => trx.insertInto('people').values(chunk).execute());
    }
    return ids;
  };

  let instructors = await insertPeople(10, org.office);
  const masterId = instructors[0] as string;
  const loadStart = performance.now();
  for (let g = 0; g < GENERATIONS; g += 1) {
    const trainees = await insertPeople(sizes[g] as number, org.agency);
    const offerings: { id: string; instructor: string; trainees: string[] }[] = [];
    for (let i = 0; i < trainees.length; i += CLASS) offerings.push({ id: newId(), instructor: instructors[(i / CLASS) % instructors.length] as string, trainees: trainees.slice(i, i + CLASS) });
    for (let i = 0; i < offerings.length; i += 200) {
      const batch = offerings.slice(i, i + 200);
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('offerings')
          .values(batch.map((o) => ({ id: o.id, course_id: courseId, course_version_id: versionId, start_on: `${2010 + g}-03-01`, end_on: `${2010 + g}-03-05`, country: ['US', 'SV', 'BR'][g % 3] as string, capacity: CLASS, status: 'closed', created_at: now, updated_at: now })))
          .execute();
        await trx.insertInto('offering_instructors').values(batch.map((o) => ({ offering_id: o.id, person_id: o.instructor, role: 'lead' }))).execute();
        const rows = batch.flatMap((o) => o.trainees.map((p) => ({ id: newId(), offering_id: o.id, person_id: p, status: 'completed' as const, created_at: now, updated_at: now })));
        for (let k = 0; k < rows.length; k += 1000) await trx.insertInto('enrollments').values(rows.slice(k, k + 1000)).execute();
      });
    }
    // One in ten trainees goes on to teach the next generation.
    instructors = trainees.filter((_, i) => i % 10 === 0);
  }
  process.stdout.write(`Loaded in ${Math.round((performance.now() - loadStart) / 1000)} s.\n`);
  // Rows written around the services: the maintained cascade is recomputed once, as a bulk load does.
  const rebuild = await time(() => rebuildCascade(db));
  process.stdout.write(`Cascade tables rebuilt in ${Math.round(rebuild.ms / 1000)} s.\n`);
  if (testDb.database.engine === 'postgres') await sql`ANALYZE`.execute(db);

  const config = loadConfig({ LOG_LEVEL: 'silent', CADRE_DATA_DIR: '/nonexistent' });
  const { services } = await createApp({ config, database: testDb.database, secretKey: 'bench-secret-bench-secret-bench-secret-000', webRoot: null });
  const ctx = systemContext('bench');

  const scan = await time(() => sql<{ n: number }>`SELECT count(*) AS n FROM enrollments e JOIN offering_instructors oi ON oi.offering_id = e.offering_id WHERE e.status = 'completed'`.execute(db));
  const program = await time(() => services.cascade.program(ctx, {}));
  const inYear = await time(() => services.cascade.program(ctx, { year: 2013 }));
  const dashboard = await time(() => services.dashboard.dashboard(ctx, { year: 2013 }));
  const reachSql = await time(() => recursiveReach(db, masterId));
  const instructor = await time(() => services.cascade.instructor(ctx, masterId, { maxNodes: 500 }));
  const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);

  process.stdout.write(`\nEngine: ${testDb.database.engine}; ${Number((scan.value.rows[0] as { n: number }).n)} edges; multiplier ${program.value.multiplier}; generations ${program.value.generations.length - 1}; RSS ${rss} MiB\n\n`);
  process.stdout.write('| measured | ms | limit | limit ms | ratio |\n| --- | --- | --- | --- | --- |\n');
  process.stdout.write(`| whole-program table (service) | ${program.ms} | scan of every edge (SQL count) | ${scan.ms} | ${(program.ms / Math.max(1, scan.ms)).toFixed(1)}× |\n`);
  process.stdout.write(`| one year's program table (service, year 2013) | ${inYear.ms} | | | |\n`);
  process.stdout.write(`| dashboard (service, year 2013, with the cascade) | ${dashboard.ms} | | | |\n`);
  process.stdout.write(`| one master's reach and tree (service, reach ${instructor.value.reach}) | ${instructor.ms} | recursive reach query alone | ${reachSql.ms} | ${(instructor.ms / Math.max(1, reachSql.ms)).toFixed(1)}× |\n`);
  await testDb.drop();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
