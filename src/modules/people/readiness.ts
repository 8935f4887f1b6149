import { addDays, addMonths } from '../../platform/dates.js';
import * as enums from '../../platform/db/enums.js';
import type { Text } from '../../platform/i18n/messages.js';
import { peopleText } from './people.messages.js';

export const READINESS_ITEMS = enums.READINESS_ITEMS;
export type ReadinessItem = (typeof READINESS_ITEMS)[number];

export interface ReadinessRecord {
  item: ReadinessItem;
  /** Null only for a passport whose issue date is not known; no rule reads a passport's. */
  completedOn: string | null;
  expiresOn: string | null;
}

export interface ReadinessProblem {
  /** The rule that stops the deployment, such as `readiness.passport_six_months`. */
  rule: string;
  item: ReadinessItem;
  /** What the person lacks, said of them: "has no passport on record". */
  detail: Text;
}

/** A readiness item as sentences name it ("medical clearance"). */
export const readinessItemText = (item: ReadinessItem) => peopleText(`item.${item}`);

export interface Period {
  start: string;
  end: string;
}

/**
 * The earliest medical clearance still under twelve months old on `start`: the first day D with
 * D + 12 months after `start`. Month clamping makes this more than "a year before plus a day"
 * around the end of February.
 */
export function oldestMedicalAccepted(start: string): string {
  let day = addDays(addMonths(start, -12), -1);
  while (addMonths(day, 12) <= start) day = addDays(day, 1);
  return day;
}

/** The dates a period's rules compare against. */
function thresholds(period: Period) {
  return { passportNeeded: addMonths(period.end, 6), medicalOldest: oldestMedicalAccepted(period.start) };
}

/** A standard tour: 90 days, the first and last both counted. */
export const STANDARD_TOUR_DAYS = 90;
/** How far ahead "expiring" looks. */
export const EXPIRING_WITHIN_DAYS = 90;

/**
 * What stops a person from deploying for a period, as DESIGN.md's rules say: a passport valid
 * six months past the end, a medical clearance under twelve months old on the start date,
 * pre-deployment training done by the start; for a high-threat post, security-environment
 * training valid through the end.
 */
export function deploymentBlockers(records: readonly ReadinessRecord[], period: Period, options: { isHighThreat?: boolean } = {}): ReadinessProblem[] {
  const find = (item: ReadinessItem) => records.find((r) => r.item === item);
  const problems: ReadinessProblem[] = [];
  const { passportNeeded, medicalOldest } = thresholds(period);
  const noDate = peopleText('readiness.noDate');

  const passport = find('passport');
  if (!passport) {
    problems.push({ rule: 'readiness.passport_six_months', item: 'passport', detail: peopleText('readiness.noPassport') });
  } else if (!passport.expiresOn || passport.expiresOn < passportNeeded) {
    problems.push({
      rule: 'readiness.passport_six_months',
      item: 'passport',
      detail: peopleText('readiness.passportExpiring', { expires: passport.expiresOn ?? noDate, needed: passportNeeded, end: period.end }),
    });
  }

  const medical = find('medical_clearance');
  if (!medical) {
    problems.push({ rule: 'readiness.medical_twelve_months', item: 'medical_clearance', detail: peopleText('readiness.noMedical') });
  } else if (medical.completedOn === null || medical.completedOn < medicalOldest || medical.completedOn > period.start) {
    problems.push({
      rule: 'readiness.medical_twelve_months',
      item: 'medical_clearance',
      detail: peopleText('readiness.medicalOld', { on: medical.completedOn ?? noDate, start: period.start, oldest: medicalOldest }),
    });
  }

  const training = find('predeployment_training');
  if (!training) {
    problems.push({ rule: 'readiness.predeployment_training', item: 'predeployment_training', detail: peopleText('readiness.noTraining') });
  } else if (training.completedOn === null || training.completedOn > period.start) {
    problems.push({
      rule: 'readiness.predeployment_training',
      item: 'predeployment_training',
      detail: peopleText('readiness.trainingLate', { on: training.completedOn ?? noDate, start: period.start }),
    });
  }

  if (options.isHighThreat) {
    const security = find('security_training');
    if (!security || (security.expiresOn !== null && security.expiresOn < period.end) || security.completedOn === null || security.completedOn > period.start) {
      problems.push({
        rule: 'readiness.security_training_high_threat',
        item: 'security_training',
        detail: security
          ? peopleText(security.expiresOn ? 'readiness.securityNotCovering' : 'readiness.securityNotCoveringForever', {
              on: security.completedOn ?? noDate,
              expires: security.expiresOn,
              start: period.start,
              end: period.end,
            })
          : peopleText('readiness.noSecurity'),
      });
    }
  }
  return problems;
}

