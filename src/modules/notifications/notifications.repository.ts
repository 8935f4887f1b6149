import type { Insertable, Kysely } from 'kysely';
import { applyKeyset, type PageRequest } from '../../platform/db/keyset.js';
import type { DB, NotificationsTable } from '../../platform/db/schema.js';

/** Rows per INSERT: well under SQLite's limit of bound values. */
const BATCH = 500;

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
    /** Inserts the notices not told before (the same user, kind, subject and occurrence); returns how many were new. */
    async insertNew(rows: Insertable<NotificationsTable>[]): Promise<number> {
      let added = 0;
      for (let i = 0; i < rows.length; i += BATCH) {
        const results = await db
          .insertInto('notifications')
          .values(rows.slice(i, i + BATCH))
          .onConflict((oc) => oc.columns(['user_id', 'kind', 'subject_id', 'occurrence']).doNothing())
          .execute();
        added += results.reduce((sum, r) => sum + Number(r.numInsertedOrUpdatedRows ?? 0), 0);
      }
      return added;
    },
    markRead(userId: string, at: string, id?: string) {
      let query = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
      if (id) query = query.where('id', '=', id);
      return query.executeTakeFirst();
    },
  };
}

export function notificationSettingsRepository(db: Kysely<DB>) {
  return {
    find(userId: string) {
      return db.selectFrom('notification_settings').selectAll().where('user_id', '=', userId).executeTakeFirst();
    },
    /** Saves the user's choice over the version they read (1 before any was saved); false when it is stale. */
    async save(userId: string, version: number, isDigestOn: boolean, at: string): Promise<boolean> {
      const changes = { is_digest_on: isDigestOn ? 1 : 0, updated_at: at, version: version + 1 };
      const updated = await db.updateTable('notification_settings').set(changes).where('user_id', '=', userId).where('version', '=', version).executeTakeFirst();
      if (Number(updated.numUpdatedRows) > 0 || version !== 1) return Number(updated.numUpdatedRows) > 0;
      const inserted = await db
        .insertInto('notification_settings')
        .values({ user_id: userId, digest_sent_on: null, digest_sent_at: null, ...changes })
        .onConflict((oc) => oc.column('user_id').doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    },
  };
}

/** The SQL of the daily digest: who is owed one, what it holds, and the day it went out. */
export function digestsRepository(db: Kysely<DB>) {
  return {
    /** Active users with an email, the digest on and not yet sent on `day`, who have unread notices no digest has held. */
    owed(day: string) {
      return db
        .selectFrom('users')
        .leftJoin('notification_settings as s', 's.user_id', 'users.id')
        .select(['users.id', 'users.email', 'users.name', 'users.locale', 's.digest_sent_on'])
        .where('users.disabled_at', 'is', null)
        .where((eb) => eb.or([eb('s.is_digest_on', 'is', null), eb('s.is_digest_on', '=', 1)]))
        .where((eb) => eb.or([eb('s.digest_sent_on', 'is', null), eb('s.digest_sent_on', '<', day)]))
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('notifications as n')
              .select('n.id')
              .whereRef('n.user_id', '=', 'users.id')
              .where('n.read_at', 'is', null)
              .where('n.digested_at', 'is', null),
          ),
        )
        .orderBy('users.id')
        .execute();
    },
    /**
     * Takes the user's digest of `day`: true for the one caller that moved the day on (a second
     * process, or a second run the same day, finds it taken).
     */
    async claim(userId: string, day: string, at: string): Promise<boolean> {
      const result = await db
        .insertInto('notification_settings')
        .values({ user_id: userId, is_digest_on: 1, digest_sent_on: day, digest_sent_at: at, updated_at: at })
        .onConflict((oc) =>
          oc
            .column('user_id')
            .doUpdateSet({ digest_sent_on: day, digest_sent_at: at })
            .where((eb) => eb.or([eb('notification_settings.digest_sent_on', 'is', null), eb('notification_settings.digest_sent_on', '<', day)])),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    /** Gives the day back when the mail could not be sent, so the next run tries again. */
    release(userId: string, previousDay: string | null) {
      return db.updateTable('notification_settings').set({ digest_sent_on: previousDay }).where('user_id', '=', userId).execute();
    },
    pending(userId: string) {
      return db
        .selectFrom('notifications')
        .select(['id', 'kind', 'title', 'body', 'link', 'created_at'])
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .where('digested_at', 'is', null)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },
    async markDigested(ids: readonly string[], at: string): Promise<void> {
      for (let i = 0; i < ids.length; i += BATCH) {
        await db.updateTable('notifications').set({ digested_at: at }).where('id', 'in', ids.slice(i, i + BATCH)).execute();
      }
    },
  };
}
