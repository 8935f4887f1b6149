import { type Kysely, sql } from 'kysely';
import { portable } from './portable.js';

/** What an existing token without an expiry is given: the default lifetime of a new one. */
const EXISTING_TOKEN_DAYS = 90;

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = portable(db);
  // API tokens become scoped and expiring. A token made before keeps the full reach it had
  // (write, every area) and gets an expiry 90 days from the upgrade when it had none.
  await db.schema
    .alterTable('api_tokens')
    .addColumn('access', 'text', (c) => c.notNull().defaultTo('write').check(sql`access in ('read', 'write')`))
    .execute();
  for (const column of ['areas', 'last_used_ip', 'last_used_user_agent']) {
    await db.schema.alterTable('api_tokens').addColumn(column, 'text').execute();
  }
  const expiresAt = new Date(Date.now() + EXISTING_TOKEN_DAYS * 86_400_000).toISOString();
  await sql`UPDATE api_tokens SET expires_at = ${expiresAt} WHERE expires_at IS NULL`.execute(db);

  // Sign-in throttling: one row per key (an account, an account on a known device, an
  // address), locked and updated by each attempt before its password is checked.
  await db.schema
    .createTable('sign_in_throttles')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_allowed_at', t.instant, (c) => c.notNull())
    .addColumn('last_attempt_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.dropTable('sign_in_failures').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const t = portable(db);
  await db.schema.dropTable('sign_in_throttles').execute();
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('failed_at', t.instant, (c) => c.notNull())
    .execute();
  for (const column of ['access', 'areas', 'last_used_ip', 'last_used_user_agent']) {
    await db.schema.alterTable('api_tokens').dropColumn(column).execute();
  }
}
