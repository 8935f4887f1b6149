import { type Kysely, sql } from 'kysely';
import { portable } from './portable.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = portable(db);
  // One authenticator app per account. The secret is sealed under a key derived from the master
  // secret; the last time step used is kept so that a code is accepted once.
  await db.schema
    .createTable('totp_authenticators')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('last_step', t.bigint)
    .addColumn('confirmed_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('passkeys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('credential_id', 'text', (c) => c.notNull().unique())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('counter', t.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('transports', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('last_used_at', t.instant)
    .execute();
  await db.schema.createIndex('passkeys_user').on('passkeys').column('user_id').execute();

  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('used_at', t.instant)
    .execute();
  await db.schema.createIndex('recovery_codes_user').on('recovery_codes').column('user_id').execute();

  // What a sign-in or an enrolment waits on between two requests: the password step's pending
  // second factor, a passkey registration's challenge, an OpenID Connect authorization request.
  // The browser holds a random token; the row is keyed by its hash.
  await db.schema
    .createTable('auth_challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('expires_at', t.instant, (c) => c.notNull())
    .addCheckConstraint('auth_challenges_purpose', sql`purpose in ('sign_in', 'passkey_registration', 'oidc')`)
    .execute();
  await db.schema.createIndex('auth_challenges_user').on('auth_challenges').column('user_id').execute();

  await db.schema
    .createTable('second_factor_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('failed_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('second_factor_failures_user').on('second_factor_failures').columns(['user_id', 'failed_at']).execute();

  // How the session's holder proved a second factor (totp, passkey, recovery_code, oidc), or
  // null: a session without one is held to enrolling one when the role requires it.
  await db.schema.alterTable('sessions').addColumn('second_factor', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('second_factor').execute();
  for (const table of ['second_factor_failures', 'auth_challenges', 'recovery_codes', 'passkeys', 'totp_authenticators']) {
    await db.schema.dropTable(table).execute();
  }
}
