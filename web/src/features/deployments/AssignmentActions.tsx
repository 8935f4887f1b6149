import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignment, AssignmentStatus } from '../../api/schemas';
import { useChangeAssignmentStatus } from './api';
import { type AssignmentAction, needsInput } from './transitions';

/** Asks the row to take focus back once the assignment it shows has changed. */
export interface FocusRequest {
  id: string;
  fromVersion: number;
}

export function actionLabelKey(from: AssignmentStatus, action: AssignmentAction) {
  if (action === 'nominated') return 'assignments.actions.backToNominated' as const;
  if (action === 'selected' && from === 'ready') return 'assignments.actions.backToSelected' as const;
  return `assignments.actions.${action}` as const;
}

/** The step along the way (select, ready, deploy, return) is the filled button; the rest are outlined. */
function isForward(from: AssignmentStatus, action: AssignmentAction): boolean {
  if (action === 'withdrawn' || action === 'extend' || action === 'nominated') return false;
  return !(action === 'selected' && from === 'ready');
}

interface AssignmentActionsProps {
  assignment: Assignment;
  focusRequest: FocusRequest | null;
  onFocused: () => void;
  onOpenForm: (assignment: Assignment, action: AssignmentAction) => void;
  onChanged: (assignment: Assignment, fromVersion: number) => void;
  onProblem: (error: unknown) => void;
}

/**
 * One button per change the server allows on the assignment (its `allowedActions`). Those that
 * need a date or a reason open a form under the table; the others happen at once.
 */
export function AssignmentActions({ assignment, focusRequest, onFocused, onOpenForm, onChanged, onProblem }: AssignmentActionsProps) {
  const { t } = useTranslation();
  const change = useChangeAssignmentStatus(assignment);
  const container = useRef<HTMLDivElement>(null);

  // Once the changed assignment is on screen, focus its first action (or its person's link):
  // the button pressed has usually gone, and focus must not fall back to the page's start.
  useEffect(() => {
    if (focusRequest?.id !== assignment.id || focusRequest.fromVersion === assignment.version) return;
    const target = container.current?.querySelector('button') ?? document.getElementById(`assignment-person-${assignment.id}`);
    target?.focus();
    onFocused();
  }, [focusRequest, assignment.id, assignment.version, onFocused]);

  const run = async (status: AssignmentStatus) => {
    try {
      const saved = await change.mutateAsync({ status });
      onChanged(saved, assignment.version);
    } catch (error) {
      onProblem(error);
    }
  };

  return (
    <div ref={container} className="assignment-actions">
      {assignment.allowedActions.map((action) => {
        const label = t(actionLabelKey(assignment.status, action));
        return (
          <button
            key={action}
            id={`assignment-${action}-${assignment.id}`}
            type="button"
            className={`usa-button usa-button--small ${isForward(assignment.status, action) ? '' : 'usa-button--outline'}`}
            aria-label={t('assignments.actionLabel', { action: label, name: assignment.person.name })}
            disabled={change.isPending}
            onClick={() => (needsInput(action) ? onOpenForm(assignment, action) : void run(action as AssignmentStatus))}
          >
            {label}
          </button>
        );
      })}
    </div>
  );
}
