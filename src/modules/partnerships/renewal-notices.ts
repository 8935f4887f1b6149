import type { Kysely } from 'kysely';
import { addDays } from '../../platform/dates.js';
import type { DB } from '../../platform/db/schema.js';
import type { UsersService } from '../accounts/users.service.js';
import { type NoticeSource, noticesFor, ownerElseStaff } from '../notifications/notices.js';
import { partnershipsText } from './partnerships.messages.js';
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
          title: partnershipsText(due < day ? 'notice.renewalOverdue' : 'notice.renewalDue', { organization: agreement.organization_name, reference: agreement.reference }),
          body: agreement.expires_on
            ? partnershipsText(due < day ? 'notice.renewalWasDueExpires' : 'notice.renewalIsDueExpires', { due, expires: agreement.expires_on })
            : partnershipsText(due < day ? 'notice.renewalWasDue' : 'notice.renewalIsDue', { due }),
          link: `/partnerships/${agreement.partnership_id}`,
        });
      });
    },
  };
}
