import { type Kysely, sql } from 'kysely';
import { portable } from './portable.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = portable(db);
  // People are found by name (with agency and date of birth) when a file gives no email: one
  // lookup per batch of rows, which must not scan the roster.
  await db.schema.createIndex('people_identity').on('people').columns(['search_name', 'organization_id', 'date_of_birth']).execute();
  // One uploaded file on its way in: what was detected, how its columns map, where it stands.
  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('byte_size', t.bigint, (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text')
    .addColumn('delimiter', 'text')
    .addColumn('sheet', 'text')
    .addColumn('sheets', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('header_row', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('headers', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('preview', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('column_dates', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('mapping', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('date_format', 'text')
    .addColumn('row_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('valid_count', 'integer')
    .addColumn('problem_count', 'integer')
    .addColumn('mode', 'text')
    .addColumn('summary', 'text')
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('message', 'text')
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('offering_id', 'text', (c) => c.references('offerings.id'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('started_at', t.instant)
    .addColumn('finished_at', t.instant)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('imports_status', sql`status in ('uploaded', 'validating', 'validated', 'committing', 'committed', 'failed')`)
    .addCheckConstraint('imports_progress', sql`progress between 0 and 100`)
    .execute();
  await db.schema.createIndex('imports_created').on('imports').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('imports_organization').on('imports').columns(['organization_id', 'created_at']).execute();
  await db.schema.createIndex('imports_sha256').on('imports').columns(['sha256']).execute();

  // The file itself, in base64 pieces, so any server process can read it again.
  await db.schema
    .createTable('import_chunks')
    .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_chunks_pk', ['import_id', 'seq'])
    .execute();

  await db.schema
    .createTable('import_problems')
    .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('column_index', 'integer')
    .addColumn('column_name', 'text')
    .addColumn('field', 'text')
    .addColumn('value', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_problems_pk', ['import_id', 'seq'])
    .execute();

  // Column mappings kept to reuse: the program office's for everyone, a coordinator's for their agency.
  await db.schema
    .createTable('import_mappings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('columns', 'text', (c) => c.notNull())
    .addColumn('date_format', 'text')
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('import_mappings_name_unique', ['kind', 'scope', 'search_name'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_mappings').execute();
  await db.schema.dropTable('import_problems').execute();
  await db.schema.dropTable('import_chunks').execute();
  await db.schema.dropTable('imports').execute();
  await db.schema.dropIndex('people_identity').execute();
}
