import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedHaitiDeployment } from '../src/demo/haiti-2010.js';
import { seedPartners } from '../src/demo/partners-2010.js';
import { TABLES_IN_DEPENDENCY_ORDER } from '../src/platform/db/tables.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/platform/http/auth.js';
import { buildInstructorCourse } from './factories.js';
import { createGenerator, type FuzzRequest, type OpenApiDocument, operationsOf, Random } from './fuzz-generator.js';
import { type Agent, agentFor, createTestApp, signedIn, TEST_PASSWORD, type TestApp } from './harness.js';

/**
 * Every operation of the OpenAPI document, called valid and hostile, as a signed-in admin in the
 * browser (cookie and CSRF header), as an admin's API token and as nobody. Whatever is sent, the
 * server answers below 500, every refusal is a problem, and it still answers afterwards.
 * Deterministic: FUZZ_SEED picks another run.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const CALLS_PER_OPERATION = 16;

let t: TestApp;
let admin: Agent;
let document: OpenApiDocument;
const idsByTable = new Map<string, string[]>();

beforeAll(async () => {
  t = await createTestApp();
  await seedRecords();
  admin = await agentFor(t, 'admin');
  document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const db = t.testDb.database.db;
  for (const table of TABLES_IN_DEPENDENCY_ORDER) {
    try {
      const { rows } = await sql<{ id: unknown }>`select id from ${sql.table(table)} limit 6`.execute(db);
      const ids = rows.map((row) => String(row.id)).filter((id) => id !== admin.user.id);
      if (ids.length > 0) idsByTable.set(table, ids);
    } catch {
      // A table without an id column of its own: nothing to address by path.
    }
  }
}, 120_000);
afterAll(() => t.close());

/** Records of every kind a path can name: partners, a deployment, a closed offering with its certifications, an open one. */
async function seedRecords() {
  const { ids } = await seedPartners(t.services, t.system);
  await seedHaitiDeployment(t.services, t.system, ids);
  const { rows } = await sql<{ id: string }>`select id from people order by id limit 4`.execute(t.testDb.database.db);
  const people = rows.map((row) => row.id);
  const { course } = await buildInstructorCourse(t.services, t.system);
  const terms = { courseId: course.id, country: 'US', city: 'Washington', hostOrganizationId: ids.inl, deliveringOrganizationId: ids.inl };
  const offering = (startOn: string, endOn: string) =>
    t.services.offerings.schedule(t.system, { ...terms, startOn, endOn, capacity: 10, isUsFunded: true, isRefresher: false });
  const closed = await offering('2026-10-05', '2026-10-09');
  for (const personId of people.slice(0, 3)) {
    const enrollment = await t.services.enrollments.enroll(t.system, closed.id, personId);
    await t.services.enrollments.recordResult(t.system, closed.id, enrollment.id, enrollment.version, { attendancePercent: 100, score: 90 });
  }
  await t.services.enrollments.close(t.system, closed.id, (await t.services.offerings.get(t.system, closed.id)).version);
  const open = await offering('2027-03-01', '2027-03-05');
  await t.services.enrollments.enroll(t.system, open.id, people[3] as string);
  await t.services.vetting.submit(t.system, { personId: people[3] as string, caseReference: 'FUZZ-1', submittedOn: '2026-11-02' });
}

/** Ids that exist, of the kind the parameter most likely names (`personId` → people, `/offerings/{id}` → offerings). */
function idsFor(name: string, path: string): string[] {
  const noun = name === 'id' ? (/\/([a-z-]+)\/\{id\}/.exec(path)?.[1] ?? '') : name.replace(/Id$/, '');
  const table = noun === 'person' ? 'people' : noun.replace(/-/g, '_').replace(/s?$/, 's');
  const exact = idsByTable.get(table) ?? [...idsByTable.entries()].find(([key]) => key.endsWith(table))?.[1];
  return exact ?? [...idsByTable.values()].flat();
}

type Caller = 'session' | 'token' | 'anonymous';

