import type { Kysely } from 'kysely';
import { addDays } from '../../platform/dates.js';
import type { DB } from '../../platform/db/schema.js';
import type { UsersService } from '../accounts/users.service.js';
import { type NoticeSource, noticesFor, ownerElseStaff, spokenDate } from '../notifications/notices.js';
import { agreementsPolicy } from './partnerships.policy.js';
import { agreementsRepository } from './partnerships.repository.js';

/** An agreement is told of this many days before its renewal falls due (the home page's window too). */
export const RENEWAL_NOTICE_DAYS = 90;

/**
 * Agreements in force whose renewal falls due within RENEWAL_NOTICE_DAYS (or has passed), told to
 * their partnership's owner, else the program office's staff, once per renewal date.
 */
export function renewalNotices({ db, users }: { db: Kysely<DB>; users: Pick<UsersService, 'recipients'> }): NoticeSource {
  return {
    name: 'agreements due for renewal',
    async notices(day) {
      const agreements = await agreementsRepository(db).renewalsDueBy(addDays(day, RENEWAL_NOTICE_DAYS), day);
      const recipientsOf = await ownerElseStaff(
        users,
        agreements.map((a) => a.owner_id),
      );
      return agreements.flatMap((agreement) => {
        const due = agreement.renewal_due_on as string;
        return noticesFor(recipientsOf(agreement.owner_id), (actor) => agreementsPolicy.can(actor, 'read', agreement), {
          kind: 'agreement.renewal_due',
          subjectId: agreement.id,
          occurrence: due,
          title: `Agreement ${due < day ? 'overdue' : 'due'} for renewal: ${agreement.organization_name}, ${agreement.reference}`,
          body: `Its renewal ${due < day ? 'was' : 'is'} due on ${spokenDate(due)}${agreement.expires_on ? `; it expires on ${spokenDate(agreement.expires_on)}` : ''}.`,
          link: `/partnerships/${agreement.partnership_id}`,
        });
      });
    },
  };
}
