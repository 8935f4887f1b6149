import type { Kysely } from 'kysely';
import { type Clock, today } from '../../platform/clock.js';
import { addDays, daysInclusive } from '../../platform/dates.js';
import type { DB } from '../../platform/db/schema.js';
import type { Mailer } from '../../platform/mail.js';
import type { UsersService } from '../accounts/users.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { certificationsRepository } from './certifications.repository.js';

/** Reminders go out 90, 60, 30 and 7 days before a certification expires. */
export const REMINDER_DAYS = [90, 60, 30, 7] as const;

/** The reminder due for an expiry seen today: the nearest threshold it has come within, if any. */
export function reminderDue(expiresOn: string, day: string): number | null {
  if (expiresOn < day) return null;
  const left = daysInclusive(day, expiresOn) - 1;
  const within = REMINDER_DAYS.filter((d) => left <= d);
  return within.length ? Math.min(...within) : null;
}

export interface RemindersDeps {
  db: Kysely<DB>;
  clock: Clock;
  users: Pick<UsersService, 'concernedWith'>;
  notifications: Pick<NotificationsService, 'notify'>;
  mailer: Mailer;
}

/**
 * Sends each reminder once: in-app to the holder's account and their agency's coordinators, and
 * by mail when mail is configured. A day missed (the server was down) is caught up the next run,
 * with the reminder the certification has now come within.
 */
export function createCertificationReminders({ db, clock, users, notifications, mailer }: RemindersDeps) {
  return async function sendReminders(): Promise<string> {
    const day = today(clock);
    const candidates = await certificationsRepository(db).expiringWithin(day, addDays(day, Math.max(...REMINDER_DAYS)));
    let sent = 0;
    const mails: { to: string; subject: string; text: string }[] = [];
    for (const cert of candidates) {
      const due = reminderDue(cert.expires_on as string, day);
      if (due === null || cert.reminded_days.some((d) => d <= due)) continue;
      const left = daysInclusive(day, cert.expires_on as string) - 1;
      const name = `${cert.given_name} ${cert.family_name}`;
      const title = `${cert.credential_name} expires ${cert.expires_on}`;
      const body = `${name}'s certification “${cert.credential_name}” expires on ${cert.expires_on}, in ${left} days. A refresher offering renews it.`;
      await db.transaction().execute(async (trx) => {
        const recipients = await users.concernedWith(cert.person_id, cert.organization_id, trx);
        await notifications.notify(
          trx,
          recipients.map((r) => ({ userId: r.id, kind: 'certification.expiring', subjectId: cert.id, title, body, link: `/people/${cert.person_id}` })),
        );
        await certificationsRepository(trx).recordReminder(cert.id, due, clock.now().toISOString());
        for (const r of recipients) mails.push({ to: r.email, subject: `Cadre: ${title}`, text: `${body}\n` });
      });
      sent += 1;
    }
    if (mailer.isConfigured) for (const mail of mails) await mailer.send(mail);
    return `${sent} reminders, ${mailer.isConfigured ? mails.length : 0} mails`;
  };
}
