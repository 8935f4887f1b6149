import type { Actor } from '../../platform/access.js';
import { partnershipScope } from '../partnerships/partnerships.policy.js';

/**
 * Engagements and follow-ups belong to the partner relationship, so they follow its scope:
 * a coordinator sees their own agency's; work with no agency is the program office's alone.
 */
export const engagementScope = partnershipScope;

export function canSeeWorkOf(actor: Actor, organizationId: string | null): boolean {
  const scope = partnershipScope(actor);
  return scope.kind === 'all' || (organizationId !== null && scope.organizationId === organizationId);
}

export { partnershipWriters as engagementWriters } from '../partnerships/partnerships.policy.js';
