import { ruleBroken } from '../../platform/errors.js';
import type { Stage } from './partnerships.schemas.js';
import type { Text } from '../../platform/i18n/messages.js';
import { partnershipsText } from './partnerships.messages.js';

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
  /** When it takes effect, if later than signing; left out, it takes effect when signed. */
  effectiveOn?: string | null | undefined;
}

/**
 * An agreement is in force on a day when it was signed by then, has taken effect by then, and
 * has not expired before it.
 */
export function isInForceOn(agreement: AgreementDates, day: string): boolean {
  return (
    agreement.signedOn !== null &&
    agreement.signedOn <= day &&
    (agreement.effectiveOn == null || agreement.effectiveOn <= day) &&
    (agreement.expiresOn === null || agreement.expiresOn >= day)
  );
}

/** An agreement's dates in the order they happen in its life: signed ≤ effective ≤ renewal due ≤ expiry. */
export const AGREEMENT_DATE_ORDER = ['signedOn', 'effectiveOn', 'renewalDueOn', 'expiresOn'] as const;
export type AgreementDateField = (typeof AGREEMENT_DATE_ORDER)[number];

const dateWords = (field: AgreementDateField) => partnershipsText(`date.${field}`);

export interface DateProblem<F extends string> {
  field: F;
  message: Text;
}

/**
 * Problems with an agreement's dates, wherever they are checked (the request schemas, and the
 * service on the stored record merged with a change). Only the dates given are compared; a date
 * out of order is blamed on the later field, naming the earlier date it falls before (the
 * latest such, so the message names the nearest bound). When `changed` names the fields a
 * change sets and the later field is not among them but the earlier one is, the earlier one is
 * blamed instead: that is the date the user just typed.
 */
export function agreementDateProblems(
  dates: Partial<Record<AgreementDateField, string | null | undefined>>,
  changed?: ReadonlySet<string>,
): DateProblem<AgreementDateField>[] {
  const problems: DateProblem<AgreementDateField>[] = [];
  AGREEMENT_DATE_ORDER.forEach((field, index) => {
    const value = dates[field];
    if (!value) return;
    let bound: AgreementDateField | null = null;
    for (const earlier of AGREEMENT_DATE_ORDER.slice(0, index)) {
      const other = dates[earlier];
      if (other && other > value && (bound === null || other >= (dates[bound] ?? ''))) bound = earlier;
    }
    if (!bound) return;
    if (changed && !changed.has(field) && changed.has(bound)) {
      problems.push({ field: bound, message: partnershipsText('date.notAfter', { bound: dateWords(field), date: value }) });
    } else {
      problems.push({ field, message: partnershipsText('date.notBefore', { bound: dateWords(bound), date: dates[bound] }) });
    }
  });
  return problems;
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

const stageName = (stage: Stage) => partnershipsText(`stage.${stage}`);

/** Stages as a choice: "engaged, paused or closed", in the reader's words. */
function eitherOf(stages: readonly Text[]): Text | undefined {
  const [a, b, c, d] = stages;
  if (stages.length === 4) return partnershipsText('or4', { a, b, c, d });
  if (stages.length === 3) return partnershipsText('or3', { a, b, c });
  return stages.length === 2 ? partnershipsText('or2', { a, b }) : a;
}

/** Throws, naming the rule, when a stage change makes no sense. */
export function checkStageChange({ from, to, on, lastChangedOn, today, agreements }: StageChange): void {
  if (from === to) {
    throw ruleBroken('partnership.stage_unchanged', partnershipsText('stageUnchanged', { stage: stageName(from) }));
  }
  if (!STAGE_TRANSITIONS[from].includes(to)) {
    throw ruleBroken(
      'partnership.stage_transition',
      partnershipsText('stageTransition', { from: stageName(from), to: stageName(to), allowed: eitherOf(STAGE_TRANSITIONS[from].map(stageName)) }),
    );
  }
  if (on > today) {
    throw ruleBroken('partnership.stage_date_future', partnershipsText('stageDateFuture', { on }));
  }
  if (on < lastChangedOn) {
    throw ruleBroken(
      'partnership.stage_date_order',
      partnershipsText('stageDateOrder', { on, lastChangedOn }),
    );
  }
  if (to === 'active' && !agreements.some((agreement) => isInForceOn(agreement, on))) {
    throw ruleBroken(
      'partnership.active_needs_agreement',
      partnershipsText('activeNeedsAgreement', { on }),
    );
  }
}
