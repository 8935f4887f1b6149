import type { DateProblem } from '../../platform/dates.js';
import { AppError, ruleBroken } from '../../platform/errors.js';
import type { AssignmentStatus, DeploymentStatus } from './deployments.schemas.js';

export const DEPLOYMENT_TRANSITIONS: Readonly<Record<DeploymentStatus, readonly DeploymentStatus[]>> = {
  planning: ['staffing', 'cancelled'],
  staffing: ['planning', 'predeployment', 'cancelled'],
  predeployment: ['staffing', 'in_country', 'cancelled'],
  in_country: ['completed'],
  completed: [],
  cancelled: [],
};

/** Deployments being planned and staffed: open to every agency's view, for nominations. */
export function isOpenForStaffing(status: DeploymentStatus): boolean {
  return status === 'planning' || status === 'staffing';
}

/** A deployment takes nominations until its officers are in country. */
export const OPEN_FOR_NOMINATIONS: readonly DeploymentStatus[] = ['planning', 'staffing', 'predeployment'];
/** Officers deploy once the deployment is in pre-deployment or in country. */
export const DEPLOYABLE: readonly DeploymentStatus[] = ['predeployment', 'in_country'];

/** Whether a deployment's state lets an action be taken at all (the policy says who may). */
export function isDeploymentActionOpen(action: 'update' | 'changeStatus' | 'addRotation' | 'updateRotation' | 'nominate', status: DeploymentStatus): boolean {
  if (action === 'changeStatus') return DEPLOYMENT_TRANSITIONS[status].length > 0;
  if (action === 'addRotation') return status !== 'completed' && status !== 'cancelled';
  if (action === 'nominate') return OPEN_FOR_NOMINATIONS.includes(status);
  return true;
}

export interface DeploymentState {
  from: DeploymentStatus;
  to: DeploymentStatus;
  today: string;
  endOn: string;
  /** Assignments selected or ready, not yet deployed. */
  selectedCount: number;
  /** Assignments deployed now. */
  deployedNow: number;
  /** Assignments ever deployed (deployed now or returned). */
  everDeployed: number;
}

/** Throws, naming the rule, when a deployment's status change makes no sense. */
export function checkDeploymentStatusChange(s: DeploymentState): void {
  if (!DEPLOYMENT_TRANSITIONS[s.from].includes(s.to)) {
    const next = DEPLOYMENT_TRANSITIONS[s.from];
    throw ruleBroken(
      'deployment.status_transition',
      `A deployment cannot go from ${s.from} to ${s.to}${next.length ? `; from ${s.from} it can go to ${next.join(', ')}` : `: ${s.from} is final`}.`,
    );
  }
  if (s.to === 'predeployment' && s.selectedCount + s.deployedNow === 0) {
    throw ruleBroken('deployment.predeployment_needs_selection', 'Select at least one officer before pre-deployment.');
  }
  if (s.to === 'in_country' && s.deployedNow === 0) {
    throw ruleBroken('deployment.in_country_needs_deployed', 'A deployment is in country only once someone is deployed: deploy an officer first.');
  }
  if (s.to === 'completed' && s.today < s.endOn) {
    throw ruleBroken('deployment.completed_before_end', `A deployment cannot be completed before its end date (${s.endOn}).`);
  }
  if (s.to === 'completed' && s.deployedNow > 0) {
    throw ruleBroken('deployment.completed_with_people_deployed', `${s.deployedNow} officer(s) are still deployed: record their return first.`);
  }
  if (s.to === 'cancelled' && s.everDeployed > 0) {
    throw ruleBroken('deployment.cancel_after_deploying', 'Officers have already deployed: complete the deployment instead of cancelling it.');
  }
}

export const ASSIGNMENT_TRANSITIONS: Readonly<Record<AssignmentStatus, readonly AssignmentStatus[]>> = {
  nominated: ['selected', 'withdrawn'],
  selected: ['nominated', 'ready', 'withdrawn'],
  ready: ['selected', 'deployed', 'withdrawn'],
  deployed: ['returned'],
  returned: [],
  withdrawn: [],
};

export function checkAssignmentTransition(from: AssignmentStatus, to: AssignmentStatus, personName: string): void {
  if (!ASSIGNMENT_TRANSITIONS[from].includes(to)) {
    const next = ASSIGNMENT_TRANSITIONS[from];
    throw ruleBroken(
      'assignment.status_transition',
      `${personName}'s assignment cannot go from ${from} to ${to}${next.length ? `; from ${from} it can go to ${next.join(', ')}` : `: ${from} is final`}.`,
    );
  }
}

/** An assignment can be extended while it is still open. */
export function isExtendable(status: AssignmentStatus): boolean {
  return status !== 'returned' && status !== 'withdrawn';
}

/** Statuses that hold a place in a rotation. */
export const HOLDS_PLACE: readonly AssignmentStatus[] = ['selected', 'ready', 'deployed', 'returned'];
/** Statuses that occupy the person's calendar. */
export const OCCUPIES_CALENDAR: readonly AssignmentStatus[] = ['nominated', 'selected', 'ready', 'deployed', 'returned'];

export function headcountFull(personName: string, authorized: number): AppError {
  return new AppError('conflict', `All ${authorized} places of this rotation are taken: ${personName} cannot be selected.`, {
    rule: 'rotation.headcount_full',
  });
}

