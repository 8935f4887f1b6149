import type { AssignmentStatus, DeploymentStatus } from '../../api/schemas';

/**
 * Where an assignment may go next. The API's rules (deployments.rules.ts) decide and refuse
 * anything else; this copy only chooses which buttons to offer, since an assignment does not
 * carry its allowed statuses as a deployment does.
 */
export const NEXT_ASSIGNMENT_STATUSES: Readonly<Record<AssignmentStatus, readonly AssignmentStatus[]>> = {
  nominated: ['selected', 'withdrawn'],
  selected: ['ready', 'nominated', 'withdrawn'],
  ready: ['deployed', 'selected', 'withdrawn'],
  deployed: ['returned'],
  returned: [],
  withdrawn: [],
};

/** Changes that need a date or a reason are asked for in a small form; the rest are one click. */
export type AssignmentAction = AssignmentStatus | 'extend';

export function needsInput(action: AssignmentAction): boolean {
  return action === 'deployed' || action === 'returned' || action === 'withdrawn' || action === 'extend';
}

/** An assignment can be extended while it is still open. */
export function canExtend(status: AssignmentStatus): boolean {
  return status === 'nominated' || status === 'selected' || status === 'ready' || status === 'deployed';
}

/** A deployment takes nominations until its officers are in country. */
export function isOpenForNominations(status: DeploymentStatus): boolean {
  return status === 'planning' || status === 'staffing' || status === 'predeployment';
}

/** Officers deploy once the deployment is in pre-deployment or in country. */
export function isUnderWay(status: DeploymentStatus): boolean {
  return status === 'predeployment' || status === 'in_country';
}
