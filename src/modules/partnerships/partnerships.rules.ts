import { ruleBroken } from '../../platform/errors.js';
import type { Stage } from './partnerships.schemas.js';

/**
 * The pipeline: where a partnership may go from each stage. Going back a step is allowed where
 * it happens in life (talks stall, an agreement falls through); a closed partnership reopens
 * as a prospect.
 */
export const STAGE_TRANSITIONS: Readonly<Record<Stage, readonly Stage[]>> = {
  prospect: ['engaged', 'closed'],
  engaged: ['prospect', 'agreement', 'paused', 'closed'],
  agreement: ['engaged', 'active', 'paused', 'closed'],
  active: ['paused', 'closed'],
  paused: ['engaged', 'active', 'closed'],
  closed: ['prospect'],
};

export interface AgreementDates {
  signedOn: string | null;
  expiresOn: string | null;
}

/** An agreement is in force on a day when it was signed by then and has not expired before it. */
export function isInForceOn(agreement: AgreementDates, day: string): boolean {
  return agreement.signedOn !== null && agreement.signedOn <= day && (agreement.expiresOn === null || agreement.expiresOn >= day);
}

export function agreementStatus(agreement: AgreementDates, today: string): 'unsigned' | 'in_force' | 'expired' {
  if (agreement.signedOn === null) return 'unsigned';
  return agreement.expiresOn !== null && agreement.expiresOn < today ? 'expired' : 'in_force';
}

export interface StageChange {
  from: Stage;
  to: Stage;
  on: string;
  lastChangedOn: string;
  today: string;
  agreements: readonly AgreementDates[];
}

/** Throws, naming the rule, when a stage change makes no sense. */
export function checkStageChange({ from, to, on, lastChangedOn, today, agreements }: StageChange): void {
  if (from === to) {
    throw ruleBroken('partnership.stage_unchanged', `The partnership is already at the stage ${from}.`);
  }
  if (!STAGE_TRANSITIONS[from].includes(to)) {
    throw ruleBroken(
      'partnership.stage_transition',
      `A partnership cannot go from ${from} to ${to}; from ${from} it can go to ${STAGE_TRANSITIONS[from].join(', ')}.`,
    );
  }
  if (on > today) {
    throw ruleBroken('partnership.stage_date_future', `A stage change cannot be dated in the future (${on}).`);
  }
  if (on < lastChangedOn) {
    throw ruleBroken(
      'partnership.stage_date_order',
      `The change is dated ${on}, before the current stage began (${lastChangedOn}).`,
    );
  }
  if (to === 'active' && !agreements.some((agreement) => isInForceOn(agreement, on))) {
    throw ruleBroken(
      'partnership.active_needs_agreement',
      `A partnership becomes active only with a signed agreement in force on ${on}: record the agreement first.`,
    );
  }
}
