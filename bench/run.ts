import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { systemContext } from '../src/platform/access.js';
import { createTestDatabase } from '../test/dialects.js';
import { generateOrganizations, generatePeople } from './data.js';

/**
 * Throughput and latency of Cadre's busiest reads, each beside its limit measured in the same
 * run: a bare Fastify server sending the same bytes (the HTTP stack), and the same SQL run
 * straight on the database (the data). Engine: CADRE_TEST_DATABASE=sqlite|postgres.
 *
 *   npm run bench                # 20,000 organizations, 5,000 people
 */

const ORGANIZATIONS = Number(process.env.BENCH_ORGANIZATIONS ?? 20_000);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 5_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);

interface Result {
  scenario: string;
  subject: string;
  rps: number;
  p50: number;
  p99: number;
}

async function load(url: string, headers: Record<string, string>): Promise<{ rps: number; p50: number; p99: number }> {
  const result = await autocannon({ url, headers, connections: 10, duration: DURATION });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function timeQuery(run: () => Promise<unknown>, seconds = 3): Promise<{ rps: number; p50: number; p99: number }> {
  const samples: number[] = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => Number((samples[Math.floor(q * (samples.length - 1))] ?? 0).toFixed(2));
  return { rps: Math.round(samples.length / seconds), p50: at(0.5), p99: at(0.99) };
}

async function bareServer(body: string) {
  const bare = Fastify();
  bare.get('/', async (_request, reply) => reply.type('application/json').send(body));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const address = bare.server.address();
  return { bare, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` };
}

async function main() {
  const testDb = await createTestDatabase();
  const db = testDb.database.db;
  process.stdout.write(`Generating ${ORGANIZATIONS} organizations and ${PEOPLE} people on ${testDb.database.engine}…\n`);
  const orgIds = await generateOrganizations(db, ORGANIZATIONS);
  await generatePeople(db, orgIds.slice(0, 200), PEOPLE);

  const config = loadConfig({ LOG_LEVEL: 'silent', CADRE_DATA_DIR: '/nonexistent' });
  const { app, services } = await createApp({ config, database: testDb.database, secretKey: 'bench-secret-bench-secret-bench-secret-000', webRoot: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const system = systemContext('bench');
  const { user } = await services.users.create(system, { email: 'bench@example.test', name: 'Bench', role: 'program_officer', password: 'a bench passphrase' });
  const { secret } = await services.tokens.create({ ...system, actor: { ...system.actor, id: user.id, role: 'program_officer' } }, { name: 'bench' });
  const headers = { authorization: `Bearer ${secret}` };
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

  const results: Result[] = [];
  const scenario = async (name: string, path: string, rawQuery: () => Promise<unknown>) => {
    const url = `${base}${path}`;
    const body = await (await fetch(url, { headers })).text();
    const { bare, url: bareUrl } = await bareServer(body);
    results.push({ scenario: name, subject: 'Cadre', ...(await load(url, headers)) });
    results.push({ scenario: name, subject: 'bare Fastify, same bytes', ...(await load(bareUrl, {})) });
    results.push({ scenario: name, subject: 'raw SQL, same rows', ...(await timeQuery(rawQuery)) });
    await bare.close();
  };

  await scenario('organizations: search, page of 50', '/api/organizations?q=agency%2000&limit=50', () =>
    sql`SELECT * FROM organizations WHERE search_name LIKE ${'%agency 00%'} AND archived_at IS NULL ORDER BY search_name, id LIMIT 51`.execute(db),
  );
  await scenario('people: page of 50 with languages and readiness', '/api/people?limit=50', async () => {
    const page = await sql<{ id: string }>`SELECT p.*, o.name FROM people p JOIN organizations o ON o.id = p.organization_id ORDER BY p.sort_name, p.id LIMIT 51`.execute(db);
    const ids = page.rows.map((r) => r.id);
    await Promise.all(['person_languages', 'person_heritage_countries', 'person_specialties', 'person_readiness'].map((t) => sql`SELECT * FROM ${sql.table(t)} WHERE person_id IN (${sql.join(ids)})`.execute(db)));
  });
  await scenario(`candidates: rank ${PEOPLE} people`, `/api/deployments/${deployment.id}/candidates?limit=25`, async () => {
    const people = await sql<{ id: string }>`SELECT p.*, o.name FROM people p JOIN organizations o ON o.id = p.organization_id WHERE p.status = 'active'`.execute(db);
    for (let i = 0; i < people.rows.length; i += 1000) {
      const ids = people.rows.slice(i, i + 1000).map((r) => r.id);
      await Promise.all(['person_languages', 'person_heritage_countries', 'person_specialties', 'person_readiness'].map((t) => sql`SELECT * FROM ${sql.table(t)} WHERE person_id IN (${sql.join(ids)})`.execute(db)));
    }
  });

  const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);
  await app.close();
  await testDb.drop();

  process.stdout.write(`\nEngine: ${testDb.database.engine}; ${ORGANIZATIONS} organizations, ${PEOPLE} people; autocannon 10 connections × ${DURATION} s; process RSS after: ${rss} MiB\n\n`);
  process.stdout.write('| scenario | measured | req/s | p50 ms | p99 ms | Cadre / limit |\n| --- | --- | --- | --- | --- | --- |\n');
  for (const r of results) {
    const cadre = results.find((x) => x.scenario === r.scenario && x.subject === 'Cadre');
    const ratio = r.subject === 'Cadre' || !cadre ? '' : `${((cadre.rps / r.rps) * 100).toFixed(1)} %`;
    process.stdout.write(`| ${r.scenario} | ${r.subject} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${ratio} |\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