export function overlapConflict(personName: string, other: { title: string; start: string; end: string }): AppError {
  return new AppError(
    'conflict',
    `${personName} is already assigned to ${other.title} from ${other.start} to ${other.end}, which overlaps these dates.`,
    { rule: 'assignment.overlap' },
  );
}

/** A deployment, a rotation or an assignment ends on or after the day it starts. */
export { type DateProblem, spanProblems } from '../../platform/dates.js';

/** An assignment's dates lie inside its deployment's, both ends counted. */
export function periodOutsideProblems(period: { startOn: string; endOn: string }, deployment: { startOn: string; endOn: string }): DateProblem[] {
  const problems: DateProblem[] = [];
  if (period.startOn < deployment.startOn) problems.push({ field: 'startOn', message: `must not come before the deployment starts (${deployment.startOn})` });
  if (period.endOn > deployment.endOn) problems.push({ field: 'endOn', message: `must not come after the deployment ends (${deployment.endOn})` });
  return problems;
}

/** An extension moves an assignment's end later (past the deployment's end, it extends the deployment too). */
export function extensionProblems(currentEnd: string, newEnd: string): DateProblem[] {
  return newEnd <= currentEnd ? [{ field: 'endOn', message: `must come after the current end (${currentEnd})` }] : [];
}

export interface SpannedRotation {
  id: string;
  sequence: number;
  startOn: string;
  endOn: string;
}

export interface SpannedAssignment {
  id: string;
  personName: string;
  status: AssignmentStatus;
  startOn: string;
  endOn: string;
  deployedOn: string | null;
  returnedOn: string | null;
}

export interface SpanChange {
  rotations: (SpannedRotation & { toStartOn: string; toEndOn: string })[];
  /** Assignments that kept the deployment's planned dates and move with them. */
  moved: (SpannedAssignment & { toStartOn: string; toEndOn: string })[];
}

/**
 * What new dates do to a deployment: the first rotation starts and the last one ends with it, and
 * assignments on the planned dates follow (one not yet deployed takes the new start; one not yet
 * back takes the new end). Refused, naming them, when a rotation or an assignment would fall
 * outside the new dates: those are changed on their own first.
 */
export function planSpanChange(
  from: { startOn: string; endOn: string },
  to: { startOn: string; endOn: string },
  rotations: readonly SpannedRotation[],
  assignments: readonly SpannedAssignment[],
): SpanChange {
  const ordered = [...rotations].sort((a, b) => a.sequence - b.sequence);
  const changed = ordered.map((r, i) => ({
    ...r,
    toStartOn: i === 0 ? to.startOn : r.startOn,
    toEndOn: i === ordered.length - 1 ? to.endOn : r.endOn,
  }));
  const badRotations = changed.filter((r) => r.toEndOn < r.toStartOn || r.toStartOn < to.startOn || r.toEndOn > to.endOn);
  if (badRotations.length > 0) {
    throw ruleBroken(
      'deployment.rotations_outside_dates',
      `${badRotations.map((r) => `Rotation ${r.sequence} (${r.startOn} to ${r.endOn})`).join(', ')} would fall outside ${to.startOn} to ${to.endOn}: change the rotation first.`,
    );
  }
  const open = assignments.filter((a) => a.status !== 'withdrawn');
  const moved = open.map((a) => {
    const hasDeployed = a.deployedOn !== null;
    const toStartOn = a.startOn === from.startOn && !hasDeployed ? to.startOn : a.startOn;
    const toEndOn = a.endOn === from.endOn && a.returnedOn === null ? to.endOn : a.endOn;
    return { ...a, toStartOn, toEndOn };
  });
  refuseAssignmentsOutside(to, moved.map((a) => ({ ...a, startOn: a.toStartOn, endOn: a.toEndOn })));
  return { rotations: changed, moved: moved.filter((a) => a.toStartOn !== a.startOn || a.toEndOn !== a.endOn) };
}

/** Refuses, naming them, the open assignments that would not lie inside a deployment's dates. */
export function refuseAssignmentsOutside(span: { startOn: string; endOn: string }, assignments: readonly SpannedAssignment[]): void {
  const outside = assignments.filter(
    (a) =>
      a.status !== 'withdrawn' &&
      (a.endOn < a.startOn ||
        a.startOn < span.startOn ||
        a.endOn > span.endOn ||
        (a.deployedOn !== null && (a.deployedOn < span.startOn || a.deployedOn > span.endOn)) ||
        (a.returnedOn !== null && a.returnedOn > span.endOn)),
  );
  if (outside.length > 0) {
    throw ruleBroken(
      'deployment.assignments_outside_dates',
      `${outside.map((a) => `${a.personName} (${a.deployedOn ?? a.startOn} to ${a.returnedOn ?? a.endOn})`).join(', ')} would fall outside ${span.startOn} to ${span.endOn}: change or withdraw their assignments first.`,
    );
  }
}

/** A status change recorded for a past day: not in the future, not before the last change. */
export function statusDateProblem(on: string, today: string, lastChangedOn: string | null): string | null {
  if (on > today) return `must not be in the future (today is ${today})`;
  if (lastChangedOn && on < lastChangedOn) return `must not come before the last status change (${lastChangedOn})`;
  return null;
}

/** A deployment is cancelled with its reason: the words the API and the web show when it is missing. */
export function cancelNoteProblem(status: DeploymentStatus, note: string | null | undefined): string | null {
  return status === 'cancelled' && !note?.trim() ? 'is required to cancel: say why the deployment will not happen' : null;
}
