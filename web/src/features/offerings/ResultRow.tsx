import { useEffect } from 'react';
import { type FieldErrors, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Enrollment, recordResultSchema } from '../../api/schemas';
import { apiResolver } from '../../components/form/resolver';
import { Foreign } from '../../language/Foreign';
import { numberToText, toNumber } from '../../components/form/values';
import { useRecordResult } from './api';

export interface ResultValues {
  attendancePercent: string;
  score: string;
  status: string;
}

type ResultStatus = 'enrolled' | 'withdrawn' | 'no_show';
const STATUSES: ResultStatus[] = ['enrolled', 'withdrawn', 'no_show'];
const FIELDS = ['attendancePercent', 'score', 'status'] as const;

export interface RowProblem {
  fieldId: string;
  label: string;
  message: string;
}

function toValues(enrollment: Enrollment): ResultValues {
  return { attendancePercent: numberToText(enrollment.attendancePercent), score: numberToText(enrollment.score), status: enrollment.status };
}

function toRequest(values: ResultValues) {
  return { attendancePercent: toNumber(values.attendancePercent), score: toNumber(values.score), status: values.status as ResultStatus };
}

export const resultFieldId = (enrollmentId: string, field: string) => `result-${enrollmentId}-${field}`;

interface ResultRowProps {
  enrollment: Enrollment;
  /** Field problems of this row (empty once it saves), for the section's error summary. */
  onProblems: (enrollmentId: string, problems: RowProblem[]) => void;
  /** A save stopped by the browser's checks: the section's summary takes focus. */
  onInvalid: () => void;
  onSaved: (enrollment: Enrollment) => void;
  onRefused: (error: unknown) => void;
}

/**
 * One participant's attendance, score and status, saved on its own with the enrollment's
 * version. The inputs sit in the table's cells and belong to the row's form through their
 * `form` attribute, so Enter in any of them saves the row.
 */
export function ResultRow({ enrollment, onProblems, onInvalid, onSaved, onRefused }: ResultRowProps) {
  const { t } = useTranslation();
  const record = useRecordResult(enrollment);
  const form = useForm({
    defaultValues: toValues(enrollment),
    resolver: apiResolver({
      schema: recordResultSchema,
      toRequest,
      // "abc" or "92.5" would only be "not valid": say what is wanted instead.
      check: (values) =>
        (['attendancePercent', 'score'] as const)
          .filter((field) => !Number.isInteger(toNumber(values[field]) ?? 0))
          .map((field) => ({ field, message: t('roster.wholeNumber') })),
    }),
    shouldFocusError: false,
  });
  const { errors, isDirty, isSubmitting } = form.formState;
  const formId = `result-${enrollment.id}`;
  const name = enrollment.person.name;
  const labels: Record<(typeof FIELDS)[number], string> = {
    attendancePercent: t('roster.fields.attendancePercentOf', { name }),
    score: t('roster.fields.scoreOf', { name }),
    status: t('roster.fields.statusOf', { name }),
  };

  // The section's error summary follows the row's errors as they come and go.
  const messages = FIELDS.map((field) => (errors as FieldErrors<ResultValues>)[field]?.message ?? '');
  const messagesKey = messages.join('\u0000');
  useEffect(() => {
    const found = messagesKey.split('\u0000');
    onProblems(
      enrollment.id,
      FIELDS.flatMap((field, index) => {
        const message = found[index];
        return message ? [{ fieldId: resultFieldId(enrollment.id, field), label: t(`roster.fields.${field}Of`, { name }), message }] : [];
      }),
    );
  }, [messagesKey, enrollment.id, name, t, onProblems]);

  const submit = form.handleSubmit(async (body) => {
    try {
      const saved = await record.mutateAsync(body);
      form.reset(toValues(saved));
      onSaved(saved);
    } catch (error) {
      onRefused(error);
    }
  }, onInvalid);

  const input = (field: 'attendancePercent' | 'score') => {
    const id = resultFieldId(enrollment.id, field);
    const message = errors[field]?.message;
    return (
      <>
        <label className="usa-sr-only" htmlFor={id}>
          {labels[field]}
        </label>
        {message && (
          <span className="usa-error-message" id={`${id}-error`}>
            {message}
          </span>
        )}
        <input
          id={id}
          form={formId}
          className={`usa-input usa-input--small results__input ${message ? 'usa-input--error' : ''}`}
          inputMode="numeric"
          autoComplete="off"
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          {...form.register(field)}
        />
      </>
    );
  };

  return (
    <tr>
      <th scope="row" data-label={t('roster.fields.person')}>
        <Link to={`/people/${enrollment.person.id}`}>{name}</Link>
        <span className="display-block text-normal text-base-dark">
          <Foreign>{enrollment.person.organizationName}</Foreign>
        </span>
      </th>
      <td data-label={t('roster.fields.attendance')}>{input('attendancePercent')}</td>
      <td data-label={t('roster.fields.score')}>{input('score')}</td>
      <td data-label={t('roster.fields.status')}>
        <label className="usa-sr-only" htmlFor={resultFieldId(enrollment.id, 'status')}>
          {labels.status}
        </label>
        <select id={resultFieldId(enrollment.id, 'status')} form={formId} className="usa-select results__select" {...form.register('status')}>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`enrollmentStatuses.${status}`)}
            </option>
          ))}
        </select>
      </td>
      <td data-label={t('common.actions')}>
        <form id={formId} noValidate onSubmit={(event) => void submit(event)} className="results__actions">
          <button type="submit" className="usa-button usa-button--small" aria-label={t('roster.saveLabel', { name })} disabled={isSubmitting}>
            {isSubmitting ? t('form.saving') : t('roster.save')}
          </button>
          {isDirty && <span className="results__unsaved">{t('roster.unsaved')}</span>}
        </form>
      </td>
    </tr>
  );
}
