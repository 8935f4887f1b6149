import type { Kysely } from 'kysely';
import { portable } from './portable.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = portable(db);

  // Each issuer's signing keys; private halves sealed under the master secret. Retired keys stay
  // published, so credentials they signed still verify.
  await db.schema
    .createTable('signing_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('key_number', 'integer', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('private_key_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('retired_at', t.instant)
    .addUniqueConstraint('signing_keys_number_unique', ['organization_id', 'algorithm', 'key_number'])
    .execute();

  await db.schema
    .createTable('status_lists')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('next_index', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('badge_credentials')
    .addColumn('certification_id', 'text', (c) => c.primaryKey().references('certifications.id'))
    .addColumn('issuer_organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('status_index', 'integer', (c) => c.notNull())
    .addColumn('credential', 'text', (c) => c.notNull())
    .addColumn('jwt', 'text', (c) => c.notNull())
    .addColumn('issued_at', t.instant, (c) => c.notNull())
    .addColumn('flagged_at', t.instant)
    .addColumn('flag_reason', 'text')
    .addUniqueConstraint('badge_credentials_status_unique', ['issuer_organization_id', 'status_index'])
    .execute();

  await db.schema
    .createTable('endorsements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('endorser_organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('endorsee_organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('credential_id', 'text', (c) => c.notNull().references('credentials.id'))
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('credential', 'text', (c) => c.notNull())
    .addColumn('issued_at', t.instant, (c) => c.notNull())
    .addColumn('withdrawn_at', t.instant)
    .addColumn('withdrawn_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('endorsements_endorsee').on('endorsements').columns(['endorsee_organization_id', 'withdrawn_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['endorsements', 'badge_credentials', 'status_lists', 'signing_keys']) await db.schema.dropTable(table).execute();
}
