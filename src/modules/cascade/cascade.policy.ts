import { definePolicy, grant, READERS } from '../../platform/policy.js';

/**
 * The program's cascade is for the program office and its viewers. One instructor's cascade
 * is theirs, their agency's and the office's to see.
 */
export const cascadePolicy = definePolicy({
  holders: (instructor: { id: string; organizationId: string }) => ({ organizationIds: [instructor.organizationId], personIds: [instructor.id] }),
  rules: {
    read: { ...grant(READERS, 'all'), coordinator: 'organization', instructor: 'person' },
    readProgram: grant(READERS, 'all'),
  },
});
