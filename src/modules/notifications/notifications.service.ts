import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant, today } from '../../platform/clock.js';
import { type Page, toPage } from '../../platform/db/keyset.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, notFound, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Mailer } from '../../platform/mail.js';
import { digestMail } from './digest.mail.js';
import { type Notice, readWords, storedWords } from './notices.js';
import { digestsRepository, notificationSettingsRepository, notificationsRepository } from './notifications.repository.js';
import type { Notification, NotificationSettings, UpdateNotificationSettingsInput } from './notifications.schemas.js';
import { DEFAULT_LOCALE, type Locale } from '../../platform/i18n/locales.js';
import { accountsText } from '../accounts/accounts.messages.js';

export interface NotificationsDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  mailer: Mailer;
  /** Where Cadre is reached: a digest's links start with it. */
  publicUrl: string;
}

/** In-app notices: each user reads and clears their own, and may have them mailed once a day. */
export function createNotificationsService({ db, clock, audit, mailer, publicUrl }: NotificationsDeps) {
  function me(ctx: RequestContext): string {
    if (!ctx.actor.id) throw new AppError('unauthenticated', accountsText('signInFirst'));
    return ctx.actor.id;
  }

  async function settingsOf(userId: string, executor: Kysely<DB> = db): Promise<NotificationSettings> {
    const row = await notificationSettingsRepository(executor).find(userId);
    return { isDigestOn: row ? row.is_digest_on === 1 : true, isMailConfigured: mailer.isConfigured, lastDigestOn: row?.digest_sent_on ?? null, version: row?.version ?? 1 };
  }

  /** Mails one user their digest, once on `day`; false when another run took it first. */
  async function sendDigest(user: { id: string; email: string; name: string; locale: Locale | null; digest_sent_on: string | null }, day: string): Promise<boolean> {
    const repo = digestsRepository(db);
    if (!(await repo.claim(user.id, day, instant(clock)))) return false;
    const items = await repo.pending(user.id);
    if (items.length === 0) {
      // Read meanwhile: nothing to mail today after all.
      await repo.release(user.id, user.digest_sent_on);
      return false;
    }
    try {
      const locale = user.locale ?? DEFAULT_LOCALE;
      const words = items.map((item) => ({ title: readWords(item.title, locale), body: readWords(item.body, locale), link: item.link }));
      await mailer.send(digestMail({ email: user.email, name: user.name, locale }, words, publicUrl));
    } catch (error) {
      await repo.release(user.id, user.digest_sent_on);
      throw error;
    }
    await repo.markDigested(
      items.map((item) => item.id),
      instant(clock),
    );
    return true;
  }

  return {
    async list(ctx: RequestContext, query: { isUnread?: 'true' | 'false' | undefined; limit: number; cursor?: string | undefined }, locale: Locale = DEFAULT_LOCALE): Promise<Page<Notification> & { unread: number }> {
      const userId = me(ctx);
      const page = { limit: query.limit, cursor: query.cursor };
      const repo = notificationsRepository(db);
      const rows = await repo.list(userId, query.isUnread === 'true', page);
      const result = toPage(rows, page, { column: 'notifications.created_at', order: 'desc' }, (row) => ({ value: row.created_at, id: row.id }), (row) => ({
        id: row.id,
        kind: row.kind as Notification['kind'],
        title: readWords(row.title, locale),
        body: readWords(row.body, locale),
        link: row.link,
        createdAt: row.created_at,
        readAt: row.read_at,
      }));
      return { ...result, unread: await repo.countUnread(userId) };
    },

    async markRead(ctx: RequestContext, id?: string): Promise<{ unread: number }> {
      const userId = me(ctx);
      const repo = notificationsRepository(db);
      if (id && !(await repo.findOwn(userId, id))) throw notFound('notification');
      await repo.markRead(userId, instant(clock), id);
      return { unread: await repo.countUnread(userId) };
    },

    settings(ctx: RequestContext): Promise<NotificationSettings> {
      return settingsOf(me(ctx));
    },

    async updateSettings(ctx: RequestContext, version: number, input: UpdateNotificationSettingsInput): Promise<NotificationSettings> {
      const userId = me(ctx);
      return db.transaction().execute(async (trx) => {
        const before = await settingsOf(userId, trx);
        if (!(await notificationSettingsRepository(trx).save(userId, version, input.isDigestOn, instant(clock)))) throw staleVersion('notificationSettings', before.version);
        const after = await settingsOf(userId, trx);
        await audit(trx, ctx, { action: 'notifications.settings', entityType: 'user', entityId: userId, before: { isDigestOn: before.isDigestOn }, after: { isDigestOn: after.isDigestOn } });
        return after;
      });
    },

    /** Keeps the notices not told before; returns how many were new. Runs in the caller's transaction when given one. */
    notify(notices: readonly Notice[], executor: Kysely<DB> = db): Promise<number> {
      const at = instant(clock);
      return notificationsRepository(executor).insertNew(
        notices.map((n) => ({ id: newId(), user_id: n.userId, kind: n.kind, subject_id: n.subjectId, occurrence: n.occurrence, title: storedWords(n.title), body: storedWords(n.body), link: n.link, created_at: at, read_at: null, digested_at: null })),
      );
    },

    /**
     * Mails each user who wants it one digest a day of their unread notices that no digest held
     * yet. Without SMTP nothing is sent. A mail the server refuses is tried again on the next run;
     * the others still go.
     */
    async sendDigests(): Promise<{ sent: number; failed: number; lastError?: unknown }> {
      const outcome: { sent: number; failed: number; lastError?: unknown } = { sent: 0, failed: 0 };
      if (!mailer.isConfigured) return outcome;
      const day = today(clock);
      for (const user of await digestsRepository(db).owed(day)) {
        try {
          if (await sendDigest(user, day)) outcome.sent += 1;
        } catch (error) {
          outcome.failed += 1;
          outcome.lastError = error;
        }
      }
      return outcome;
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
