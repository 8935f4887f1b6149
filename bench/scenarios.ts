import { performance } from 'node:perf_hooks';
import { type KyselyPlugin, sql } from 'kysely';
import { buildServices } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { searchRepository } from '../src/modules/search/search.repository.js';
import { queryWords } from '../src/modules/search/search.text.js';
import { systemContext } from '../src/platform/access.js';
import { type Database, openDatabase } from '../src/platform/db/database.js';
import { bareServer, child, load, percentiles, timeEach } from './measure.js';
import { recursiveReach } from './raw-reach.js';

/** One line of the bench's table. */
export interface Row {
  scenario: string;
  cadre: string;
  limit: string;
  limitValue: string;
  target: string;
  pass: boolean | null;
  data: Record<string, unknown>;
}

export interface ScenarioEnv {
  base: string;
  env: Record<string, string>;
  seconds: number;
  rounds: number;
  importRows: number;
}

const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
const pct = (value: number) => `${Math.round(value * 100)} %`;
const ctx = systemContext('bench');

/** Counts the SQL statements a piece of work sends (a Kysely plugin sees each one). */
function statementCounter() {
  let count = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      count++;
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  };
  return { plugin, reset: () => (count = 0), get count() {
    return count;
  } };
}

/** The program's records the scenarios read: picked the same way on every engine. */
async function pickSubjects(db: Database['db']) {
  const person = await db.selectFrom('people').select('id').where('status', '=', 'active').orderBy('id').offset(1000).limit(1).executeTakeFirst()
    ?? (await db.selectFrom('people').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow());
  const agency = await db.selectFrom('people').select(['organization_id', db.fn.countAll<number>().as('n')]).groupBy('organization_id').orderBy('n', 'desc').orderBy('organization_id').limit(2).execute();
  const busiest = agency.find((a) => a !== agency[0]) ?? agency[0]!;
  const language = await db.selectFrom('person_languages').innerJoin('people', 'people.id', 'person_languages.person_id').select(['language', db.fn.countAll<number>().as('n')])
    .where('people.organization_id', '=', busiest.organization_id).groupBy('language').orderBy('n', 'desc').orderBy('language').limit(1).executeTakeFirstOrThrow();
  const instructor = await db.selectFrom('offering_instructors').innerJoin('people', 'people.id', 'offering_instructors.person_id').innerJoin('organizations', 'organizations.id', 'people.organization_id')
    .select(['offering_instructors.person_id', db.fn.countAll<number>().as('n')]).where('organizations.kind', '=', 'program_office').groupBy('offering_instructors.person_id').orderBy('n', 'desc').orderBy('offering_instructors.person_id').limit(1).executeTakeFirstOrThrow();
  const deployment = await db.selectFrom('deployments').select('id').where('status', 'in', ['planning', 'staffing']).orderBy('id').limit(1).executeTakeFirst()
    ?? (await db.selectFrom('deployments').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow());
  const course = await db.selectFrom('courses').select('id').where('grants_credential_id', 'is not', null).orderBy('code').limit(1).executeTakeFirstOrThrow();
  const trainees = await db.selectFrom('people').innerJoin('organizations', 'organizations.id', 'people.organization_id').select('people.id')
    .where('people.status', '=', 'active').where('organizations.kind', '<>', 'program_office').orderBy('people.id', 'desc').limit(31).execute();
  const traineeIds = trainees.map((t) => t.id);
  return { personId: person.id, agencyId: busiest.organization_id, language: language.language, instructorId: instructor.person_id, deploymentId: deployment.id, courseId: course.id, traineeIds: traineeIds.slice(0, 30), firstTraineeId: traineeIds[30] as string };
}

