import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testEngine } from '../../../test/dialects.js';
import { ORDER_COLUMNS, TABLES_IN_DEPENDENCY_ORDER } from './tables.js';
import { databaseShape, declaredShape, type SchemaShape, shapeDifferences } from '../../../test/schema-shape.js';

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase({ migrate: true });
});
afterAll(() => testDb.drop());

// Reading schema.ts takes a whole TypeScript program: build it once for the tests that read it.
let declaredOnce: SchemaShape | undefined;
const declaredSchema = () => (declaredOnce ??= declaredShape('src/platform/db/schema.ts'));

const shape = (tables: Record<string, Record<string, boolean>>): SchemaShape =>
  new Map(Object.entries(tables).map(([table, columns]) => [table, new Map(Object.entries(columns).map(([c, isNullable]) => [c, { isNullable }]))]));

describe('schema.ts', () => {
  it('declares every table and column of the migrated database, and no other, with the same nullability', async () => {
    const database = await databaseShape(testDb.database.db, testEngine());
    expect(declaredSchema().size).toBeGreaterThan(40);
    expect(shapeDifferences(declaredSchema(), database)).toEqual([]);
  });

  it('gives backups every table, each with columns of its own to read it in order', async () => {
    const database = await databaseShape(testDb.database.db, testEngine());
    const backedUp: string[] = [...TABLES_IN_DEPENDENCY_ORDER];
    expect([...database.keys()].filter((table) => !backedUp.includes(table))).toEqual([]);
    const unordered = backedUp.filter((table) => {
      const columns = ORDER_COLUMNS[table as keyof typeof ORDER_COLUMNS] ?? ['id'];
      return !columns.every((column) => database.get(table)?.has(column));
    });
    expect(unordered).toEqual([]);
  });

  it('reads nullability from the declared types', () => {
    const people = declaredSchema().get('people');
    expect(people?.get('email')).toEqual({ isNullable: true });
    expect(people?.get('given_name')).toEqual({ isNullable: false });
    expect(people?.get('version')).toEqual({ isNullable: false });
  });

  it('names each difference by table and column', () => {
    const declared = shape({ people: { id: false, email: false, nickname: true }, ghosts: { id: false } });
    const database = shape({ people: { id: false, email: true, phone: true }, rooms: { id: false } });
    expect(shapeDifferences(declared, database)).toEqual([
      'people.email: nullable in the database, not null in schema.ts',
      'people.phone: a column of the database that schema.ts lacks',
      'people.nickname: declared in schema.ts, not in the database',
      'rooms: a table of the database that schema.ts lacks',
      'ghosts: declared in schema.ts, not in the database',
    ]);
  });
});
