import { addDays, addMonths, overlaps, spanProblems } from '../../platform/dates.js';
import type { Text } from '../../platform/i18n/messages.js';
import { trainingText } from './training.messages.js';

/** Rules of training and certification, on plain values, tested at their edges. */

export interface CredentialRules {
  validityMonths: number | null;
  passMark: number | null;
  minAttendancePercent: number;
}

/** The last day a certification is valid: validity months after issue, the day before the anniversary. */
export function expiryOf(issuedOn: string, validityMonths: number | null): string | null {
  return validityMonths === null ? null : addDays(addMonths(issuedOn, validityMonths), -1);
}

export type CertificationStatus = 'active' | 'expired' | 'revoked';

/** Valid through its expiry day; expired the day after, with no job needed to say so. */
export function certificationStatus(c: { expiresOn: string | null; revokedAt: string | null }, today: string): CertificationStatus {
  if (c.revokedAt) return 'revoked';
  return c.expiresOn !== null && c.expiresOn < today ? 'expired' : 'active';
}

export function isActiveOn(c: { issuedOn: string; expiresOn: string | null; revokedAt: string | null }, day: string): boolean {
  if (c.revokedAt && c.revokedAt.slice(0, 10) <= day) return false;
  return c.issuedOn <= day && (c.expiresOn === null || c.expiresOn >= day);
}

/** Why a participant did not meet a credential's criteria; empty when they did. Meeting a bound exactly passes. */
export function unmetCriteria(result: { attendancePercent: number | null; score: number | null }, rules: CredentialRules): Text[] {
  const reasons: Text[] = [];
  if (result.attendancePercent === null) reasons.push(trainingText('unmet.noAttendance'));
  else if (result.attendancePercent < rules.minAttendancePercent) {
    reasons.push(trainingText('unmet.attendance', { attended: result.attendancePercent, required: rules.minAttendancePercent }));
  }
  if (rules.passMark !== null) {
    if (result.score === null) reasons.push(trainingText('unmet.noScore'));
    else if (result.score < rules.passMark) reasons.push(trainingText('unmet.score', { score: result.score, passMark: rules.passMark }));
  }
  return reasons;
}

export interface Period {
  start: string;
  end: string;
}

/** A participant cannot sit two offerings that share a day. */
export function clashingOffering<T extends Period>(offering: Period, others: readonly T[]): T | undefined {
  return others.find((o) => overlaps(o, offering));
}

export interface Vetting {
  status: string;
  resultOn: string | null;
  validUntil: string | null;
}

/** Cleared, with the result in by the start date and still valid on it. */
export function isVettingValidOn(v: Vetting, day: string): boolean {
  return v.status === 'cleared' && v.resultOn !== null && v.resultOn <= day && v.validUntil !== null && v.validUntil >= day;
}

/** A follow-up is recorded three to twelve months after the offering ends. */
export function followUpWindow(endOn: string): Period {
  return { start: addMonths(endOn, 3), end: addMonths(endOn, 12) };
}

/**
 * What may still be done to an offering in its status: a scheduled one is changed, staffed,
 * enrolled, recorded and closed; a closed one takes follow-ups; a cancelled one nothing.
 */
export function offeringActionsIn(status: string): readonly string[] {
  if (status === 'scheduled') return ['update', 'cancel', 'addInstructor', 'removeInstructor', 'enroll', 'recordResults', 'close'];
  if (status === 'closed') return ['recordFollowUp'];
  return [];
}

/** An offering ends on or after the day it starts (merged with what is stored, on a change). */
export const offeringDateProblems = spanProblems;

/** An offering's status as a word of the sentence refusing it ("closed"). */
export const offeringStatus = (status: string) => trainingText(`status.${status as 'closed'}`);

/** Why an offering cannot be cancelled without a reason: the words the API and the web show. */
export function cancelReasonProblem(reason: string | null | undefined): Text | null {
  return reason?.trim() ? null : trainingText('offering.cancelReasonRequired');
}
