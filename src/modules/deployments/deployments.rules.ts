import { spanProblems as platformSpanProblems } from '../../platform/dates.js';
import { AppError, ruleBroken } from '../../platform/errors.js';
import type { Localizable, Text } from '../../platform/i18n/messages.js';
import { deploymentsText } from './deployments.messages.js';
import type { AssignmentStatus, DeploymentStatus } from './deployments.schemas.js';

/** A deployment's status as sentences name it ("in country", « Sur le terrain »). */
export const deploymentStatusText = (status: DeploymentStatus) => deploymentsText(`deploymentStatus.${status}`);
/** An assignment's status as sentences name it. */
export const assignmentStatusText = (status: AssignmentStatus) => deploymentsText(`assignmentStatus.${status}`);

/** Texts joined one after another ("A, B, C" or "A; B"), each still put in the reader's language. */
export function joinTexts(texts: readonly Localizable[], separator: 'comma' | 'semicolon' = 'comma'): Localizable {
  const [first, ...rest] = texts;
  if (!first) return '';
  return rest.length === 0 ? first : deploymentsText(`join.${separator}`, { first, rest: joinTexts(rest, separator) });
}

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
    const words = { from: deploymentStatusText(s.from), to: deploymentStatusText(s.to), next: joinTexts(next.map(deploymentStatusText)) };
    throw ruleBroken('deployment.status_transition', deploymentsText(next.length ? 'deployment.statusTransition' : 'deployment.statusFinal', words));
  }
  if (s.to === 'predeployment' && s.selectedCount + s.deployedNow === 0) {
    throw ruleBroken('deployment.predeployment_needs_selection', deploymentsText('deployment.predeploymentNeedsSelection'));
  }
  if (s.to === 'in_country' && s.deployedNow === 0) {
    throw ruleBroken('deployment.in_country_needs_deployed', deploymentsText('deployment.inCountryNeedsDeployed'));
  }
  if (s.to === 'completed' && s.today < s.endOn) {
    throw ruleBroken('deployment.completed_before_end', deploymentsText('deployment.completedBeforeEnd', { end: s.endOn }));
  }
  if (s.to === 'completed' && s.deployedNow > 0) {
    throw ruleBroken('deployment.completed_with_people_deployed', deploymentsText('deployment.completedWithPeopleDeployed', { count: s.deployedNow }));
  }
  if (s.to === 'cancelled' && s.everDeployed > 0) {
    throw ruleBroken('deployment.cancel_after_deploying', deploymentsText('deployment.cancelAfterDeploying'));
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
    const words = { name: personName, from: assignmentStatusText(from), to: assignmentStatusText(to), next: joinTexts(next.map(assignmentStatusText)) };
    throw ruleBroken('assignment.status_transition', deploymentsText(next.length ? 'assignment.statusTransition' : 'assignment.statusFinal', words));
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
  return new AppError('conflict', deploymentsText('rotation.headcountFull', { count: authorized, name: personName }), { rule: 'rotation.headcount_full' });
}

export function overlapConflict(personName: string, other: { title: string; start: string; end: string }): AppError {
  return new AppError('conflict', deploymentsText('assignment.overlap', { name: personName, ...other }), { rule: 'assignment.overlap' });
}

/** A field of a span and what is wrong with it, in the reader's language. */
export interface DateProblem {
  field: 'startOn' | 'endOn';
  message: Text;
}

/** A deployment, a rotation or an assignment ends on or after the day it starts. */
export function spanProblems(span: { startOn?: string | null | undefined; endOn?: string | null | undefined }): DateProblem[] {
  return platformSpanProblems(span).map((p) => ({ field: p.field, message: deploymentsText('field.beforeStart') }));
}

/** An assignment's dates lie inside its deployment's, both ends counted. */
export function periodOutsideProblems(period: { startOn: string; endOn: string }, deployment: { startOn: string; endOn: string }): DateProblem[] {
  const problems: DateProblem[] = [];
  if (period.startOn < deployment.startOn) problems.push({ field: 'startOn', message: deploymentsText('field.beforeDeploymentStart', { start: deployment.startOn }) });
  if (period.endOn > deployment.endOn) problems.push({ field: 'endOn', message: deploymentsText('field.afterDeploymentEnd', { end: deployment.endOn }) });
  return problems;
}

/** An extension moves an assignment's end later (past the deployment's end, it extends the deployment too). */
export function extensionProblems(currentEnd: string, newEnd: string): DateProblem[] {
  return newEnd <= currentEnd ? [{ field: 'endOn', message: deploymentsText('field.afterCurrentEnd', { end: currentEnd }) }] : [];
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
    const rotations = joinTexts(badRotations.map((r) => deploymentsText('deployment.rotationSpan', { sequence: r.sequence, start: r.startOn, end: r.endOn })));
    throw ruleBroken('deployment.rotations_outside_dates', deploymentsText('deployment.rotationsOutside', { rotations, start: to.startOn, end: to.endOn }));
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
    const people = joinTexts(outside.map((a) => deploymentsText('deployment.personSpan', { name: a.personName, start: a.deployedOn ?? a.startOn, end: a.returnedOn ?? a.endOn })));
    throw ruleBroken('deployment.assignments_outside_dates', deploymentsText('deployment.assignmentsOutside', { people, start: span.startOn, end: span.endOn }));
  }
}

/** A status change recorded for a past day: not in the future, not before the last change. */
export function statusDateProblem(on: string, today: string, lastChangedOn: string | null): Text | null {
  if (on > today) return deploymentsText('field.inFuture', { today });
  if (lastChangedOn && on < lastChangedOn) return deploymentsText('field.beforeLastChange', { on: lastChangedOn });
  return null;
}

/** A deployment is cancelled with its reason: the words the API and the web show when it is missing. */
export function cancelNoteProblem(status: DeploymentStatus, note: string | null | undefined): Text | null {
  return status === 'cancelled' && !note?.trim() ? deploymentsText('field.cancelNote') : null;
}
