import type { Insertable, Kysely } from 'kysely';
import type { DB } from './db/schema.js';
import { insertRows } from './db/bulk-insert.js';

/** The audit chain's tables: its events, and the head row every append moves forward. */
export function auditRepository(db: Kysely<DB>) {
  return {
    /** Reserves `count` sequence numbers; as an update it takes the head's lock until the transaction ends. */
    advanceHead(count: number) {
      return db
        .updateTable('audit_head')
        .set((eb) => ({ last_seq: eb('last_seq', '+', count) }))
        .where('id', '=', 1)
        .returning(['last_seq', 'last_hash'])
        .executeTakeFirstOrThrow();
    },
    insertEvents(rows: readonly Insertable<DB['audit_events']>[]) {
      return insertRows(db, 'audit_events', rows);
    },
    setHeadHash(hash: string) {
      return db.updateTable('audit_head').set({ last_hash: hash }).where('id', '=', 1).execute();
    },
    eventsFrom(seq: number, limit: number) {
      return db.selectFrom('audit_events').selectAll().where('seq', '>=', seq).orderBy('seq').limit(limit).execute();
    },
    head() {
      return db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
    },
  };
}
