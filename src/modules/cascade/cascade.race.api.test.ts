import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/dialects.js';
import { type Server, startServer, stopServer } from '../../../test/support/servers.js';

/**
 * Two `cadre serve` processes on one database closing, at the same moment, the offerings of one
 * chain of training (the master teaches the first, who teaches the second, …). Each close moves
 * the cascade from what the others wrote: without upkeep queuing, a close would read its
 * instructor as outside the cascade while the close that brings them in is not yet committed,
 * and the chain would break. Afterwards every link holds its generation.
 */

const ADMIN = { email: 'admin@cascade-race.test', password: 'two processes closing one chain' };
const LINKS = 8;
let testDb: TestDatabase;
let dataDir: string;
const servers: Server[] = [];
let headers: Record<string, string> = {};

async function call<T>(server: Server, method: string, url: string, body?: object, version?: number): Promise<T> {
  const response = await fetch(`${server.url}/api${url}`, {
    method,
    headers: { ...headers, ...(version !== undefined && { 'if-match': `"${version}"` }) },
    ...(body && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

beforeAll(async () => {
  testDb = await createTestDatabase({ migrate: false });
  await testDb.database.close();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-cascade-race-'));
  const env = { CADRE_DATA_DIR: dataDir, CADRE_SECRET_KEY: 'shared-secret-of-both-cascade-processes-01', CADRE_ADMIN_EMAIL: ADMIN.email, CADRE_ADMIN_PASSWORD: ADMIN.password };
  servers.push(...(await Promise.all([startServer(testDb.target, env), startServer(testDb.target, env)])));
  const login = await fetch(`${servers[0]?.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}, 180_000);

afterAll(async () => {
  for (const server of servers) await stopServer(server);
  await testDb.drop().catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('cascade upkeep on two servers at once', () => {
  it('keeps every generation of a chain whose offerings close at the same moment', async () => {
    const a = servers[0] as Server;
    const office = await call<{ id: string }>(a, 'POST', '/organizations', { name: 'Race Program Office', kind: 'program_office', country: 'US' });
    const agency = await call<{ id: string }>(a, 'POST', '/organizations', { name: 'Race Agency', kind: 'municipal_police', country: 'US' });
    const person = (organizationId: string, n: number) =>
      call<{ id: string }>(a, 'POST', '/people', { givenName: 'Link', familyName: `Number ${n}`, organizationId, status: 'active', languages: [], heritageCountries: [], specialties: [] });
    const chain = [await person(office.id, 0)];
    for (let n = 1; n <= LINKS; n += 1) chain.push(await person(agency.id, n));
    const course = await call<{ id: string }>(a, 'POST', '/courses', { code: 'RACE-1', track: 'policing', level: 'basic', language: 'en', title: 'Race course', hours: 8 });
    const offerings: { id: string; version: number }[] = [];
    for (let n = 1; n <= LINKS; n += 1) {
      const day = `2020-0${1 + Math.floor(n / 4)}-${String(1 + (n % 4) * 5).padStart(2, '0')}`;
      const offering = await call<{ id: string; version: number }>(a, 'POST', '/offerings', { courseId: course.id, startOn: day, endOn: day, country: 'US', capacity: 5, isUsFunded: false });
      const taught = await call<{ id: string; version: number }>(a, 'PUT', `/offerings/${offering.id}/instructors`, { personId: chain[n - 1]?.id, role: 'lead' }, offering.version);
      const enrollment = await call<{ id: string; version: number }>(a, 'POST', `/offerings/${offering.id}/enrollments`, { personId: chain[n]?.id });
      await call(a, 'PATCH', `/offerings/${offering.id}/enrollments/${enrollment.id}`, { attendancePercent: 100 }, enrollment.version);
      offerings.push({ id: offering.id, version: (await call<{ version: number }>(a, 'GET', `/offerings/${offering.id}`)).version ?? taught.version });
    }

    const closes = await Promise.all(offerings.map((o, i) => fetch(`${servers[i % 2]?.url}/api/offerings/${o.id}/close`, { method: 'POST', headers: { ...headers, 'if-match': `"${o.version}"` }, body: '{}' })));
    expect(closes.map((r) => r.status)).toEqual(Array(LINKS).fill(200));

    const program = await call<{ generations: { generation: number; peopleTrained: number; newInstructors: number }[]; totalTrained: number }>(servers[1] as Server, 'GET', '/cascade');
    expect(program.totalTrained).toBe(LINKS);
    expect(program.generations).toEqual(Array.from({ length: LINKS + 1 }, (_, g) => ({ generation: g, peopleTrained: g === 0 ? 0 : 1, newInstructors: g < LINKS ? 1 : 0 })));
    const tree = await call<{ reach: number; byDepth: { depth: number; people: number }[] }>(a, 'GET', `/cascade/instructors/${chain[0]?.id}`);
    expect(tree.reach).toBe(LINKS);
  }, 120_000);
});
