import type { Insertable, Kysely } from 'kysely';
import { applyKeyset, type PageRequest } from '../../platform/db/keyset.js';
import type { DB, NotificationsTable } from '../../platform/db/schema.js';

export function notificationsRepository(db: Kysely<DB>) {
  return {
    list(userId: string, isUnreadOnly: boolean, page: PageRequest) {
      let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
      if (isUnreadOnly) query = query.where('read_at', 'is', null);
      return applyKeyset(query, 'notifications.id', { column: 'notifications.created_at', order: 'desc' }, page).execute();
    },
    findOwn(userId: string, id: string) {
      return db.selectFrom('notifications').select('id').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    },
    async countUnread(userId: string): Promise<number> {
      const row = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    insert(rows: Insertable<NotificationsTable>[]) {
      return rows.length ? db.insertInto('notifications').values(rows).execute() : Promise.resolve([]);
    },
    markRead(userId: string, at: string, id?: string) {
      let query = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
      if (id) query = query.where('id', '=', id);
      return query.executeTakeFirst();
    },
  };
}
