import { type Kysely, sql } from 'kysely';
import { portable } from './portable.js';

/**
 * A passport may be on record without its issue date: rosters give its number and expiry, and
 * its expiry is all the readiness rules read. Every other item keeps its date, which its rule
 * reads (a medical clearance's age, training done by the start).
 */
const CHECK = sql`item = 'passport' OR completed_on IS NOT NULL`;

/** Builds the table again under a new name, with or without a date on every record, and copies it over. */
async function rebuild(db: Kysely<unknown>, isDateOptional: boolean): Promise<void> {
  const t = portable(db);
  let next = db.schema
    .createTable('person_readiness_next')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('completed_on', t.date, (c) => (isDateOptional ? c : c.notNull()))
    .addColumn('expires_on', t.date)
    .addColumn('reference', 'text')
    .addColumn('secret', 'text')
    .addColumn('secret_hint', 'text')
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('person_readiness_pk', ['person_id', 'item']);
  if (isDateOptional) next = next.addCheckConstraint('person_readiness_dated', CHECK);
  await next.execute();
  await sql`INSERT INTO person_readiness_next SELECT person_id, item, completed_on, expires_on, reference, secret, secret_hint, updated_at FROM person_readiness`.execute(db);
  await db.schema.dropTable('person_readiness').execute();
  await sql`ALTER TABLE person_readiness_next RENAME TO person_readiness`.execute(db);
  await db.schema.createIndex('person_readiness_item').on('person_readiness').columns(['item', 'expires_on']).execute();
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = portable(db);
  if (t.isPostgres) {
    await sql`ALTER TABLE person_readiness ALTER COLUMN completed_on DROP NOT NULL`.execute(db);
    await sql`ALTER TABLE person_readiness ADD CONSTRAINT person_readiness_dated CHECK (${CHECK})`.execute(db);
    return;
  }
  // SQLite changes a column's constraints by building the table again.
  await rebuild(db, true);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const t = portable(db);
  // A passport recorded without its issue date cannot go back to a table that needs one.
  await sql`DELETE FROM person_readiness WHERE completed_on IS NULL`.execute(db);
  if (t.isPostgres) {
    await sql`ALTER TABLE person_readiness DROP CONSTRAINT person_readiness_dated`.execute(db);
    await sql`ALTER TABLE person_readiness ALTER COLUMN completed_on SET NOT NULL`.execute(db);
    return;
  }
  await rebuild(db, false);
}
