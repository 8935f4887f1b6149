import type { Kysely } from 'kysely';
import type { DB, ImportRow } from '../../platform/db/schema.js';
import { DEFAULT_LOCALE } from '../../platform/i18n/locales.js';
import type { UsersService } from '../accounts/users.service.js';
import { noticesFor } from '../notifications/notices.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { parseJson } from './imports.run.js';
import { canSeeImport } from './imports.policy.js';
import { importsRepository } from './imports.repository.js';
import { wordsIn } from './imports.messages.js';

export interface ImportNoticesDeps {
  db: Kysely<DB>;
  users: Pick<UsersService, 'recipients'>;
  notifications: Pick<NotificationsService, 'notify'>;
}

function outcomeOf(row: ImportRow): { title: string; body: string } {
  const problems = row.problem_count ?? 0;
  const problemText = problems === 1 ? '1 problem' : `${problems} problems`;
  if (row.status === 'committed') {
    const summary = parseJson<{ created: number; updated: number; unchanged: number; skipped: number }>(row.summary, { created: 0, updated: 0, unchanged: 0, skipped: 0 });
    return {
      title: `Import finished: ${row.filename}`,
      body: `${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged${summary.skipped ? `, ${summary.skipped} rows left out` : ''}.`,
    };
  }
  if (row.status === 'validated') {
    return { title: `Import checked: ${row.filename}`, body: `${row.valid_count ?? 0} of ${row.row_count} rows are valid; ${problemText}. Nothing was written yet.` };
  }
  // Accounts keep no language of their own yet: a notice is worded in Cadre's default one.
  return { title: `Import failed: ${row.filename}`, body: wordsIn(row.message, DEFAULT_LOCALE) ?? 'The run stopped; nothing was written.' };
}

/**
 * Tells whoever ran an import that its run has finished (checked, imported or failed), if they
 * may still see it. Each run is told once: its finishing instant is the occurrence.
 */
export function createImportNotices({ db, users, notifications }: ImportNoticesDeps) {
  return async function importFinished(importId: string): Promise<void> {
    const row = await importsRepository(db).findById(importId);
    if (!row?.created_by || !row.finished_at) return;
    const recipients = await users.recipients({ ids: [row.created_by] });
    await notifications.notify(
      noticesFor(recipients, (actor) => canSeeImport(actor, row), {
        kind: 'import.finished',
        subjectId: row.id,
        occurrence: row.finished_at,
        ...outcomeOf(row),
        link: `/imports/${row.id}`,
      }),
    );
  };
}
