import { useCallback, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Assignment, DeploymentDetail } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { type Column, DataTable } from '../../components/DataTable';
import { formatCount, formatDate } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { actionLabelKey, AssignmentActions, type FocusRequest } from './AssignmentActions';
import { ExtendForm, StatusChangeForm } from './AssignmentActionForm';
import { AssignmentDates, AssignmentPerson } from './AssignmentPerson';
import { AssignmentStatusTag } from './StatusTags';
import type { AssignmentAction } from './transitions';

interface OpenForm {
  id: string;
  action: AssignmentAction;
}

/**
 * The officers of each rotation with their readiness blockers and the changes they may take
 * next. A refusal (a readiness rule, a full rotation, an overlap) appears above the tables and
 * takes focus; a form that needs a date or reason opens under its rotation's table.
 */
export function AssignmentsSection({ deployment }: { deployment: DeploymentDetail }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<unknown>(null);
  const [problemKey, setProblemKey] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [openForm, setOpenForm] = useState<OpenForm | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const onFocused = useCallback(() => setFocusRequest(null), []);
  const hasActions = deployment.assignments.some((assignment) => assignment.allowedActions.length > 0);

  const changed = (saved: Assignment, fromVersion: number, action: AssignmentAction) => {
    setProblem(null);
    setNotice(
      action === 'extend'
        ? t('assignments.extended', { name: saved.person.name, date: formatDate(saved.endOn) })
        : t('assignments.changed', { name: saved.person.name, status: t(`assignmentStatuses.${saved.status}`) }),
    );
    setFocusRequest({ id: saved.id, fromVersion });
  };
  const refused = (error: unknown) => {
    setNotice(null);
    setProblem(error);
    setProblemKey((key) => key + 1);
  };
  const open = (assignment: Assignment, action: AssignmentAction) => {
    flushSync(() => {
      setProblem(null);
      setNotice(null);
      setOpenForm({ id: assignment.id, action });
    });
    document.getElementById('assignment-form-heading')?.focus();
  };
  const close = (assignment: Assignment, action: AssignmentAction, saved: Assignment | null) => {
    flushSync(() => setOpenForm(null));
    if (saved) changed(saved, assignment.version, action);
    else document.getElementById(`assignment-${action}-${assignment.id}`)?.focus();
  };

  const columns: Column<Assignment>[] = [
    { key: 'person', header: t('assignments.fields.person'), cell: (assignment) => <AssignmentPerson assignment={assignment} /> },
    { key: 'role', header: t('assignments.fields.role'), cell: (assignment) => t(`assignmentRoles.${assignment.role}`) },
    { key: 'status', header: t('assignments.fields.status'), cell: (assignment) => <AssignmentStatusTag status={assignment.status} /> },
    { key: 'dates', header: t('assignments.fields.dates'), cell: (assignment) => <AssignmentDates assignment={assignment} /> },
    { key: 'days', header: t('assignments.fields.personDays'), cell: (assignment) => formatCount(assignment.personDays) },
  ];
  if (hasActions) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      cell: (assignment) => (
        <AssignmentActions
          assignment={assignment}
          focusRequest={focusRequest}
          onFocused={onFocused}
          onOpenForm={open}
          onChanged={(saved, fromVersion) => changed(saved, fromVersion, saved.status)}
          onProblem={refused}
        />
      ),
    });
  }

  const formAssignment = openForm && deployment.assignments.find((assignment) => assignment.id === openForm.id);
  return (
    <section aria-labelledby="assignments-heading" className="margin-top-5">
      <h2 id="assignments-heading">{t('assignments.heading')}</h2>
      {notice && (
        <Alert type="success" headingLevel="h3" isSlim role="status" className="margin-bottom-2">
          {notice}
        </Alert>
      )}
      <ProblemAlert error={problem} focusKey={problemKey} headingLevel="h3" />
      {deployment.rotations.map((rotation) => {
        const rows = deployment.assignments.filter((assignment) => assignment.rotationId === rotation.id);
        const heading = t('assignments.rotationHeading', {
          number: rotation.sequence,
          from: formatDate(rotation.startOn),
          to: formatDate(rotation.endOn),
          taken: rotation.selectedCount,
          authorized: rotation.authorizedHeadcount,
        });
        return (
          <div key={rotation.id} className="margin-top-3">
            <h3 className="margin-bottom-1">{heading}</h3>
            <DataTable caption={heading} isCaptionHidden columns={columns} rows={rows} rowKey={(assignment) => assignment.id} empty={t('assignments.empty')} />
            {openForm && formAssignment?.rotationId === rotation.id && (
              <div className="margin-top-2 border-top border-base-lighter padding-top-2">
                <h4 id="assignment-form-heading" tabIndex={-1} className="margin-top-0 font-sans-md">
                  {t('assignments.formHeading', { action: t(actionLabelKey(formAssignment.status, openForm.action)), name: formAssignment.person.name })}
                </h4>
                {openForm.action === 'extend' ? (
                  <ExtendForm assignment={formAssignment} onDone={(saved) => close(formAssignment, 'extend', saved)} />
                ) : (
                  <StatusChangeForm
                    assignment={formAssignment}
                    action={openForm.action as 'deployed' | 'returned' | 'withdrawn'}
                    onDone={(saved) => close(formAssignment, openForm.action, saved)}
                  />
                )}
              </div>
            )}
          </div>
        );
      })}
    </section>
  );
}
