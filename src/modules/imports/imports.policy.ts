import { type Actor, isStaff } from '../../platform/access.js';
import { forbidden } from '../../platform/errors.js';
import type { ImportKind } from './imports.fields.js';

/**
 * Who may import what. Staff import anything. A coordinator imports their own agency's roster
 * and enrolls their own people; an instructor imports the attendance of the offerings they teach
 * (the enrollments service checks that, row by row, as it does one by one). Viewers import nothing.
 */
const IMPORTERS: Record<ImportKind, readonly Actor['role'][]> = {
  people: ['admin', 'program_officer', 'coordinator'],
  organizations: ['admin', 'program_officer'],
  enrollments: ['admin', 'program_officer', 'coordinator', 'instructor'],
  certifications: ['admin', 'program_officer'],
};

export function requireImporter(actor: Actor, kind: ImportKind): void {
  if (!IMPORTERS[kind].includes(actor.role)) throw forbidden(`Your role does not import ${kind}.`);
}

/** Anyone who may import something (the list of imports, saved mappings). */
export function requireAnyImporter(actor: Actor): void {
  if (actor.role === 'viewer') throw forbidden('Your role does not import.');
}

/**
 * Staff see every import; a coordinator their agency's and their own (an attendance sheet belongs
 * to an offering, not to their agency); an instructor their own.
 */
export function canSeeImport(actor: Actor, row: { organization_id: string | null; created_by: string | null }): boolean {
  if (isStaff(actor)) return true;
  if (actor.role === 'coordinator') return (actor.organizationId !== null && row.organization_id === actor.organizationId) || (actor.id !== null && row.created_by === actor.id);
  if (actor.role === 'instructor') return actor.id !== null && row.created_by === actor.id;
  return false;
}

export function importFilterFor(actor: Actor): { organizationId?: string; createdBy?: string } {
  if (isStaff(actor)) return {};
  if (actor.role === 'coordinator' && actor.organizationId) return { organizationId: actor.organizationId, ...(actor.id ? { createdBy: actor.id } : {}) };
  if (actor.id) return { createdBy: actor.id };
  throw forbidden();
}

/** Where a saved mapping lives: the office's for staff, the agency's for a coordinator, one's own otherwise. */
export function mappingScopeOf(actor: Actor): string {
  if (isStaff(actor)) return 'office';
  if (actor.role === 'coordinator' && actor.organizationId) return actor.organizationId;
  if (actor.id) return `user:${actor.id}`;
  throw forbidden();
}

/** The scopes whose mappings an actor may use: the office's and their own. Null: all (staff). */
export function visibleMappingScopes(actor: Actor): string[] | null {
  if (isStaff(actor)) return null;
  return ['office', mappingScopeOf(actor)];
}
