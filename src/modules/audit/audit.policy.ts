import { definePolicy } from '../../platform/policy.js';

/** The audit log is the admins' alone: browsing it and checking its chain. */
export const auditPolicy = definePolicy({
  holders: () => ({}),
  rules: {
    read: { admin: 'all' },
    verify: { admin: 'all' },
  },
});
