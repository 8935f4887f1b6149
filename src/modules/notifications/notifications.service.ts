import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import { type Clock, instant } from '../../platform/clock.js';
import { type Page, toPage } from '../../platform/db/keyset.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { notificationsRepository } from './notifications.repository.js';
import type { Notification } from './notifications.schemas.js';

export interface NewNotification {
  userId: string;
  kind: string;
  subjectId: string | null;
  title: string;
  body: string;
  link: string | null;
}

/** In-app notices: each user reads and clears their own. */
export function createNotificationsService({ db, clock }: { db: Kysely<DB>; clock: Clock }) {
  function me(ctx: RequestContext): string {
    if (!ctx.actor.id) throw new AppError('unauthenticated', 'Sign in first.');
    return ctx.actor.id;
  }

  return {
    async list(ctx: RequestContext, query: { isUnread?: 'true' | 'false' | undefined; limit: number; cursor?: string | undefined }): Promise<Page<Notification> & { unread: number }> {
      const userId = me(ctx);
      const page = { limit: query.limit, cursor: query.cursor };
      const repo = notificationsRepository(db);
      const rows = await repo.list(userId, query.isUnread === 'true', page);
      const result = toPage(rows, page, { column: 'notifications.created_at', order: 'desc' }, (row) => ({ value: row.created_at, id: row.id }), (row) => ({
        id: row.id,
        kind: row.kind,
        title: row.title,
        body: row.body,
        link: row.link,
        createdAt: row.created_at,
        readAt: row.read_at,
      }));
      return { ...result, unread: await repo.countUnread(userId) };
    },

    async markRead(ctx: RequestContext, id?: string): Promise<{ unread: number }> {
      const userId = me(ctx);
      const repo = notificationsRepository(db);
      if (id && !(await repo.findOwn(userId, id))) throw notFound('The notification');
      await repo.markRead(userId, instant(clock), id);
      return { unread: await repo.countUnread(userId) };
    },

    /** For other modules' jobs, inside their transaction. */
    async notify(executor: Kysely<DB>, notices: NewNotification[]): Promise<void> {
      const at = instant(clock);
      await notificationsRepository(executor).insert(
        notices.map((n) => ({ id: newId(), user_id: n.userId, kind: n.kind, subject_id: n.subjectId, title: n.title, body: n.body, link: n.link, created_at: at, read_at: null })),
      );
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
