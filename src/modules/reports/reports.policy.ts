import type { Actor } from '../../platform/access.js';
import { definePolicy, grant, READERS } from '../../platform/policy.js';

/** The program's figures and documents (dashboard, year report, IATI) are the program office's and its viewers'. */
export const reportsPolicy = definePolicy({
  holders: () => ({}),
  rules: {
    read: grant(READERS, 'all'),
  },
});

const ownRun = { reach: 'all', when: (run: { created_by: string | null }, actor: Actor) => actor.id !== null && run.created_by === actor.id } as const;

/** A report run in the background is its starter's; admins may follow anyone's. */
export const reportRunsPolicy = definePolicy({
  holders: () => ({}),
  rules: {
    read: { ...grant(READERS, ownRun), admin: 'all' },
    create: grant(READERS, 'all'),
  },
});
