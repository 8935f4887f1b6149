import type { Actor } from '../../platform/access.js';
import { forbidden } from '../../platform/errors.js';
import { definePolicy, grant, type Scope, STAFF } from '../../platform/policy.js';
import { IMPORT_KINDS, type ImportKind } from './imports.fields.js';
import { importsText } from './imports.messages.js';

type ImportRecord = { organization_id: string | null; created_by: string | null };

const madeByActor = { reach: 'all', when: (row: ImportRecord, actor: Actor) => actor.id !== null && row.created_by === actor.id } as const;

/**
 * Who may import what, and see which imports. Staff import anything and see every import. A
 * coordinator imports their own agency's roster and enrolls people, and sees their agency's
 * imports and the ones they made (an attendance sheet belongs to an offering, not to their
 * agency); an instructor imports attendance and follows their own imports. Viewers import nothing.
 */
export const importsPolicy = definePolicy({
  holders: (row: ImportRecord) => ({ organizationIds: [row.organization_id] }),
  rules: {
    read: { ...grant(STAFF, 'all'), coordinator: 'organization' },
    /** One's own imports, whatever agency they are for. */
    followOwn: { coordinator: madeByActor, instructor: madeByActor },
    people: { ...grant(STAFF, 'all'), coordinator: 'organization' },
    organizations: grant(STAFF, 'all'),
    enrollments: { ...grant(STAFF, 'all'), coordinator: 'all', instructor: 'all' },
    certifications: grant(STAFF, 'all'),
  },
});

/**
 * An attendance sheet is imported into an offering: an instructor only into the offerings they
 * record attendance for (the enrollments service checks the people, row by row, as it does one by one).
 */
export const attendanceImportsPolicy = definePolicy({
  holders: () => ({}),
  rules: {
    read: { ...grant(STAFF, 'all'), coordinator: 'all', instructor: 'all' },
    create: { ...grant(STAFF, 'all'), coordinator: 'all', instructor: { reach: 'all', when: (offering: { isRecorder: boolean }) => offering.isRecorder } },
  },
});

export function canImport(actor: Actor, kind: ImportKind): boolean {
  return importsPolicy.allows(actor, kind);
}

export function requireImporter(actor: Actor, kind: ImportKind): void {
  if (canImport(actor, kind)) return;
  // Certification is program-office work: someone who imports other files is told where this one goes.
  if (kind === 'certifications' && isAnyImporter(actor)) {
    throw forbidden(importsText('policy.certificationsOffice'));
  }
  throw forbidden(importsText('policy.roleKind', { kind: importsText(`kind.${kind}`) }));
}

function isAnyImporter(actor: Actor): boolean {
  return IMPORT_KINDS.some((kind) => canImport(actor, kind));
}

/** Anyone who may import something (the list of imports, saved mappings). */
export function requireAnyImporter(actor: Actor): void {
  if (!isAnyImporter(actor)) throw forbidden(importsText('policy.role'));
}

export function canSeeImport(actor: Actor, row: ImportRecord): boolean {
  return importsPolicy.can(actor, 'read', row) || importsPolicy.can(actor, 'followOwn', row);
}

/** The imports of which agencies the actor sees: every agency's, their own agency's, or none (only their own imports). */
function agencyScopeOf(actor: Actor): Scope | null {
  return importsPolicy.scopeOrNull(actor, 'read');
}

/** The agency an actor's imports and mappings are bound to; null when they work for every agency or none. */
export function boundAgencyOf(actor: Actor): string | null {
  const scope = agencyScopeOf(actor);
  return scope?.kind === 'organization' ? scope.organizationId : null;
}

/** The list's filter, from the policy: every import, an agency's, one's own, or an agency's and one's own. */
export function importFilterFor(actor: Actor): { organizationId?: string; createdBy?: string } {
  const scope = agencyScopeOf(actor);
  if (scope?.kind === 'all') return {};
  const createdBy = importsPolicy.allows(actor, 'followOwn') && actor.id ? actor.id : undefined;
  const organizationId = scope?.kind === 'organization' ? scope.organizationId : undefined;
  if (!organizationId && !createdBy) throw forbidden();
  return { ...(organizationId ? { organizationId } : {}), ...(createdBy ? { createdBy } : {}) };
}

/** Where a saved mapping lives: the office's for those who see every import, the agency's, or one's own. */
export function mappingScopeOf(actor: Actor): string {
  const scope = agencyScopeOf(actor);
  if (scope?.kind === 'all') return 'office';
  if (scope?.kind === 'organization') return scope.organizationId;
  if (actor.id) return `user:${actor.id}`;
  throw forbidden();
}

/** The scopes whose mappings an actor may use: the office's and their own. Null: all (staff). */
export function visibleMappingScopes(actor: Actor): string[] | null {
  if (agencyScopeOf(actor)?.kind === 'all') return null;
  return ['office', mappingScopeOf(actor)];
}

/**
 * Who keeps a saved mapping (and may delete it): staff any they may import with; a coordinator
 * their agency's, an instructor their own. The office's mappings are the office's to keep.
 */
export function keepsMapping(actor: Actor, mapping: { kind: ImportKind; scope: string }): boolean {
  if (!canImport(actor, mapping.kind)) return false;
  return agencyScopeOf(actor)?.kind === 'all' || mapping.scope === mappingScopeOf(actor);
}
