import http from 'node:http';
import { createHash } from 'node:crypto';
import autocannon from 'autocannon';
import { type Kysely, sql } from 'kysely';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { systemContext } from '../src/platform/access.js';
import type { DB } from '../src/platform/db/schema.js';
import { entryOf } from '../src/modules/search/search.index.js';
import { searchRepository } from '../src/modules/search/search.repository.js';
import { createTestDatabase } from '../test/dialects.js';
import { generateOrganizations, generatePeople } from './data.js';

/**
 * Cadre's busiest reads on a large program (2,000 agencies, 100,000 people with languages,
 * heritage and readiness), each against its target of issue 15, on the engine of
 * CADRE_TEST_DATABASE (sqlite | postgres):
 *
 * - one person, signed in with a token, access checked, beside a bare node:http server that runs
 *   the same SQL (the token's lookup, the person with their agency, their languages, heritage,
 *   specialties and readiness) and JSON.stringify's the rows: target ≥ 40 % of its throughput;
 * - the roster filtered by agency and language, first page (with its total), a later page by
 *   cursor, and a page deep in a language-only list: target p99 < 30 ms;
 * - the search across the program: target p99 < 50 ms.
 *
 *   node --import tsx bench/reads.ts
 *   CADRE_TEST_DATABASE=postgres node --import tsx bench/reads.ts
 *
 * BENCH_ORGANIZATIONS, BENCH_PEOPLE, BENCH_PEOPLE_AGENCIES (how many agencies hold the people:
 * fewer make each agency's list longer), BENCH_SECONDS change the size and the duration.
 */

const ORGANIZATIONS = Number(process.env.BENCH_ORGANIZATIONS ?? 2_000);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const PEOPLE_AGENCIES = Number(process.env.BENCH_PEOPLE_AGENCIES ?? 200);
const DURATION = Number(process.env.BENCH_SECONDS ?? 6);

export interface ReadResult {
  scenario: string;
  subject: string;
  rps: number;
  p50: number;
  p99: number;
  target: string;
}

async function load(url: string, headers: Record<string, string>) {
  const result = await autocannon({ url, headers, connections: 10, duration: DURATION });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** Writes the search index's entries of the generated agencies and people, as the app's writes would. */
async function indexForSearch(db: Kysely<DB>) {
  const repo = searchRepository(db);
  for (const kind of ['organization', 'person'] as const) {
    const table = kind === 'organization' ? 'organizations' : 'people';
    const ids = (await db.selectFrom(table).select('id').execute()).map((r) => r.id);
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await repo.sources({ kind, ids: ids.slice(i, i + 500) });
      await repo.put(rows.map((row) => entryOf(kind, row)));
    }
  }
}

