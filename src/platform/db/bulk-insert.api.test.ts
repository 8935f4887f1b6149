import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/dialects.js';
import { insertRows } from './bulk-insert.js';

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.drop());

const at = '2010-12-20T15:30:00.000Z';
const id = (prefix: string, n: number) => `01a22092-${prefix}-7000-8000-${String(n).padStart(12, '0')}`;

function organization(n: number) {
  return {
    id: id('0b01', n),
    name: `Unidad Policial Número ${n}`,
    search_name: `unidad policial numero ${n}`,
    acronym: n % 3 === 0 ? null : `UP${n}`,
    kind: 'foreign_police' as const,
    country: n % 2 === 0 ? 'SV' : 'HT',
    created_at: at,
    updated_at: at,
  };
}

describe('inserting rows in bulk', () => {
  it('writes every row as given, across as many statements as the values need', async () => {
    const db = testDb.database.db;
    // Eight columns a row: over a statement's 500 rows and its 8,000 values, and a shorter last one.
    const rows = Array.from({ length: 1_234 }, (_, n) => organization(n));
    await insertRows(db, 'organizations', rows);
    const stored = await db.selectFrom('organizations').select(['id', 'name', 'search_name', 'acronym', 'kind', 'country', 'created_at', 'updated_at', 'version']).where('id', 'like', '01a22092-0b01-%').orderBy('id').execute();
    expect(stored).toEqual(rows.map((row) => ({ ...row, version: 1 })));
  });

  it('leaves a column to its default in the rows that give it no value', async () => {
    const db = testDb.database.db;
    const rows = [
      { ...organization(2_001), id: id('0b02', 1), version: 7 },
      { ...organization(2_002), id: id('0b02', 2) },
      { ...organization(2_003), id: id('0b02', 3), version: undefined },
    ];
    await insertRows(db, 'organizations', rows);
    const versions = await db.selectFrom('organizations').select(['id', 'version']).where('id', 'like', '01a22092-0b02-%').orderBy('id').execute();
    expect(versions.map((v) => v.version)).toEqual([7, 1, 1]);
  });

  it('updates the rows already there when asked to, and leaves the columns not named as they were', async () => {
    const db = testDb.database.db;
    const entry = (n: number, title: string) => ({ kind: 'person' as const, record_id: id('0b03', n), title, detail: 'kept', names: title.toLowerCase(), terms: title.toLowerCase(), archived: 0 });
    await insertRows(db, 'search_entries', [entry(1, 'Wilnès Désir'), entry(2, 'Begoña Ibáñez')]);
    const upsert = { conflict: ['kind', 'record_id'], update: ['title', 'names', 'terms'] } as const;
    await insertRows(db, 'search_entries', [{ ...entry(2, 'Begoña Ibáñez Núñez'), detail: 'not written' }, entry(3, 'Nadège Saint-Fleur')], upsert);
    const stored = await db.selectFrom('search_entries').select(['record_id', 'title', 'detail']).where('record_id', 'like', '01a22092-0b03-%').orderBy('record_id').execute();
    expect(stored).toEqual([
      { record_id: id('0b03', 1), title: 'Wilnès Désir', detail: 'kept' },
      { record_id: id('0b03', 2), title: 'Begoña Ibáñez Núñez', detail: 'kept' },
      { record_id: id('0b03', 3), title: 'Nadège Saint-Fleur', detail: 'kept' },
    ]);
  });

  it('has PostgreSQL prepare a full batch once per connection, and a shorter last batch not', async () => {
    const db = testDb.database.db;
    const rows = Array.from({ length: 700 }, (_, n) => ({ ...organization(5_000 + n), id: id('0b05', n) }));
    const prepared = await db.transaction().execute(async (trx) => {
      await insertRows(trx, 'organizations', rows);
      if (testDb.database.engine !== 'postgres') return null;
      const { rows: statements } = await sql<{ name: string; statement: string }>`SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 'cadre_%'`.execute(trx);
      return statements.filter((s) => s.statement.includes('insert into "organizations"'));
    });
    expect(Number((await db.selectFrom('organizations').select(db.fn.countAll().as('n')).where('id', 'like', '01a22092-0b05-%').executeTakeFirstOrThrow()).n)).toBe(700);
    // SQLite keeps every statement prepared by its text already; PostgreSQL is told which to keep.
    if (prepared !== null) expect(prepared.map((s) => s.statement.split('), (').length)).toEqual([500]);
  });

  it('refuses a name that is not one of the schema, and a row with no value, before any statement', async () => {
    const db = testDb.database.db;
    const bent = { ...organization(4_001), 'name") values (1); --': 'x' } as ReturnType<typeof organization>;
    await expect(insertRows(db, 'organizations', [bent])).rejects.toThrow(/Not a name of the schema/);
    await expect(insertRows(db, 'organizations', [{} as ReturnType<typeof organization>])).rejects.toThrow(/gives no value/);
    expect(await db.selectFrom('organizations').select('id').where('id', '=', organization(4_001).id).execute()).toEqual([]);
  });

  it('writes nothing of a statement the database refuses', async () => {
    const db = testDb.database.db;
    // The same id twice: the second row breaks the key, and the first goes with it.
    const rows = [organization(3_001), organization(3_002)].map((row) => ({ ...row, id: id('0b04', 1) }));
    await expect(insertRows(db, 'organizations', rows)).rejects.toThrow();
    expect(await db.selectFrom('organizations').select('id').where('id', 'like', '01a22092-0b04-%').execute()).toEqual([]);
  });
});
