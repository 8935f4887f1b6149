import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { DEFAULT_LOCALE } from '../../platform/i18n/locales.js';
import type { UsersService } from '../accounts/users.service.js';
import { noticesFor } from '../notifications/notices.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { reportRunsRepository } from './report-runs.repository.js';
import { reportRunsPolicy } from './reports.policy.js';
import { reportsText } from './reports.messages.js';

export interface ReportNoticesDeps {
  db: Kysely<DB>;
  users: Pick<UsersService, 'recipients'>;
  notifications: Pick<NotificationsService, 'notify'>;
}

/** Tells whoever asked for a report run that it is done (or failed), once, if they may still follow it. */
export function createReportNotices({ db, users, notifications }: ReportNoticesDeps) {
  return async function reportFinished(runId: string): Promise<void> {
    const row = await reportRunsRepository(db).find(runId);
    if (!row?.created_by || row.status === 'running') return;
    const { year } = JSON.parse(row.parameters) as { year?: number };
    const isIati = row.kind === 'iati';
    const what = year ? reportsText(isIati ? 'notice.iatiOf' : 'notice.yearReportOf', { year }) : reportsText(isIati ? 'notice.iati' : 'notice.yearReport');
    const isDone = row.status === 'done';
    const title = reportsText(isDone ? 'notice.ready' : 'notice.failed', { what });
    const body = isDone
      ? reportsText('notice.readyBody', { filename: row.filename ?? reportsText('notice.theDocument') })
      : reportsText('notice.failedBody', { reason: row.message ?? reportsText('notice.stopped') });
    const recipients = await users.recipients({ ids: [row.created_by] });
    // Accounts keep no language of their own yet: a notice is worded in Cadre's default one.
    const locale = DEFAULT_LOCALE;
    await notifications.notify(
      noticesFor(recipients, (actor) => reportRunsPolicy.can(actor, 'read', row), {
        kind: 'report.finished',
        subjectId: row.id,
        occurrence: row.status,
        title: title.in(locale),
        body: body.in(locale),
        link: '/reports#recent-runs-heading',
      }),
    );
  };
}
