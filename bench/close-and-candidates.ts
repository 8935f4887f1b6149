import { performance } from 'node:perf_hooks';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { systemContext } from '../src/platform/access.js';
import { fixedClock } from '../src/platform/clock.js';
import { createTestDatabase } from '../test/dialects.js';
import { buildInstructorCourse, buildOrganization, buildPerson } from '../test/factories.js';
import { generateOrganizations, generatePeople } from './data.js';

/**
 * Two write- and read-heavy requests, each through HTTP with the statements it sends counted:
 *
 * - closing an offering of 30 with a credential (certifications, three renewals, failures with
 *   their reasons, signed Open Badges, every event audited);
 * - the candidate finder ranking every active person for a deployment.
 *
 * Engine: CADRE_TEST_DATABASE=sqlite|postgres (CADRE_TEST_POSTGRES_URL). Self-contained:
 *
 *   node --import tsx bench/close-and-candidates.ts     # BENCH_PEOPLE=100000 BENCH_RUNS=5
 */

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROSTER = 30;

/** Counts the statements run through the Kysely instance it wraps while `recording`. */
class Counter implements KyselyPlugin {
  recording = false;
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.recording) this.count += 1;
    return args.result;
  }
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; statements: number }> {
    this.count = 0;
    this.recording = true;
    const start = performance.now();
    try {
      const result = await work();
      return { result, ms: performance.now() - start, statements: this.count };
    } finally {
      this.recording = false;
    }
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? 0;

async function main() {
  const testDb = await createTestDatabase();
  const engine = testDb.database.engine;
  const counter = new Counter();
  const database = { ...testDb.database, db: testDb.database.db.withPlugin(counter) };
  const clock = fixedClock('2026-12-01T12:00:00Z');
  const config = loadConfig({ LOG_LEVEL: 'silent', CADRE_DATA_DIR: '/nonexistent', CADRE_PUBLIC_URL: 'https://cadre.example.test' });
  const { app, services } = await createApp({ config, database, secretKey: 'bench-secret-bench-secret-bench-secret-000', clock, webRoot: null });
  await app.ready();
  const system = systemContext('bench');
  const { user } = await services.users.create(system, { email: 'bench@example.test', name: 'Bench', role: 'program_officer', password: 'a bench passphrase' });
  const officer = { ...system, actor: { ...system.actor, id: user.id, label: user.email, role: 'program_officer' as const } };
  const { secret } = await services.tokens.create(officer, { name: 'bench', access: 'write' });
  const call = (method: 'GET' | 'POST', url: string, body?: object, version?: number) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${secret}`, ...(version !== undefined && { 'if-match': `"${version}"` }) }, ...(body && { payload: body }) });

  // Closing: one program office, one agency, a credential course; each run closes a fresh offering of 30.
  await buildOrganization(services, system, { name: 'Bench Program Office', kind: 'program_office', website: 'https://office.example.test' });
  const agency = await buildOrganization(services, system, { name: 'Bench Corrections', kind: 'state_corrections' });
  const { course } = await buildInstructorCourse(services, system, { passMark: 70, minAttendancePercent: 80, validityMonths: 24 });
  const closes: { ms: number; statements: number }[] = [];
  for (let run = 0; run <= RUNS; run += 1) {
    const year = 2000 + run;
    const people: { id: string }[] = [];
    for (let i = 0; i < ROSTER; i += 1) people.push(await buildPerson(services, system, { organizationId: agency.id, givenName: `Close${run}x${i}` }));
    const roster = async (startOn: string, endOn: string, who: typeof people, result: (i: number) => object) => {
      const offering = await services.offerings.schedule(system, { courseId: course.id, startOn, endOn, country: 'US', capacity: ROSTER, isUsFunded: false, isRefresher: false });
      for (const [i, person] of who.entries()) {
        const enrollment = await services.enrollments.enroll(system, offering.id, person.id);
        await services.enrollments.recordResult(system, offering.id, enrollment.id, enrollment.version, result(i));
      }
      return offering.id;
    };
    // Three hold the credential already (their certification is a renewal).
    const earlier = await roster(`${year}-03-06`, `${year}-03-10`, people.slice(0, 3), () => ({ attendancePercent: 100, score: 90 }));
    await services.enrollments.close(system, earlier, (await services.offerings.get(system, earlier)).version);
    const results = (i: number) => (i < 22 ? { attendancePercent: 90, score: 80 } : i < 25 ? { attendancePercent: 100, score: 50 } : i < 28 ? { attendancePercent: 40, score: 95 } : { status: 'withdrawn' as const });
    const offeringId = await roster(`${year}-06-05`, `${year}-06-09`, people, results);
    const version = (await services.offerings.get(system, offeringId)).version;
    const measured = await counter.measure(() => call('POST', `/api/offerings/${offeringId}/close`, {}, version));
    if (measured.result.statusCode !== 200) throw new Error(`close: ${measured.result.statusCode} ${measured.result.body}`);
    const report = measured.result.json() as { certified: unknown[]; notCertified: unknown[] };
    if (report.certified.length !== 22 || report.notCertified.length !== 6) throw new Error('close: not the outcome expected');
    // The first run makes the issuer's keys (RSA generation): it is left out.
    if (run > 0) closes.push({ ms: measured.ms, statements: measured.statements });
  }

  // Candidates: PEOPLE people across 200 agencies, ranked for a deployment asking French 2.
  process.stdout.write(`Generating ${PEOPLE} people on ${engine}…\n`);
  const orgIds = await generateOrganizations(testDb.database.db, 2_000);
  await generatePeople(testDb.database.db, orgIds.slice(0, 200), PEOPLE);
  const deployment = await services.deployments.create(system, {
    title: 'Bench deployment',
    hostCountry: 'HT',
    track: 'policing',
    purposes: ['mentor'],
    startOn: '2026-12-07',
    authorizedHeadcount: 6,
    requiredLanguages: [{ language: 'fr', minSpeaking: '2' }],
    specialties: [],
    isHighThreat: false,
  });
  const candidates: { ms: number; statements: number }[] = [];
  for (let run = 0; run <= RUNS; run += 1) {
    const measured = await counter.measure(() => call('GET', `/api/deployments/${deployment.id}/candidates?limit=25`));
    if (measured.result.statusCode !== 200) throw new Error(`candidates: ${measured.result.statusCode} ${measured.result.body}`);
    if (run > 0) candidates.push({ ms: measured.ms, statements: measured.statements });
  }

  await app.close();
  await testDb.drop();
  const row = (name: string, samples: { ms: number; statements: number }[]) =>
    `| ${name} | ${engine} | ${samples.length} | ${median(samples.map((s) => s.statements))} | ${median(samples.map((s) => s.ms)).toFixed(1)} | ${Math.min(...samples.map((s) => s.ms)).toFixed(1)} | ${Math.max(...samples.map((s) => s.ms)).toFixed(1)} |\n`;
  process.stdout.write('\n| scenario | engine | runs | statements | p50 ms | min ms | max ms |\n| --- | --- | --- | --- | --- | --- | --- |\n');
  process.stdout.write(row(`close an offering of ${ROSTER} (22 certified, 3 renewed, 6 failed)`, closes));
  process.stdout.write(row(`candidates over ${PEOPLE} people, limit 25`, candidates));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
