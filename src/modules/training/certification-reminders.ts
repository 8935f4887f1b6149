import type { Kysely } from 'kysely';
import { STAFF } from '../../platform/access.js';
import { addDays, daysInclusive } from '../../platform/dates.js';
import type { DB } from '../../platform/db/schema.js';
import type { Recipient, UsersService } from '../accounts/users.service.js';
import { type NoticeSource, noticesFor } from '../notifications/notices.js';
import { trainingText } from './training.messages.js';
import { certificationsRepository } from './certifications.repository.js';
import { certificationsPolicy } from './training.policy.js';

/** Reminders go out 90, 60, 30 and 7 days before a certification expires. */
export const REMINDER_DAYS = [90, 60, 30, 7] as const;

/** The reminder due for an expiry seen today: the nearest threshold it has come within, if any. */
export function reminderDue(expiresOn: string, day: string): number | null {
  if (expiresOn < day) return null;
  const left = daysInclusive(day, expiresOn) - 1;
  const within = REMINDER_DAYS.filter((d) => left <= d);
  return within.length ? Math.min(...within) : null;
}

/**
 * Certifications running out, told at each threshold once: to the holder's own account, their
 * agency's coordinators and the program office's staff, each only if they may read it. A day
 * missed (the server was down) is caught up on the next run with the threshold the
 * certification has come within by then, not every one it passed.
 */
export function certificationReminders({ db, users }: { db: Kysely<DB>; users: Pick<UsersService, 'recipients'> }): NoticeSource {
  return {
    name: 'certifications expiring',
    async notices(day) {
      const certifications = await certificationsRepository(db).expiringWithin(day, addDays(day, Math.max(...REMINDER_DAYS)));
      if (certifications.length === 0) return [];
      const staff = await users.recipients({ roles: STAFF });
      const near = await users.recipients({ personIds: [...new Set(certifications.map((c) => c.person_id))], coordinatorsOf: [...new Set(certifications.map((c) => c.organization_id))] });
      return certifications.flatMap((cert) => {
        const expiresOn = cert.expires_on as string;
        const due = reminderDue(expiresOn, day);
        if (due === null) return [];
        const left = daysInclusive(day, expiresOn) - 1;
        const concerned = near.filter((r: Recipient) => r.actor.personId === cert.person_id || (r.actor.role === 'coordinator' && r.actor.organizationId === cert.organization_id));
        const recipients = [...new Map([...concerned, ...staff].map((r) => [r.id, r])).values()];
        const name = `${cert.given_name} ${cert.family_name}`;
        return noticesFor(recipients, (actor) => certificationsPolicy.can(actor, 'read', { personId: cert.person_id, organizationId: cert.organization_id }), {
          kind: 'certification.expiring',
          subjectId: cert.id,
          occurrence: `${expiresOn}:${due}`,
          title: trainingText('notice.expiringTitle', { credential: cert.credential_name, expires: expiresOn, name }),
          body: trainingText('notice.expiringBody', { name, credential: cert.credential_name, expires: expiresOn, count: left }),
          link: `/certifications/${cert.id}`,
        });
      });
    },
  };
}