export async function runScenarios(s: ScenarioEnv, only: (name: string) => boolean): Promise<Row[]> {
  const config = loadConfig({ ...process.env, ...s.env, LOG_LEVEL: 'silent' });
  const database = openDatabase(config.database);
  const counter = statementCounter();
  const services = buildServices({ config, database: { ...database, db: database.db.withPlugin(counter.plugin) }, secretKey: config.secretKey as string });
  const db = database.db;
  const rows: Row[] = [];
  try {
    const { user } = await services.users.create(ctx, { email: `bench-${Date.now()}@example.test`, name: 'Bench', role: 'program_officer', password: 'a bench passphrase' });
    const { secret } = await services.tokens.create({ ...ctx, actor: { ...ctx.actor, id: user.id, role: 'program_officer' } }, { name: 'bench' });
    const headers = { authorization: `Bearer ${secret}` };
    const get = async (path: string) => {
      const response = await fetch(`${s.base}${path}`, { headers });
      if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
      return response;
    };
    const timeGet = (paths: string[], rounds: number) => timeEach(rounds * paths.length, async (i) => (await get(paths[i % paths.length] as string)).arrayBuffer());
    const subjects = await pickSubjects(db);
    const reachPath = `/api/cascade/instructors/${subjects.instructorId}`;
    // The server reads the cascade's graph as it starts (seconds on a large program, between
    // requests): a reach asked now waits for that read. The scenarios are measured after it.
    const asStarted = await timeGet([reachPath], 1);

    if (only('person')) {
      const cadre = await load(`${s.base}/api/people/${subjects.personId}`, headers, s.seconds);
      const bare = await bareServer(async () => {
        const [person, languages, heritage, specialties, readiness] = await Promise.all([
          db.selectFrom('people').innerJoin('organizations', 'organizations.id', 'people.organization_id').selectAll('people').select('organizations.name as organization_name').where('people.id', '=', subjects.personId).executeTakeFirst(),
          db.selectFrom('person_languages').selectAll().where('person_id', '=', subjects.personId).execute(),
          db.selectFrom('person_heritage_countries').selectAll().where('person_id', '=', subjects.personId).execute(),
          db.selectFrom('person_specialties').selectAll().where('person_id', '=', subjects.personId).execute(),
          db.selectFrom('person_readiness').select(['item', 'completed_on', 'expires_on']).where('person_id', '=', subjects.personId).execute(),
        ]);
        return JSON.stringify({ person, languages, heritage, specialties, readiness });
      });
      const limit = await load(`${bare.url}/`, {}, s.seconds);
      await bare.close();
      const ratio = cadre.rps / limit.rps;
      rows.push({ scenario: 'GET one person, signed in', cadre: `${Math.round(cadre.rps)} req/s`, limit: 'bare node:http, same SQL', limitValue: `${Math.round(limit.rps)} req/s`, target: `${pct(ratio)} (≥ 40 %)`, pass: ratio >= 0.4, data: { cadre, limit } });
    }

    if (only('people')) {
      const filter = `organizationId=${subjects.agencyId}&language=${subjects.language}&limit=50`;
      const pages = [`/api/people?${filter}`];
      // Deep pages: the whole program's speakers of the language, walked by the keyset cursor.
      const deep: string[] = [];
      const walkSamples: number[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 400; page++) {
        const path = `/api/people?language=${subjects.language}&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const start = performance.now();
        const body = (await (await get(path)).json()) as { nextCursor: string | null };
        walkSamples.push(performance.now() - start);
        if (page % 25 === 0) deep.push(path);
        cursor = body.nextCursor;
        if (!cursor) break;
      }
      const sampled = await timeGet([...pages, ...deep], s.rounds);
      const walked = percentiles(walkSamples);
      const raw = await timeEach(s.rounds * 4, () =>
        sql`SELECT p.*, o.name FROM people p JOIN organizations o ON o.id = p.organization_id
            WHERE p.organization_id = ${subjects.agencyId} AND EXISTS (SELECT 1 FROM person_languages l WHERE l.person_id = p.id AND l.language = ${subjects.language})
            ORDER BY p.sort_name, p.id LIMIT 51`.execute(db),
      );
      const p99 = Math.max(sampled.p99, walked.p99);
      rows.push({ scenario: `people list, agency + language, 50 a page (${walkSamples.length} pages walked)`, cadre: `p99 ${ms(p99)}`, limit: 'raw SQL of a page', limitValue: `p99 ${ms(raw.p99)}`, target: 'p99 < 30 ms', pass: p99 < 30, data: { sampled, walked, raw } });
    }

    if (only('search')) {
      const queries = ['pierre', 'garcia', 'jean bapt', 'mens', 'police', 'community', 'instructor', 'zzqx'];
      const cadre = await timeGet(queries.map((q) => `/api/search?q=${encodeURIComponent(q)}`), s.rounds);
      const repo = searchRepository(db);
      const raw = await timeEach(queries.length * s.rounds, (i) => repo.find({ kind: 'person', prefixes: queryWords(queries[i % queries.length] as string), scope: { kind: 'all' }, withPrivateWords: true, limit: 6 }));
      rows.push({ scenario: 'search across the program', cadre: `p99 ${ms(cadre.p99)}`, limit: 'index query, people only', limitValue: `p99 ${ms(raw.p99)}`, target: 'p99 < 50 ms', pass: cadre.p99 < 50, data: { cadre, raw } });
    }

    if (only('dashboard')) {
      const combos = ['year=2025', 'year=2025&track=policing', 'year=2020&country=HT', `year=2026&organizationId=${subjects.agencyId}`, 'year=2012&track=corrections&country=MX'];
      // The server's first dashboard reads its figures' tables and indexes cold: shown beside the rest, not taken as their maximum.
      const first = await timeGet([`/api/reports/dashboard?${combos[0]}`], 1);
      const cadre = await timeGet(combos.map((c) => `/api/reports/dashboard?${c}`), Math.max(1, Math.floor(s.rounds / 10)));
      const raw = await timeEach(3, () => sql`SELECT count(*) AS n, count(DISTINCT e.person_id) AS people FROM enrollments e JOIN offerings o ON o.id = e.offering_id WHERE e.status = 'completed' AND o.end_on BETWEEN '2025-01-01' AND '2025-12-31'`.execute(db));
      rows.push({ scenario: `dashboard, ${combos.length} filter sets (the server’s first: ${ms(first.max)})`, cadre: `max ${ms(cadre.max)}`, limit: 'plain SQL: the year’s completions', limitValue: ms(raw.p50), target: '< 300 ms', pass: cadre.max < 300, data: { first, cadre, raw } });
    }

    if (only('cascade')) {
      const reach = await timeGet([reachPath], 5);
      const rawReach = await timeEach(5, () => recursiveReach(db, subjects.instructorId));
      rows.push({
        scenario: `one instructor’s cascade reach (asked as the server started, with its graph’s read-ahead: ${ms(asStarted.max)})`,
        cadre: `p50 ${ms(reach.p50)}`,
        limit: 'recursive SQL of the reach',
        limitValue: `p50 ${ms(rawReach.p50)}`,
        target: '< 50 ms',
        pass: reach.p50 < 50,
        data: { asStarted, reach, rawReach },
      });
      const program = await timeGet(['/api/cascade'], 3);
      const scan = await timeEach(3, () => sql`SELECT oi.person_id AS instructor, e.person_id AS trainee FROM offering_instructors oi JOIN enrollments e ON e.offering_id = oi.offering_id WHERE e.status = 'completed'`.execute(db));
      rows.push({ scenario: 'whole-program cascade table', cadre: `p50 ${ms(program.p50)}`, limit: 'plain scan of the edges', limitValue: `p50 ${ms(scan.p50)}`, target: '< 1 s', pass: program.p50 < 1000, data: { program, scan } });
    }

    if (only('candidates')) {
      const cadre = await timeGet([`/api/deployments/${subjects.deploymentId}/candidates?limit=25`], Math.max(3, Math.floor(s.rounds / 5)));
      const raw = await timeEach(3, async () => {
        const people = await sql<{ id: string }>`SELECT p.*, o.name FROM people p JOIN organizations o ON o.id = p.organization_id WHERE p.status = 'active'`.execute(db);
        for (let i = 0; i < people.rows.length; i += 1000) {
          const ids = people.rows.slice(i, i + 1000).map((r) => r.id);
          await Promise.all(['person_languages', 'person_heritage_countries', 'person_specialties', 'person_readiness'].map((t) => sql`SELECT * FROM ${sql.table(t)} WHERE person_id IN (${sql.join(ids)})`.execute(db)));
        }
      });
      rows.push({ scenario: 'candidate finder over all people', cadre: `p50 ${ms(cadre.p50)}`, limit: 'raw read of every active person', limitValue: `p50 ${ms(raw.p50)}`, target: 'p50 < 150 ms', pass: cadre.p50 < 150, data: { cadre, raw } });
    }

    if (only('close')) {
      const host = await db.selectFrom('organizations').select(['id', 'country']).where('kind', '<>', 'program_office').orderBy('id').limit(1).executeTakeFirstOrThrow();
      const closeOne = async (startOn: string, endOn: string, traineeIds: readonly string[]) => {
        let offering = await services.offerings.schedule(ctx, { courseId: subjects.courseId, startOn, endOn, country: host.country, hostOrganizationId: host.id, capacity: 30, isUsFunded: false, isRefresher: false });
        offering = await services.offerings.setInstructor(ctx, offering.id, offering.version, { personId: subjects.instructorId, role: 'lead' });
        for (const personId of traineeIds) {
          const enrollment = await services.enrollments.enroll(ctx, offering.id, personId);
          await services.enrollments.recordResult(ctx, offering.id, enrollment.id, enrollment.version, { attendancePercent: 95, score: 88 });
        }
        const current = await services.offerings.get(ctx, offering.id);
        counter.reset();
        const start = performance.now();
        await services.enrollments.close(ctx, offering.id, current.version);
        const closed = { ms: performance.now() - start, statements: counter.count };
        // The credentials, signed after the close's commit, before anything else is measured.
        await services.afterCommit.settled();
        return closed;
      };
      // A server that has issued a credential before: the issuer's keys exist and signing's code is
      // loaded. Both are once in a program's life, not part of each close. Weekends: the generated
      // offerings run on weekdays, so the trainees are free.
      await closeOne('2026-11-21', '2026-11-22', [subjects.firstTraineeId]);
      // The server holds the cascade's graph before the close, so the reach after it shows the catch-up alone.
      await get(reachPath);
      const { ms: took, statements } = await closeOne('2026-11-28', '2026-11-29', subjects.traineeIds);
      rows.push({ scenario: `closing an offering of ${subjects.traineeIds.length}`, cadre: `${statements} statements, ${ms(took)}`, limit: '—', limitValue: '—', target: '< 40 statements, < 100 ms', pass: statements < 40 && took < 100, data: { statements, ms: took } });
      const reachAfter = await timeGet([reachPath], 1);
      rows.push({ scenario: 'the closing instructor’s reach, read just after the close', cadre: ms(reachAfter.max), limit: '—', limitValue: '—', target: '< 50 ms', pass: reachAfter.max < 50, data: { reachAfter } });
    }

    if (only('year-report')) {
      const report = await child<{ ms: number; peakRssMiB: number; bytes: number }>('year-report', ['2025'], s.env);
      rows.push({ scenario: 'year report 2025, PDF (own process)', cadre: `${(report.ms / 1000).toFixed(2)} s, peak RSS ${report.peakRssMiB} MiB`, limit: '—', limitValue: '—', target: '< 5 s, < 400 MB', pass: report.ms < 5000 && report.peakRssMiB < 400, data: report });
    }

    if (only('import')) {
      const imported = await child<{ ms: number; peakRssMiB: number }>('import', [String(s.importRows)], s.env);
      const raw = await child<{ ms: number; peakRssMiB: number }>('raw-insert', [String(s.importRows)], s.env);
      const ratio = raw.ms / imported.ms;
      const rate = (t: number) => `${Math.round(s.importRows / (t / 1000)).toLocaleString('en-US')} rows/s`;
      rows.push({ scenario: `${s.importRows.toLocaleString('en-US')}-row import (own process)`, cadre: `${rate(imported.ms)}, peak RSS ${imported.peakRssMiB} MiB`, limit: 'raw inserts of the same rows', limitValue: rate(raw.ms), target: `${pct(ratio)} (≥ 25 %, < 300 MB)`, pass: ratio >= 0.25 && imported.peakRssMiB < 300, data: { imported, raw } });
    }
  } finally {
    await database.close();
  }
  return rows;
}
