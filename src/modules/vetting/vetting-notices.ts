import type { Kysely } from 'kysely';
import { STAFF } from '../../platform/access.js';
import { addDays } from '../../platform/dates.js';
import type { DB } from '../../platform/db/schema.js';
import type { UsersService } from '../accounts/users.service.js';
import { type NoticeSource, noticesFor } from '../notifications/notices.js';
import { vettingText } from './vetting.messages.js';
import { vettingPolicy } from './vetting.policy.js';
import { vettingRepository } from './vetting.repository.js';

/** A case still pending this many days after it was submitted is told as waiting. */
export const VETTING_WAIT_DAYS = 14;

/**
 * Vetting cases waiting for a result VETTING_WAIT_DAYS after submission, told once per case and
 * submission date to the staff who may record its result.
 */
export function vettingWaitingNotices({ db, users }: { db: Kysely<DB>; users: Pick<UsersService, 'recipients'> }): NoticeSource {
  return {
    name: 'vetting waiting',
    async notices(day) {
      const waitingSince = addDays(day, -VETTING_WAIT_DAYS);
      const cases = (await vettingRepository(db).pending()).filter((record) => record.submitted_on <= waitingSince);
      if (cases.length === 0) return [];
      const staff = await users.recipients({ roles: STAFF });
      return cases.flatMap((record) =>
        noticesFor(staff, (actor) => vettingPolicy.can(actor, 'recordResult', { personId: record.person_id }), {
          kind: 'vetting.waiting',
          subjectId: record.id,
          occurrence: record.submitted_on,
          title: vettingText('notice.waitingTitle', { name: `${record.given_name} ${record.family_name}` }),
          body: vettingText('notice.waitingBody', { reference: record.case_reference, organization: record.organization_name, submitted: record.submitted_on }),
          link: '/vetting/records?status=pending',
        }),
      );
    },
  };
}
