import { type Actor, isStaff, type Role } from '../../platform/access.js';
import { forbidden } from '../../platform/errors.js';

/**
 * Staff and viewers see all training. A coordinator sees the offerings, results and
 * certifications of their agency's people; an instructor, the offerings they teach or take and
 * their own record.
 */
export type TrainingScope = { kind: 'all' } | { kind: 'organization'; organizationId: string } | { kind: 'person'; personId: string };

export function trainingScope(actor: Actor): TrainingScope {
  if (isStaff(actor) || actor.role === 'viewer') return { kind: 'all' };
  if (actor.role === 'coordinator' && actor.organizationId) return { kind: 'organization', organizationId: actor.organizationId };
  if (actor.role === 'instructor' && actor.personId) return { kind: 'person', personId: actor.personId };
  throw forbidden();
}

export const catalogWriters: readonly Role[] = ['admin', 'program_officer'];

/** Staff manage any offering; an instructor records the roster and results of one they teach. */
export function canRecordResults(actor: Actor, instructorIds: readonly string[]): boolean {
  return isStaff(actor) || (actor.role === 'instructor' && actor.personId !== null && instructorIds.includes(actor.personId));
}

/** Closing issues certifications: staff, or the offering's lead instructor. */
export function canClose(actor: Actor, leadIds: readonly string[]): boolean {
  return isStaff(actor) || (actor.role === 'instructor' && actor.personId !== null && leadIds.includes(actor.personId));
}

export function canSeePersonTraining(actor: Actor, person: { id: string; organizationId: string }): boolean {
  const scope = trainingScope(actor);
  if (scope.kind === 'all') return true;
  if (scope.kind === 'organization') return person.organizationId === scope.organizationId;
  return person.id === scope.personId;
}
