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
