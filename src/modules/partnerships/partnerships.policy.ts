import { type Actor, isStaff, type Role } from '../../platform/access.js';
import { forbidden } from '../../platform/errors.js';

/**
 * The pipeline is the program office's own business: staff and viewers see all of it, a
 * coordinator sees only their agency's partnership, instructors none.
 */
export type PartnershipScope = { kind: 'all' } | { kind: 'own'; organizationId: string };

export function partnershipScope(actor: Actor): PartnershipScope {
  if (isStaff(actor) || actor.role === 'viewer') return { kind: 'all' };
  if (actor.role === 'coordinator' && actor.organizationId) return { kind: 'own', organizationId: actor.organizationId };
  throw forbidden();
}

export function canSeePartnerOf(actor: Actor, organizationId: string): boolean {
  const scope = partnershipScope(actor);
  return scope.kind === 'all' || scope.organizationId === organizationId;
}

export const partnershipWriters: readonly Role[] = ['admin', 'program_officer'];
