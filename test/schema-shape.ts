import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import ts from 'typescript';
import type { DB } from '../src/platform/db/schema.js';
import { DERIVED_TABLE_PREFIXES } from '../src/platform/db/tables.js';

/** Per table, per column: whether the column may hold null. */
export type SchemaShape = Map<string, Map<string, { isNullable: boolean }>>;

/**
 * The tables and columns schema.ts declares, read by the TypeScript compiler: the `DB`
 * interface names each table's interface, and a column is nullable when its type admits null.
 */
export function declaredShape(schemaFile: string): SchemaShape {
  const file = path.resolve(schemaFile);
  const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022 });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`${schemaFile} is not readable`);
  const db = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'DB');
  if (!db) throw new Error(`${schemaFile} declares no DB interface`);
  const shape: SchemaShape = new Map();
  for (const table of checker.getTypeAtLocation(db).getProperties()) {
    const columns = new Map<string, { isNullable: boolean }>();
    for (const column of checker.getTypeOfSymbolAtLocation(table, db).getProperties()) {
      const type = checker.getTypeOfSymbolAtLocation(column, db);
      const parts = type.isUnion() ? type.types : [type];
      columns.set(column.name, { isNullable: parts.some((t) => (t.flags & ts.TypeFlags.Null) !== 0) });
    }
    shape.set(table.name, columns);
  }
  return shape;
}

/**
 * The tables and columns of a live database, as Kysely's introspection sees them. SQLite says a
 * primary key declared without NOT NULL is nullable (it keeps that old quirk for compatibility);
 * a key is never null in Cadre, and PostgreSQL refuses it under the same migrations, so on
 * SQLite a primary key column counts as not null.
 */
export async function databaseShape(db: Kysely<DB>, engine: 'sqlite' | 'postgres'): Promise<SchemaShape> {
  const shape: SchemaShape = new Map();
  for (const table of await db.introspection.getTables()) {
    if (DERIVED_TABLE_PREFIXES.some((prefix) => table.name.startsWith(prefix))) continue;
    const keys = engine === 'sqlite' ? await primaryKeyColumns(db, table.name) : new Set<string>();
    shape.set(table.name, new Map(table.columns.map((c) => [c.name, { isNullable: c.isNullable && !keys.has(c.name) }])));
  }
  return shape;
}

async function primaryKeyColumns(db: Kysely<DB>, table: string): Promise<Set<string>> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table}) WHERE pk > 0`.execute(db);
  return new Set(rows.map((r) => r.name));
}

/** Every difference between what schema.ts declares and what the database holds, one line each. */
export function shapeDifferences(declared: SchemaShape, database: SchemaShape): string[] {
  const problems: string[] = [];
  for (const [table, columns] of database) {
    const declaredColumns = declared.get(table);
    if (!declaredColumns) {
      problems.push(`${table}: a table of the database that schema.ts lacks`);
      continue;
    }
    for (const [column, { isNullable }] of columns) {
      const declaredColumn = declaredColumns.get(column);
      if (!declaredColumn) problems.push(`${table}.${column}: a column of the database that schema.ts lacks`);
      else if (declaredColumn.isNullable !== isNullable) problems.push(`${table}.${column}: ${isNullable ? 'nullable' : 'not null'} in the database, ${declaredColumn.isNullable ? 'nullable' : 'not null'} in schema.ts`);
    }
    for (const column of declaredColumns.keys()) {
      if (!columns.has(column)) problems.push(`${table}.${column}: declared in schema.ts, not in the database`);
    }
  }
  for (const table of declared.keys()) {
    if (!database.has(table)) problems.push(`${table}: declared in schema.ts, not in the database`);
  }
  return problems;
}
