import { type Actor, isStaff, type Role } from '../../platform/access.js';

/** Which organizations an actor may see: all of them, only their own, or none. */
export type OrganizationScope = { kind: 'all' } | { kind: 'own'; organizationId: string } | { kind: 'none' };

export function organizationScope(actor: Actor): OrganizationScope {
  if (isStaff(actor) || actor.role === 'viewer') return { kind: 'all' };
  if (actor.organizationId) return { kind: 'own', organizationId: actor.organizationId };
  return { kind: 'none' };
}

export function canSeeOrganization(actor: Actor, organizationId: string): boolean {
  const scope = organizationScope(actor);
  return scope.kind === 'all' || (scope.kind === 'own' && scope.organizationId === organizationId);
}

export const organizationWriters: readonly Role[] = ['admin', 'program_officer'];
