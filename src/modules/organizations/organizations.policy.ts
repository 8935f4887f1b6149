import { definePolicy, grant, READERS, STAFF } from '../../platform/policy.js';

/**
 * Staff and viewers see every organization; a coordinator sees their own agency. Only the
 * program office adds, edits and archives organizations.
 */
export const organizationsPolicy = definePolicy({
  holders: (organization: { id: string }) => ({ organizationIds: [organization.id] }),
  rules: {
    read: { ...grant(READERS, 'all'), coordinator: 'organization' },
    create: grant(STAFF, 'all'),
    update: grant(STAFF, 'all'),
    archive: grant(STAFF, 'all'),
  },
});
