import { type Actor, isStaff } from '../../platform/access.js';
import { forbidden } from '../../platform/errors.js';

/**
 * Who sees which people, and how much. Staff see everyone in full; a coordinator sees and edits
 * their own agency's people; an instructor sees their own record; viewers see names only.
 */
export type PeopleScope =
  | { kind: 'all'; detail: 'full' | 'names' }
  | { kind: 'organization'; organizationId: string; detail: 'full' }
  | { kind: 'person'; personId: string; detail: 'full' };

export function peopleScope(actor: Actor): PeopleScope {
  if (isStaff(actor)) return { kind: 'all', detail: 'full' };
  if (actor.role === 'viewer') return { kind: 'all', detail: 'names' };
  if (actor.role === 'coordinator' && actor.organizationId) return { kind: 'organization', organizationId: actor.organizationId, detail: 'full' };
  if (actor.role === 'instructor' && actor.personId) return { kind: 'person', personId: actor.personId, detail: 'full' };
  throw forbidden();
}

export function canSeePerson(actor: Actor, person: { id: string; organization_id: string }): boolean {
  const scope = peopleScope(actor);
  if (scope.kind === 'all') return true;
  if (scope.kind === 'organization') return scope.organizationId === person.organization_id;
  return scope.personId === person.id;
}

/** Staff edit anyone; a coordinator edits their own agency's people, and only there. */
export function canEditPeopleOf(actor: Actor, organizationId: string): boolean {
  return isStaff(actor) || (actor.role === 'coordinator' && actor.organizationId === organizationId);
}

/** Passport numbers are shown in full only to program office staff who ask, and each reveal is audited. */
export function canRevealPassport(actor: Actor): boolean {
  return isStaff(actor);
}
