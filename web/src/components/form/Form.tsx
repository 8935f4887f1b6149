import { type ReactNode, useEffect, useRef, useState } from 'react';
import { type FieldValues, FormProvider, type Path, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiProblem, fieldOfPointer, isProblem } from '../../api/problem';
import { ProblemAlert } from '../ProblemAlert';
import { ErrorSummary } from './ErrorSummary';
import { FormMetaContext } from './meta';
import { changedFields, VersionConflict } from './VersionConflict';

/** The record being edited as the server now holds it: its version and its values in the form's shape. */
export interface LatestRecord<TValues> {
  version: number;
  values: TValues;
}

interface FormProps<TValues extends FieldValues, TOut> {
  form: UseFormReturn<TValues, unknown, TOut>;
  /** Prefix of every field id, unique on the page. */
  idPrefix: string;
  /** Field label by field path (rows left out: `participants.name`). */
  labels: Record<string, string>;
  onSubmit: (values: TOut) => Promise<unknown>;
  /** Request field → form field, for the API's field problems. */
  fieldOfRequest?: Record<string, string>;
  submitLabel: string;
  /** Cancel beside the submit button: a link to where the user came from, or what closes the form. */
  cancel?: string | (() => void);
  children: ReactNode;
  className?: string;
  hasRequiredNote?: boolean;
  /** Heading of the alert for a refusal that is not about one field. */
  problemHeading?: string;
  /**
   * An edit form's record as last fetched (the same query the form's defaults came from). When a
   * save is refused because someone saved first (412), the refetched record arrives here and the
   * form shows what they changed, field by field, with the choice to keep one's own changes (saved
   * over the new version) or to take theirs.
   */
  latest?: LatestRecord<TValues>;
  /** A value as a reader knows it, where the form holds an id (an owner, an organization). */
  describeValue?: (field: string, value: unknown) => string | null;
}

/** Puts the API's field problems on their fields; answers whether any field took one. */
function showFieldProblems<TValues extends FieldValues>(form: UseFormReturn<TValues, unknown, unknown>, problem: ApiProblem, fieldOfRequest: Record<string, string>) {
  let isShown = false;
  for (const { pointer, detail } of problem.errors) {
    const requestField = fieldOfPointer(pointer);
    if (!requestField) continue;
    const [head = '', ...rest] = requestField.split('.');
    const field = [fieldOfRequest[head] ?? head, ...rest].join('.');
    form.setError(field as Path<TValues>, { type: 'server', message: detail });
    isShown = true;
  }
  return isShown;
}

/**
 * A form that validates in the browser with the API's schema, sends, and shows what the API
 * refused: field problems inline and in the error summary, anything else as an alert.
 */
export function Form<TValues extends FieldValues, TOut>({
  form,
  idPrefix,
  labels,
  onSubmit,
  fieldOfRequest = {},
  submitLabel,
  cancel,
  children,
  className,
  hasRequiredNote = true,
  problemHeading,
  latest,
  describeValue,
}: FormProps<TValues, TOut>) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<unknown>(null);
  const [focusKey, setFocusKey] = useState(0);
  const [isProblemShownOnFields, setIsProblemShownOnFields] = useState(false);
  // The version the user's edits stand on; it moves on only when they settle a conflict.
  const [started, setStarted] = useState(latest);
  const isStale = isProblem(problem, 412) && latest !== undefined && started !== undefined && latest.version !== started.version;
  const changes = isStale ? changedFields(started.values, latest.values, labels, t('form.conflict.empty'), describeValue) : [];
  const conflictRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (isStale) conflictRef.current?.querySelector<HTMLElement>('[tabindex="-1"]')?.focus();
  }, [isStale]);

  const submit = form.handleSubmit(
    async (values) => {
      setProblem(null);
      try {
        await onSubmit(values);
      } catch (error) {
        setIsProblemShownOnFields(error instanceof ApiProblem && showFieldProblems(form, error, fieldOfRequest));
        setProblem(error);
        setFocusKey((key) => key + 1);
      }
    },
    () => {
      setProblem(null);
      setFocusKey((key) => key + 1);
    },
  );

  return (
    <FormProvider {...form}>
      <FormMetaContext value={{ idPrefix, labels }}>
        <form noValidate onSubmit={(event) => void submit(event)} className={`usa-form usa-form--large ${className ?? ''}`}>
          <ErrorSummary focusKey={focusKey} />
          {isStale ? (
            <div ref={conflictRef}>
              <VersionConflict
                changes={changes}
                isSaving={form.formState.isSubmitting}
                onKeepMine={() => {
                  setStarted(latest);
                  void submit();
                }}
                onTakeTheirs={() => {
                  setStarted(latest);
                  setProblem(null);
                  form.reset(latest.values);
                }}
              />
            </div>
          ) : (
            !isProblemShownOnFields && <ProblemAlert error={problem} focusKey={focusKey} heading={problemHeading} />
          )}
          {hasRequiredNote && <p className="usa-hint margin-top-0">{t('form.requiredNote')}</p>}
          {children}
          <div className="form-actions margin-top-4">
            <button type="submit" className="usa-button" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? t('form.saving') : submitLabel}
            </button>
            {typeof cancel === 'string' && (
              <Link to={cancel} className="usa-button usa-button--unstyled margin-left-2">
                {t('common.cancel')}
              </Link>
            )}
            {typeof cancel === 'function' && (
              <button type="button" className="usa-button usa-button--unstyled margin-left-2" onClick={cancel}>
                {t('common.cancel')}
              </button>
            )}
          </div>
        </form>
      </FormMetaContext>
    </FormProvider>
  );
}
