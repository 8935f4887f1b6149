import type { Assignment } from '../../api/schemas';

/** What may be done to an assignment: a status to move it to, or an extension (the server says which, in `allowedActions`). */
export type AssignmentAction = Assignment['allowedActions'][number];

/** Changes that need a date or a reason are asked for in a small form; the rest are one click. */
export function needsInput(action: AssignmentAction): boolean {
  return action === 'deployed' || action === 'returned' || action === 'withdrawn' || action === 'extend';
}
