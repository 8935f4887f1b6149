import { definePolicy, grant, STAFF } from '../../platform/policy.js';

/**
 * Admins manage user accounts; everyone reads their own account (the service lets a user read
 * themselves). The program office picks the owners of its work among its own staff.
 */
export const usersPolicy = definePolicy({
  holders: () => ({}),
  rules: {
    read: { admin: 'all' },
    create: { admin: 'all' },
    update: { admin: 'all' },
    resetPassword: { admin: 'all' },
    resetSecondFactor: { admin: 'all' },
    /** See any user's sessions and API tokens and end them. */
    manageSessions: { admin: 'all' },
    assignWork: grant(STAFF, 'all'),
  },
});

/** Who may own program work (partnerships, follow-ups): an active admin or program officer. */
export const WORK_OWNERS: readonly string[] = STAFF;
