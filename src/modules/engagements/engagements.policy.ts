import { definePolicy, grant, READERS, STAFF } from '../../platform/policy.js';

/** Engagements and follow-ups belong to the partner organization they are with (if any). */
const heldByPartner = (record: { organization_id: string | null }) => ({ organizationIds: [record.organization_id] });

/**
 * Engagements and follow-ups belong to the partner relationship, so they follow its lines: staff
 * and viewers see all, a coordinator their own agency's (work with no agency is the program
 * office's alone), instructors none; only staff log and change them.
 */
export const engagementsPolicy = definePolicy({
  holders: heldByPartner,
  rules: {
    read: { ...grant(READERS, 'all'), coordinator: 'organization' },
    create: grant(STAFF, 'all'),
    update: grant(STAFF, 'all'),
    withdraw: grant(STAFF, 'all'),
  },
});

export const tasksPolicy = definePolicy({
  holders: heldByPartner,
  rules: {
    read: { ...grant(READERS, 'all'), coordinator: 'organization' },
    create: grant(STAFF, 'all'),
    update: grant(STAFF, 'all'),
  },
});
