import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { UsersService } from '../accounts/users.service.js';
import { type NoticeSource, noticesFor, ownerElseStaff } from '../notifications/notices.js';
import { engagementsText } from './engagements.messages.js';
import { tasksPolicy } from './engagements.policy.js';
import { tasksRepository } from './engagements.repository.js';

function overdueBody(due: string, organization: string | null, engagement: string | null) {
  if (organization && engagement) return engagementsText('notice.dueWithAfter', { due, organization, engagement });
  if (organization) return engagementsText('notice.dueWith', { due, organization });
  return engagement ? engagementsText('notice.dueAfter', { due, engagement }) : engagementsText('notice.due', { due });
}

/**
 * Overdue follow-ups, told to their owner (or the program office's staff when nobody owns one),
 * once per due date: a follow-up moved to a later date and overdue again is told again.
 */
export function overdueTaskNotices({ db, users }: { db: Kysely<DB>; users: Pick<UsersService, 'recipients'> }): NoticeSource {
  return {
    name: 'overdue follow-ups',
    async notices(day) {
      const tasks = await tasksRepository(db).overdueOn(day);
      const recipientsOf = await ownerElseStaff(
        users,
        tasks.map((task) => task.owner_id),
      );
      return tasks.flatMap((task) =>
        noticesFor(recipientsOf(task.owner_id), (actor) => tasksPolicy.can(actor, 'read', task), {
          kind: 'task.overdue',
          subjectId: task.id,
          occurrence: task.due_on,
          title: engagementsText('notice.overdueTitle', { title: task.title }),
          body: overdueBody(task.due_on, task.organization_name, task.engagement_title),
          link: task.engagement_id ? `/engagements/${task.engagement_id}` : '/tasks?view=overdue',
        }),
      );
    },
  };
}
