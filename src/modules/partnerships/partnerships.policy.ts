import { definePolicy, grant, READERS, STAFF } from '../../platform/policy.js';

/** A partnership or agreement belongs to its partner organization. */
const heldByPartner = (record: { organization_id: string }) => ({ organizationIds: [record.organization_id] });

/**
 * The pipeline is the program office's own business: staff and viewers see all of it, a
 * coordinator sees only their agency's partnership, instructors none. Only staff change it.
 */
export const partnershipsPolicy = definePolicy({
  holders: heldByPartner,
  rules: {
    read: { ...grant(READERS, 'all'), coordinator: 'organization' },
    create: grant(STAFF, 'all'),
    update: grant(STAFF, 'all'),
    changeStage: grant(STAFF, 'all'),
  },
});

/** The agreements behind a partnership follow the same lines as the partnership. */
export const agreementsPolicy = definePolicy({
  holders: heldByPartner,
  rules: {
    read: { ...grant(READERS, 'all'), coordinator: 'organization' },
    create: grant(STAFF, 'all'),
    update: grant(STAFF, 'all'),
  },
});
