import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../test/harness.js';
import { createTestDatabase } from '../../test/dialects.js';
import { generateProgram, ProgramPresentError, type GenerationReport } from './index.js';
import { idMaker, random } from './random.js';

/**
 * A small generated program, on the engine under test: the same seed gives the same program (its
 * counts and its first ids), and the services read it as they read their own rows.
 */

let t: TestApp;
let officer: Agent;
let report: GenerationReport;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-12-01T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
  report = await generateProgram(t.testDb.database, { scale: 'small' });
}, 120_000);
afterAll(() => t.close());

const firstIds = async (db: TestApp['testDb']['database']['db']) => ({
  people: (await db.selectFrom('people').select('id').orderBy('id').limit(5).execute()).map((r) => r.id),
  offerings: (await db.selectFrom('offerings').select('id').orderBy('id').limit(5).execute()).map((r) => r.id),
  enrollments: (await db.selectFrom('enrollments').select(['id', 'person_id', 'status']).orderBy('id').limit(5).execute()),
});

describe('the generator', () => {
  it('draws the same numbers and ids from the same seed', () => {
    const [a, b] = [random(7), random(7)];
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
    const [x, y] = [idMaker(7), idMaker(7)];
    const ids = Array.from({ length: 3 }, () => x());
    expect(ids).toEqual(Array.from({ length: 3 }, () => y()));
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(3);
  });

  it('writes the same program twice from one seed: counts and first rows', async () => {
    const other = await createTestDatabase();
    try {
      const again = await generateProgram(other.database, { scale: 'small' });
      const { milliseconds: _a, ...counts } = report;
      const { milliseconds: _b, ...countsAgain } = again;
      expect(countsAgain).toEqual(counts);
      expect(await firstIds(other.database.db)).toEqual(await firstIds(t.testDb.database.db));
    } finally {
      await other.drop();
    }
  }, 120_000);

  it('refuses a database that already holds a program', async () => {
    await expect(generateProgram(t.testDb.database, { scale: 'small' })).rejects.toBeInstanceOf(ProgramPresentError);
  });

  it('keeps rosters within capacity and nobody in two offerings at once', async () => {
    const db = t.testDb.database.db;
    const over = await db
      .selectFrom('offerings as o')
      .innerJoin('enrollments as e', 'e.offering_id', 'o.id')
      .select(['o.id', 'o.capacity', db.fn.countAll<number>().as('seated')])
      .where('e.status', 'in', ['enrolled', 'completed', 'failed'])
      .groupBy(['o.id', 'o.capacity'])
      .execute();
    expect(over.filter((o) => Number(o.seated) > o.capacity)).toEqual([]);
    const clashes = await db
      .selectFrom('enrollments as a')
      .innerJoin('offerings as oa', 'oa.id', 'a.offering_id')
      .innerJoin('enrollments as b', (join) => join.onRef('b.person_id', '=', 'a.person_id').onRef('b.id', '>', 'a.id'))
      .innerJoin('offerings as ob', 'ob.id', 'b.offering_id')
      .select('a.id')
      .where('a.status', 'in', ['enrolled', 'completed'])
      .where('b.status', 'in', ['enrolled', 'completed'])
      .whereRef('oa.start_on', '<=', 'ob.end_on')
      .whereRef('ob.start_on', '<=', 'oa.end_on')
      .limit(1)
      .execute();
    expect(clashes).toEqual([]);
  });
});

describe('a generated program read through the API', () => {
  it('lists people page by page', async () => {
    const first = await officer.get('/api/people?limit=50');
    expect(first.statusCode).toBe(200);
    const page = first.json<{ items: unknown[]; nextCursor: string | null }>();
    expect(page.items).toHaveLength(50);
    const next = await officer.get(`/api/people?limit=50&cursor=${encodeURIComponent(page.nextCursor as string)}`);
    expect(next.statusCode).toBe(200);
  });

  it('shows an offering with its roster', async () => {
    const offering = await t.testDb.database.db.selectFrom('offerings').select('id').where('status', '=', 'closed').orderBy('id').limit(1).executeTakeFirstOrThrow();
    const response = await officer.get(`/api/offerings/${offering.id}`);
    expect(response.statusCode).toBe(200);
  });

  it('gives the dashboard and the cascade', async () => {
    const dashboard = await officer.get('/api/reports/dashboard?year=2025');
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.json<{ trained: { total: number } }>().trained.total).toBeGreaterThan(0);
    const cascade = await officer.get('/api/cascade');
    expect(cascade.statusCode).toBe(200);
  });

  it('finds people by the search index it filled', async () => {
    const person = await t.testDb.database.db.selectFrom('people').select(['given_name', 'family_name']).orderBy('id').limit(1).executeTakeFirstOrThrow();
    const response = await officer.get(`/api/search?q=${encodeURIComponent(`${person.given_name} ${person.family_name}`)}`);
    expect(response.statusCode).toBe(200);
    expect(JSON.stringify(response.json())).toContain(person.family_name);
  });
});
