import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type Assignment, changeAssignmentStatusSchema, extendAssignmentSchema } from '../../api/schemas';
import { formatDate, todayIso } from '../../components/format';
import { Form } from '../../components/form/Form';
import { DateField } from '../../components/form/DateField';
import { TextAreaField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { blankToNull } from '../../components/form/values';
import { useChangeAssignmentStatus, useExtendAssignment } from './api';

type InputAction = 'deployed' | 'returned' | 'withdrawn';

interface FormProps {
  assignment: Assignment;
  onDone: (saved: Assignment | null) => void;
}

/** Deploying or returning (on a date) and withdrawing (for a reason). */
export function StatusChangeForm({ assignment, action, onDone }: FormProps & { action: InputAction }) {
  const { t } = useTranslation();
  const change = useChangeAssignmentStatus(assignment);
  const today = todayIso();
  // Officers usually leave on the planned start; a start still to come cannot be recorded yet.
  const defaultOn = action === 'deployed' ? (assignment.startOn <= today ? assignment.startOn : today) : today;
  const form = useForm({
    defaultValues: { on: action === 'withdrawn' ? '' : defaultOn, reason: '' },
    resolver: apiResolver({
      schema: changeAssignmentStatusSchema,
      toRequest: (values: { on: string; reason: string }) => ({ status: action, on: blankToNull(values.on) ?? undefined, reason: blankToNull(values.reason) }),
      check: (values) => (action === 'withdrawn' && !values.reason.trim() ? [{ field: 'reason', message: t('assignments.reasonRequired') }] : []),
    }),
    shouldFocusError: false,
  });
  return (
    <Form
      form={form}
      idPrefix={`assignment-${action}`}
      labels={{ on: t(`assignments.onLabels.${action}`), reason: t('assignments.fields.reason') }}
      submitLabel={t(`assignments.submit.${action}`)}
      hasRequiredNote={action === 'withdrawn'}
      cancel={() => onDone(null)}
      onSubmit={async (body) => onDone(await change.mutateAsync(body))}
    >
      {action === 'withdrawn' ? (
        <TextAreaField name="reason" isRequired className="short-textarea" />
      ) : (
        <DateField name="on" hint={t(`assignments.hints.${action}`)} />
      )}
    </Form>
  );
}

/** Moves the end of an assignment later, for a reason. */
export function ExtendForm({ assignment, onDone }: FormProps) {
  const { t } = useTranslation();
  const extend = useExtendAssignment(assignment);
  const form = useForm({
    defaultValues: { endOn: '', reason: '' },
    resolver: apiResolver({
      schema: extendAssignmentSchema,
      // An empty date is "required", not "not a date".
      toRequest: (values: { endOn: string; reason: string }) => ({ endOn: (values.endOn || undefined) as string, reason: blankToNull(values.reason) }),
    }),
    shouldFocusError: false,
  });
  return (
    <Form
      form={form}
      idPrefix="assignment-extend"
      labels={{ endOn: t('assignments.fields.newEndOn'), reason: t('assignments.fields.reason') }}
      submitLabel={t('assignments.submit.extend')}
      cancel={() => onDone(null)}
      onSubmit={async (body) => onDone(await extend.mutateAsync(body))}
    >
      <DateField name="endOn" isRequired hint={t('assignments.hints.extend', { date: formatDate(assignment.endOn) })} />
      <TextAreaField name="reason" className="short-textarea" />
    </Form>
  );
}