export type ReadinessStatus = 'ready' | 'expiring' | 'not_ready';

export interface ReadinessBadge {
  status: ReadinessStatus;
  reasons: Text[];
}

export function standardTour(start: string): Period {
  return { start, end: addDays(start, STANDARD_TOUR_DAYS - 1) };
}

/** The badge of someone with no record yet, the same for everyone on a given day. */
let noRecords: { today: string; badge: Readonly<ReadinessBadge> } | undefined;

/**
 * The badge on a person: ready to leave today on a standard tour; expiring when they would not
 * be, were the tour to start in 90 days; not ready otherwise. The reasons say why.
 */
export function readinessBadge(records: readonly ReadinessRecord[], today: string): Readonly<ReadinessBadge> {
  if (records.length > 0) return badgeOf(records, today);
  // Asked once per person of a list, or per person of a roster as it is imported.
  if (noRecords?.today !== today) {
    const badge = badgeOf(records, today);
    noRecords = { today, badge: Object.freeze({ status: badge.status, reasons: Object.freeze(badge.reasons) as Text[] }) };
  }
  return noRecords.badge;
}

function badgeOf(records: readonly ReadinessRecord[], today: string): ReadinessBadge {
  const now = deploymentBlockers(records, standardTour(today));
  if (now.length > 0) return { status: 'not_ready', reasons: now.map((p) => p.detail) };
  const soon = deploymentBlockers(records, standardTour(addDays(today, EXPIRING_WITHIN_DAYS)));
  if (soon.length > 0) return { status: 'expiring', reasons: soon.map((p) => p.detail) };
  return { status: 'ready', reasons: [] };
}

/**
 * The same badge as bounds on dates, for filtering in SQL: ready today means a passport expiring
 * on or after `passportFrom`, a medical clearance between `medicalFrom` and `medicalTo`, and
 * training finished by `trainingBy`.
 */
export function readinessBounds(start: string) {
  return periodReadinessBounds(standardTour(start));
}

/** The same bounds for any period: no blocker but the high-threat one exactly when all hold. */
export function periodReadinessBounds(period: Period) {
  const { passportNeeded, medicalOldest } = thresholds(period);
  return { passportFrom: passportNeeded, medicalFrom: medicalOldest, medicalTo: period.start, trainingBy: period.start };
}

/** What a readiness record is given: the same for one entered on the person page and one imported. */
export interface ReadinessInput {
  completedOn?: string | null | undefined;
  expiresOn?: string | null | undefined;
  passportNumber?: string | null | undefined;
}

/**
 * The rules a readiness record must meet beyond its fields' own: a passport has its expiry and
 * alone has a number; every other item has the day it was done, which its rule reads.
 */
export function readinessInputProblems(item: ReadinessItem, input: ReadinessInput): { field: 'completedOn' | 'expiresOn' | 'passportNumber'; detail: Text }[] {
  const problems: { field: 'completedOn' | 'expiresOn' | 'passportNumber'; detail: Text }[] = [];
  if (input.passportNumber && item !== 'passport') problems.push({ field: 'passportNumber', detail: peopleText('field.notPassportPart', { item: readinessItemText(item) }) });
  if (item === 'passport' && !input.expiresOn) problems.push({ field: 'expiresOn', detail: peopleText('field.passportExpiryRequired') });
  if (item !== 'passport' && !input.completedOn) problems.push({ field: 'completedOn', detail: peopleText('field.requiredFor', { item: readinessItemText(item) }) });
  return problems;
}
