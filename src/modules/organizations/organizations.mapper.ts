import type { OrganizationRow } from '../../platform/db/schema.js';
import type { Organization } from './organizations.schemas.js';

export function toOrganization(row: OrganizationRow): Organization {
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
  };
}
