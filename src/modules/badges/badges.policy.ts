import { definePolicy, grant, READERS, STAFF } from '../../platform/policy.js';

/**
 * Endorsements say which academies issue under the program's standard: the program office and
 * its viewers read them, and only the program office endorses or withdraws.
 */
export const endorsementsPolicy = definePolicy({
  holders: (endorsement: { organizationId: string }) => ({ organizationIds: [endorsement.organizationId] }),
  rules: {
    read: grant(READERS, 'all'),
    create: grant(STAFF, 'all'),
    withdraw: grant(STAFF, 'all'),
  },
});
