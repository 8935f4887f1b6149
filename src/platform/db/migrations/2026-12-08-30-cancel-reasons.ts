import type { Kysely } from 'kysely';

/**
 * An offering that will not happen is cancelled with a reason, kept on the offering so its page
 * and lists can say why (a deployment's reason is the note of its status change).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('offerings').addColumn('cancel_reason', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('offerings').dropColumn('cancel_reason').execute();
}
