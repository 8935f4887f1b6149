import { ruleBroken } from '../../platform/errors.js';
import type { Text } from '../../platform/i18n/messages.js';
import { engagementsText } from './engagements.messages.js';

/**
 * Rules of meetings and their follow-ups, used by the request schemas (so the web refuses the
 * same things with the same words) and by the services on the stored record merged with a change.
 */

/** A follow-up comes after the meeting it follows: it may fall due the same day, never before. */
export function followUpDueProblem(dueOn: string, meetingOn: string): Text | null {
  return dueOn < meetingOn ? engagementsText('followUpBeforeMeeting', { meetingOn }) : null;
}

/** A meeting cannot be moved after a follow-up it gave rise to falls due. */
export function meetingDateProblem(meetingOn: string, followUpDueDates: readonly string[]): Text | null {
  const earliest = [...followUpDueDates].sort()[0];
  return earliest !== undefined && earliest < meetingOn ? engagementsText('meetingAfterFollowUp', { dueOn: earliest }) : null;
}

/** The day a follow-up was done: any day up to today (work done in 2011 is recorded as done in 2011). */
export function doneOnIssue(doneOn: string, today: string): Text | null {
  return doneOn > today ? engagementsText('doneInFuture', { today }) : null;
}

/** The same, in English words, for the web's form (which puts it in its reader's language itself). */
export function doneOnProblem(doneOn: string, today: string): string | null {
  return doneOnIssue(doneOn, today)?.in('en') ?? null;
}

/** A meeting withdrawn as logged in error stays as it was: it is neither changed nor withdrawn again. */
export function checkNotWithdrawn(engagement: { withdrawn_at: string | null }): void {
  if (engagement.withdrawn_at !== null) {
    throw ruleBroken('engagement.withdrawn', engagementsText('withdrawn'));
  }
}
