import type { NoticeSource } from './notices.js';
import type { NotificationsService } from './notifications.service.js';
import type { Clock } from '../../platform/clock.js';
import { today } from '../../platform/clock.js';

/** The notices job runs this often: each run tells what fell due since, and mails the day's digests. */
export const NOTICES_INTERVAL_MS = 60 * 60_000;

/**
 * The scheduled job behind notifications: asks each source what needs telling today, keeps what
 * was not told before, then mails the digests owed. Returns its account of the run.
 */
export function createNoticesJob({ clock, sources, notifications }: { clock: Clock; sources: readonly NoticeSource[]; notifications: Pick<NotificationsService, 'notify' | 'sendDigests'> }) {
  return async function runNotices(): Promise<string> {
    const day = today(clock);
    const told: string[] = [];
    for (const source of sources) {
      const added = await notifications.notify(await source.notices(day));
      told.push(`${added} ${source.name}`);
    }
    const digests = await notifications.sendDigests();
    const account = `new notices: ${told.join(', ')}; digests mailed: ${digests.sent}`;
    if (digests.failed > 0) {
      const reason = digests.lastError instanceof Error ? digests.lastError.message : String(digests.lastError);
      throw new Error(`${account}; ${digests.failed} digests could not be sent (${reason}); they are tried again on the next run`);
    }
    return account;
  };
}