/** The reads GET /api/people/:id needs, straight on the database: the limit of that route. */
async function bareServer(db: Kysely<DB>) {
  const read = async (secret: string, id: string) => {
    const token = await db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .selectAll('users')
      .select(['api_tokens.id as token_id', 'api_tokens.access', 'api_tokens.areas'])
      .where('api_tokens.token_hash', '=', createHash('sha256').update(secret).digest('hex'))
      .where('api_tokens.revoked_at', 'is', null)
      .where('api_tokens.expires_at', '>', new Date().toISOString())
      .where('users.disabled_at', 'is', null)
      .executeTakeFirst();
    if (!token) return null;
    const person = await db
      .selectFrom('people')
      .innerJoin('organizations', 'organizations.id', 'people.organization_id')
      .selectAll('people')
      .select(['organizations.name as organization_name', 'organizations.country as organization_country'])
      .where('people.id', '=', id)
      .executeTakeFirst();
    if (!person) return null;
    const [languages, heritage, specialties, readiness] = await Promise.all([
      db.selectFrom('person_languages').selectAll().where('person_id', '=', id).execute(),
      db.selectFrom('person_heritage_countries').selectAll().where('person_id', '=', id).execute(),
      db.selectFrom('person_specialties').selectAll().where('person_id', '=', id).execute(),
      db.selectFrom('person_readiness').selectAll().where('person_id', '=', id).execute(),
    ]);
    return { ...person, languages, heritage, specialties, readiness };
  };
  const server = http.createServer((request, response) => {
    const secret = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const id = (request.url ?? '').split('/').at(-1) ?? '';
    read(secret, id).then(
      (body) => {
        response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      },
      () => {
        response.writeHead(500);
        response.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

export async function readsScenario(): Promise<{ engine: string; results: ReadResult[] }> {
  const testDb = await createTestDatabase();
  const db = testDb.database.db;
  const started = Date.now();
  process.stdout.write(`Generating ${ORGANIZATIONS} agencies and ${PEOPLE} people (in ${PEOPLE_AGENCIES} agencies) on ${testDb.database.engine}…\n`);
  const orgIds = await generateOrganizations(db, ORGANIZATIONS);
  await generatePeople(db, orgIds.slice(0, PEOPLE_AGENCIES), PEOPLE);
  await indexForSearch(db);
  if (testDb.database.engine === 'postgres') await sql`ANALYZE`.execute(db);
  process.stdout.write(`…loaded in ${Math.round((Date.now() - started) / 1000)} s\n`);

  const config = loadConfig({ LOG_LEVEL: 'silent', CADRE_DATA_DIR: '/nonexistent' });
  const { app, services } = await createApp({ config, database: testDb.database, secretKey: 'bench-secret-bench-secret-bench-secret-000', webRoot: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const system = systemContext('bench');
  const { user } = await services.users.create(system, { email: 'bench@example.test', name: 'Bench', role: 'program_officer', password: 'a bench passphrase' });
  const { secret } = await services.tokens.create({ ...system, actor: { ...system.actor, id: user.id, role: 'program_officer' } }, { name: 'bench' });
  const headers = { authorization: `Bearer ${secret}` };

  // The fifth agency's people all speak Spanish (besides English): its list is ten pages long.
  const agency = orgIds[4] as string;
  const person = await db.selectFrom('people').select('id').where('organization_id', '=', agency).orderBy('sort_name').executeTakeFirstOrThrow();
  const results: ReadResult[] = [];
  const scenario = async (name: string, path: string, target: string) => {
    const response = await fetch(`${base}${path}`, { headers });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    results.push({ scenario: name, subject: 'Cadre', target, ...(await load(`${base}${path}`, headers)) });
    return (await response.json()) as { nextCursor?: string | null };
  };
  /** A cursor `pages` pages into a list, read page by page as a client would. */
  const cursorAt = async (path: string, pages: number) => {
    let cursor: string | null | undefined;
    for (let i = 0; i < pages; i += 1) {
      const page = (await (await fetch(`${base}${path}${cursor ? `&cursor=${cursor}` : ''}`, { headers })).json()) as { nextCursor: string | null };
      cursor = page.nextCursor;
    }
    if (!cursor) throw new Error(`${path}: fewer than ${pages + 1} pages`);
    return cursor;
  };

  await scenario('GET one person', `/api/people/${person.id}`, '≥ 40 % of bare');
  const bare = await bareServer(db);
  results.push({ scenario: 'GET one person', subject: 'bare node:http, same SQL', target: '', ...(await load(`${bare.base}/api/people/${person.id}`, headers)) });
  await new Promise((resolve) => bare.server.close(resolve));

  const byAgency = `/api/people?organizationId=${agency}&language=es&limit=50`;
  await scenario('people: agency + language, page 1 (with total)', byAgency, 'p99 < 30 ms');
  await scenario('people: agency + language, page 3', `${byAgency}&cursor=${await cursorAt(byAgency, 2)}`, 'p99 < 30 ms');
  const byLanguage = '/api/people?language=es&limit=50';
  await scenario('people: language, page 1 (with total)', byLanguage, 'p99 < 30 ms');
  await scenario('people: language, page 200', `${byLanguage}&cursor=${await cursorAt(byLanguage.replace('limit=50', 'limit=100'), 99)}`, 'p99 < 30 ms');
  await scenario('search: a name across the program', '/api/search?q=given1234', 'p99 < 50 ms');
  await scenario('search: a short prefix', '/api/search?q=ag', 'p99 < 50 ms');
  await scenario('search: two words', '/api/search?q=family77%20given7', 'p99 < 50 ms');

  await app.close();
  await testDb.drop();
  return { engine: testDb.database.engine, results };
}

async function main() {
  const { engine, results } = await readsScenario();
  const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);
  process.stdout.write(`\nEngine: ${engine}; ${ORGANIZATIONS} agencies, ${PEOPLE} people; autocannon 10 connections × ${DURATION} s; RSS after: ${rss} MiB\n\n`);
  process.stdout.write('| scenario | measured | req/s | p50 ms | p99 ms | target | Cadre / bare |\n| --- | --- | --- | --- | --- | --- | --- |\n');
  for (const r of results) {
    const cadre = results.find((x) => x.scenario === r.scenario && x.subject === 'Cadre');
    const ratio = r.subject === 'Cadre' || !cadre ? '' : `${((cadre.rps / r.rps) * 100).toFixed(1)} %`;
    process.stdout.write(`| ${r.scenario} | ${r.subject} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.target} | ${ratio} |\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
