import { definePolicy, grant, STAFF } from '../../platform/policy.js';

/** Vetting results are the program office's alone: no other role sees them, not even a person's own agency. */
export const vettingPolicy = definePolicy({
  holders: (record: { personId: string }) => ({ personIds: [record.personId] }),
  rules: {
    read: grant(STAFF, 'all'),
    create: grant(STAFF, 'all'),
    recordResult: grant(STAFF, 'all'),
  },
});
