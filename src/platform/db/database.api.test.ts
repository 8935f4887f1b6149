import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/dialects.js';
import { migrateToLatest, pendingMigrations } from './database.js';
import { DERIVED_TABLE_PREFIXES, TABLES_IN_DEPENDENCY_ORDER } from './tables.js';

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase({ migrate: false });
});
afterAll(() => testDb.drop());

describe('the database', () => {
  it('migrates a fresh database, and knows it was fresh', async () => {
    const first = await migrateToLatest(testDb.database);
    expect(first.isFreshDatabase).toBe(true);
    expect(first.applied.length).toBeGreaterThan(0);
    const again = await migrateToLatest(testDb.database);
    expect(again).toEqual({ applied: [], isFreshDatabase: false });
    expect(await pendingMigrations(testDb.database)).toEqual([]);
  });

  it('backs up every table it has', async () => {
    const tables = await testDb.database.db.introspection.getTables();
    const names = tables.map((t) => t.name).filter((name) => !name.startsWith('kysely_') && !DERIVED_TABLE_PREFIXES.some((prefix) => name.startsWith(prefix)));
    expect([...names].sort()).toEqual([...TABLES_IN_DEPENDENCY_ORDER].sort());
  });

  it('hands back dates, instants and big numbers alike on both engines', async () => {
    const db = testDb.database.db;
    const at = '2010-12-20T15:30:00.123Z';
    await db
      .insertInto('organizations')
      .values({ id: '01a22092-0000-7000-8000-000000000001', name: 'Row Shape PD', search_name: 'row shape pd', kind: 'other', country: 'US', created_at: at, updated_at: at })
      .execute();
    await db
      .insertInto('partnerships')
      .values({ id: '01a22092-0000-7000-8000-000000000002', organization_id: '01a22092-0000-7000-8000-000000000001', stage: 'prospect', stage_changed_on: '2012-02-29', created_at: at, updated_at: at })
      .execute();
    await db
      .insertInto('agreements')
      .values({
        id: '01a22092-0000-7000-8000-000000000003',
        partnership_id: '01a22092-0000-7000-8000-000000000002',
        kind: 'mou',
        reference: 'ROW-SHAPE',
        reimbursement_ceiling_cents: 9_007_199_254_740_991,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const org = await db.selectFrom('organizations').select(['created_at', 'version']).where('name', '=', 'Row Shape PD').executeTakeFirstOrThrow();
    const partnership = await db.selectFrom('partnerships').select('stage_changed_on').executeTakeFirstOrThrow();
    const agreement = await db.selectFrom('agreements').select(['reimbursement_ceiling_cents', 'currency']).executeTakeFirstOrThrow();
    expect(org).toEqual({ created_at: at, version: 1 });
    expect(partnership.stage_changed_on).toBe('2012-02-29');
    expect(agreement).toEqual({ reimbursement_ceiling_cents: 9_007_199_254_740_991, currency: 'USD' });
  });
});
