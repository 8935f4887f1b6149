import { type Actor, isStaff, type Role } from '../../platform/access.js';
import { forbidden } from '../../platform/errors.js';
import { ASSIGNMENT_TRANSITIONS } from './deployments.rules.js';
import type { AssignmentStatus } from './deployments.schemas.js';

/**
 * Staff and viewers see every deployment. A coordinator sees those open for nominations and
 * those their agency's people are in, and only their own people's assignments; an instructor
 * sees the deployments they are in.
 */
export type DeploymentScope =
  | { kind: 'all' }
  | { kind: 'organization'; organizationId: string }
  | { kind: 'person'; personId: string };

export function deploymentScope(actor: Actor): DeploymentScope {
  if (isStaff(actor) || actor.role === 'viewer') return { kind: 'all' };
  if (actor.role === 'coordinator' && actor.organizationId) return { kind: 'organization', organizationId: actor.organizationId };
  if (actor.role === 'instructor' && actor.personId) return { kind: 'person', personId: actor.personId };
  throw forbidden();
}

export function canSeeAssignment(actor: Actor, assignment: { person_id: string; person_organization_id: string }): boolean {
  const scope = deploymentScope(actor);
  if (scope.kind === 'all') return true;
  if (scope.kind === 'organization') return assignment.person_organization_id === scope.organizationId;
  return assignment.person_id === scope.personId;
}

/** Readiness blockers are personal: staff see them, and a coordinator for their own people. */
export function canSeeBlockers(actor: Actor): boolean {
  return isStaff(actor) || actor.role === 'coordinator';
}

export const deploymentWriters: readonly Role[] = ['admin', 'program_officer'];
export const nominators: readonly Role[] = ['admin', 'program_officer', 'coordinator'];

/** The statuses this actor may move an assignment to: all allowed moves for staff; a coordinator may withdraw their own nomination. */
export function allowedAssignmentStatuses(actor: Actor, assignment: { status: string; person_organization_id: string }): AssignmentStatus[] {
  const next = ASSIGNMENT_TRANSITIONS[assignment.status as AssignmentStatus];
  if (isStaff(actor)) return [...next];
  const isOwnNomination = actor.role === 'coordinator' && actor.organizationId === assignment.person_organization_id;
  return isOwnNomination && (assignment.status === 'nominated' || assignment.status === 'selected') ? ['withdrawn'] : [];
}
