import type { OrganizationRow } from '../../platform/db/schema.js';
import type { Organization, OrganizationAction } from './organizations.schemas.js';

/** An organization as the API shows it, with what the caller may do to it (none in an audit event). */
export function toOrganization(row: OrganizationRow, allowedActions: OrganizationAction[] = []): Organization {
  return {
    id: row.id,
    name: row.name,
    acronym: row.acronym,
    kind: row.kind,
    country: row.country,
    subdivision: row.subdivision,
    city: row.city,
    parentId: row.parent_id,
    website: row.website,
    description: row.description,
    isArchived: row.archived_at !== null,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    allowedActions,
  };
}
