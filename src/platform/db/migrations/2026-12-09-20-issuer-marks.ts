import { type Kysely, sql } from 'kysely';
import { portable } from './portable.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = portable(db);
  // What an issuer prints on its certificates: its mark (a PNG or JPEG, kept as base64 text so
  // a logical backup carries it like any other column) and who signs for it.
  await db.schema
    .createTable('issuer_profiles')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('mark', 'text')
    .addColumn('mark_type', 'text', (c) => c.check(sql`mark_type in ('image/png', 'image/jpeg')`))
    .addColumn('mark_width', 'integer')
    .addColumn('mark_height', 'integer')
    .addColumn('mark_digest', 'text')
    .addColumn('signatory_name', 'text')
    .addColumn('signatory_title', 'text')
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // A credential's name and short criteria in the languages certificates are printed in:
  // {"es": {"name": "…", "criteria": "…"}, …}; English stays in name and criteria.
  await db.schema.alterTable('credentials').addColumn('translations', 'text', (c) => c.notNull().defaultTo('{}')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('credentials').dropColumn('translations').execute();
  await db.schema.dropTable('issuer_profiles').execute();
}
