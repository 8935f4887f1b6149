import { definePolicy, grant, READERS, STAFF } from '../../platform/policy.js';

/** Whom a person's record belongs to: their agency, and themselves. */
export interface PersonAccess {
  readonly id: string;
  readonly organizationId: string;
}

/**
 * Staff see everyone in full; viewers see everyone's names only (`readDetail` is what shows the
 * rest); a coordinator sees and edits their own agency's people; an instructor sees their own
 * record. Passport numbers are shown in full only to program office staff, and each reveal is
 * audited.
 */
export const peoplePolicy = definePolicy({
  holders: (person: PersonAccess) => ({ organizationIds: [person.organizationId], personIds: [person.id] }),
  rules: {
    read: { ...grant(READERS, 'all'), coordinator: 'organization', instructor: 'person' },
    readDetail: { ...grant(STAFF, 'all'), coordinator: 'organization', instructor: 'person' },
    create: { ...grant(STAFF, 'all'), coordinator: 'organization' },
    update: { ...grant(STAFF, 'all'), coordinator: 'organization' },
    setReadiness: { ...grant(STAFF, 'all'), coordinator: 'organization' },
    revealPassport: grant(STAFF, 'all'),
  },
});

export const personAccess = (row: { id: string; organization_id: string }): PersonAccess => ({ id: row.id, organizationId: row.organization_id });
