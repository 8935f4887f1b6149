import type { Actor } from '../../platform/access.js';
import { type AssignmentAccess, assignmentsPolicy, type DeploymentAccess, deploymentsPolicy } from './deployments.policy.js';
import { ASSIGNMENT_TRANSITIONS, DEPLOYABLE, isDeploymentActionOpen, isExtendable } from './deployments.rules.js';
import { ASSIGNMENT_ACTIONS, type AssignmentAction, DEPLOYMENT_ACTIONS, type DeploymentAction, type DeploymentStatus } from './deployments.schemas.js';

/** What the actor may do to a deployment: what the policy grants them, among what its state allows. */
export function deploymentActions(actor: Actor, deployment: DeploymentAccess): DeploymentAction[] {
  const granted = new Set<string>(deploymentsPolicy.allowedActions(actor, deployment));
  return DEPLOYMENT_ACTIONS.filter((action) => granted.has(action) && isDeploymentActionOpen(action, deployment.status));
}

/**
 * What the actor may do to an assignment: the statuses the rules let it move to next that the
 * policy grants them (deploying once its deployment is under way), and an extension while it is open.
 */
export function assignmentActions(actor: Actor, assignment: AssignmentAccess & { deployment_status: DeploymentStatus }): AssignmentAction[] {
  const granted = new Set<string>(assignmentsPolicy.allowedActions(actor, assignment));
  const next = new Set<string>(ASSIGNMENT_TRANSITIONS[assignment.status]);
  if (!DEPLOYABLE.includes(assignment.deployment_status)) next.delete('deployed');
  return ASSIGNMENT_ACTIONS.filter((action) => granted.has(action) && (action === 'extend' ? isExtendable(assignment.status) : next.has(action)));
}