/** Credentials the fuzzed calls may end (sign-out, token revocation) are made anew when they did. */
function credentials() {
  let session: { token: string; csrf: string } | null = null;
  let token: string | null = null;
  let signIns = 0;
  return {
    async headersFor(caller: Caller): Promise<{ headers: Record<string, string>; cookies?: Record<string, string> }> {
      if (caller === 'anonymous') return { headers: {} };
      if (caller === 'token') {
        if (!token || !(await t.services.auth.authenticateToken(token, { ip: '127.0.0.3', userAgent: null }))) {
          token = (await t.services.tokens.create(admin.ctx, { name: 'fuzz', access: 'write' })).secret;
        }
        return { headers: { authorization: `Bearer ${token}` } };
      }
      if (!session || !(await t.services.auth.authenticateSession(session.token))) {
        signIns += 1;
        // From an address of its own, so the fuzzed sign-ins' failures do not throttle it.
        const opened = await signedIn(t.services.auth.signIn({ email: admin.user.email, password: TEST_PASSWORD, ip: '127.0.0.2', userAgent: null, requestId: 'fuzz' }));
        session = { token: opened.token, csrf: opened.csrfToken };
      }
      return { headers: { [CSRF_HEADER]: session.csrf }, cookies: { [SESSION_COOKIE]: session.token } };
    },
    get signIns() {
      return signIns;
    },
  };
}

/** What is wrong with a response, if anything. */
function violation(response: LightMyRequestResponse, method: string): string | null {
  if (response.statusCode >= 500) return `answered ${response.statusCode}: ${response.body.slice(0, 300)}`;
  if (response.statusCode < 400) return null;
  const type = String(response.headers['content-type'] ?? '');
  if (!type.startsWith('application/problem+json')) return `answered ${response.statusCode} as ${type || 'no content type'}: ${response.body.slice(0, 200)}`;
  if (method === 'HEAD') return null;
  try {
    const problem = response.json() as { status?: unknown; title?: unknown };
    if (problem.status !== response.statusCode || typeof problem.title !== 'string') return `a problem without its status and title: ${response.body.slice(0, 200)}`;
  } catch {
    return `a problem that is not JSON: ${response.body.slice(0, 200)}`;
  }
  return null;
}

describe('the API under fuzzing', () => {
  it('answers every generated request below 500, refusals as problems, and still answers afterwards', async () => {
    const started = Date.now();
    const random = new Random(SEED);
    const generator = createGenerator(document, random, idsFor);
    const operations = operationsOf(document);
    const auth = credentials();
    const histogram = new Map<number, number>();
    const violations: string[] = [];
    let sent = 0;
    const callers: Caller[] = ['session', 'token', 'anonymous'];
    for (const operation of operations) {
      for (const request of generator.requestsFor(operation, CALLS_PER_OPERATION)) {
        for (const caller of callers) {
          const { headers, cookies } = await auth.headersFor(caller);
          const response = await send(request, headers, cookies);
          sent += 1;
          histogram.set(response.statusCode, (histogram.get(response.statusCode) ?? 0) + 1);
          const wrong = violation(response, request.method);
          if (wrong) violations.push(`${caller} ${request.method} ${request.url.slice(0, 160)} [${request.mutation}] ${wrong}`);
        }
      }
    }
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    const statuses = [...histogram.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`);
    process.stdout.write(
      `fuzz seed ${SEED}: ${sent} requests over ${operations.length} operations in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
        `(${auth.signIns} sign-ins); statuses ${statuses.join(', ')}; ${violations.length} violations\n`,
    );
    expect(sent).toBeGreaterThanOrEqual(5_000);
    // Server errors first: they are the ones to fix at their cause.
    const worst = [...violations.filter((v) => / answered 5\d\d/.test(v)), ...violations.filter((v) => !/ answered 5\d\d/.test(v))];
    expect(worst.slice(0, 25), `${violations.length} violations`).toEqual([]);
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
  }, 240_000);
});

function send(request: FuzzRequest, headers: Record<string, string>, cookies: Record<string, string> | undefined) {
  return t.app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers: { ...headers, ...request.headers },
    ...(cookies && { cookies }),
    ...(request.payload !== undefined && { payload: request.payload }),
  });
}
