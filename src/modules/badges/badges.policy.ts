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

/**
 * What an issuer prints on its certificates (its mark, its signatory): read by the program
 * office and its viewers, set by its staff.
 */
export const issuerProfilesPolicy = definePolicy({
  holders: (issuer: { organizationId: string }) => ({ organizationIds: [issuer.organizationId] }),
  rules: {
    read: grant(READERS, 'all'),
    update: grant(STAFF, 'all'),
  },
});
