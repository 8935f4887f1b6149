import { type ReactNode, useContext } from 'react';
import { useFormContext, useFormState } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormMetaContext, fieldId, SENTENCE_ERROR, useFieldLabel } from './meta';

interface FieldProps {
  name: string;
  /** Instead of the form's label for this field (rows use a shorter one). */
  label?: string;
  hint?: string;
  isRequired?: boolean;
  className?: string;
}

/** Ids, label and error of one field, wired for aria-describedby. */
export function useField(name: string, label?: string) {
  const meta = useContext(FormMetaContext);
  const labelOf = useFieldLabel();
  const { register, getFieldState, control } = useFormContext();
  const formState = useFormState({ control, name });
  const { error } = getFieldState(name, formState);
  const id = fieldId(meta.idPrefix, name);
  return { id, label: label ?? labelOf(name), error: error?.message, isSentence: error?.type === SENTENCE_ERROR, register, errorId: `${id}-error`, hintId: `${id}-hint` };
}

interface ShellProps {
  id: string;
  label: string;
  hint?: string;
  hintId: string;
  error?: string;
  /** The error is a sentence of its own ("Enter a date"), shown after the label and a colon. */
  isSentence?: boolean;
  errorId: string;
  isRequired?: boolean;
  className?: string;
  children: ReactNode;
}

/** The visible asterisk; assistive technology learns "required" from aria-required instead. */
export function RequiredMarker() {
  const { t } = useTranslation();
  return (
    <>
      {' '}
      <abbr title={t('form.required')} className="usa-hint usa-hint--required" aria-hidden="true">
        *
      </abbr>
    </>
  );
}

/** Label, hint and error message around an input, in the USWDS order. */
export function FieldShell({ id, label, hint, hintId, error, isSentence, errorId, isRequired, className, children }: ShellProps) {
  const { t } = useTranslation();
  return (
    <div className={`usa-form-group ${error ? 'usa-form-group--error' : ''} ${className ?? ''}`}>
      <label className={`usa-label ${error ? 'usa-label--error' : ''}`} htmlFor={id}>
        {label}
        {isRequired && <RequiredMarker />}
      </label>
      {hint && (
        <div className="usa-hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && (
        <span className="usa-error-message" id={errorId}>
          {t(isSentence ? 'form.sentenceError' : 'form.fieldError', { label, message: error })}
        </span>
      )}
      {children}
    </div>
  );
}

export function describedBy(field: { hintId: string; errorId: string; error?: string }, hasHint: boolean): string | undefined {
  const ids = [hasHint ? field.hintId : null, field.error ? field.errorId : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

interface TextFieldProps extends FieldProps {
  type?: 'text' | 'email' | 'password' | 'search' | 'url' | 'date' | 'number';
  autoComplete?: string;
  inputMode?: 'text' | 'decimal' | 'numeric' | 'email' | 'url';
  inputClassName?: string;
}

export function TextField({ name, label, hint, isRequired, className, type = 'text', autoComplete, inputMode, inputClassName }: TextFieldProps) {
  const field = useField(name, label);
  return (
    <FieldShell {...field} hint={hint} isRequired={isRequired} className={className}>
      <input
        id={field.id}
        type={type}
        className={`usa-input ${field.error ? 'usa-input--error' : ''} ${inputClassName ?? ''}`}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-describedby={describedBy(field, Boolean(hint))}
        aria-invalid={field.error ? true : undefined}
        aria-required={isRequired || undefined}
        {...field.register(name)}
      />
    </FieldShell>
  );
}

export function TextAreaField({ name, label, hint, isRequired, className }: FieldProps) {
  const field = useField(name, label);
  return (
    <FieldShell {...field} hint={hint} isRequired={isRequired} className={className}>
      <textarea
        id={field.id}
        className={`usa-textarea ${field.error ? 'usa-input--error' : ''}`}
        aria-describedby={describedBy(field, Boolean(hint))}
        aria-invalid={field.error ? true : undefined}
        aria-required={isRequired || undefined}
        {...field.register(name)}
      />
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps extends FieldProps {
  options: Option[];
  /** The first, empty choice ("- Select -"); left out when a value is always chosen. */
  placeholder?: string;
}

export function SelectField({ name, label, hint, isRequired, className, options, placeholder }: SelectFieldProps) {
  const field = useField(name, label);
  return (
    <FieldShell {...field} hint={hint} isRequired={isRequired} className={className}>
      <select
        id={field.id}
        className={`usa-select ${field.error ? 'usa-input--error' : ''}`}
        aria-describedby={describedBy(field, Boolean(hint))}
        aria-invalid={field.error ? true : undefined}
        aria-required={isRequired || undefined}
        {...field.register(name)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

interface CheckboxGroupProps extends FieldProps {
  options: Option[];
}

/** Several checkboxes under one legend; react-hook-form collects the checked values as a list. */
export function CheckboxGroupField({ name, label, hint, isRequired, className, options }: CheckboxGroupProps) {
  const field = useField(name, label);
  return (
    <fieldset className={`usa-fieldset usa-form-group ${field.error ? 'usa-form-group--error' : ''} ${className ?? ''}`} aria-describedby={describedBy(field, Boolean(hint))}>
      <legend className="usa-legend">
        {field.label}
        {isRequired && <RequiredMarker />}
      </legend>
      {hint && (
        <div className="usa-hint" id={field.hintId}>
          {hint}
        </div>
      )}
      {field.error && (
        <span className="usa-error-message" id={field.errorId}>
          {field.error}
        </span>
      )}
      {options.map((option, index) => (
        <div key={option.value} className="usa-checkbox">
          <input
            className="usa-checkbox__input"
            type="checkbox"
            value={option.value}
            id={index === 0 ? field.id : `${field.id}-${option.value}`}
            {...field.register(name)}
          />
          <label className="usa-checkbox__label" htmlFor={index === 0 ? field.id : `${field.id}-${option.value}`}>
            {option.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** One yes-or-no checkbox (a high-threat post); its label says what checking it means. */
export function CheckboxField({ name, label, hint, className }: FieldProps) {
  const field = useField(name, label);
  return (
    <div className={`usa-form-group ${field.error ? 'usa-form-group--error' : ''} ${className ?? ''}`}>
      {field.error && (
        <span className="usa-error-message" id={field.errorId}>
          {field.error}
        </span>
      )}
      <div className="usa-checkbox">
        <input
          className="usa-checkbox__input"
          type="checkbox"
          id={field.id}
          // The hint is part of the label (USWDS's label description), so it is read once.
          aria-describedby={describedBy(field, false)}
          aria-invalid={field.error ? true : undefined}
          {...field.register(name)}
        />
        <label className="usa-checkbox__label" htmlFor={field.id}>
          {field.label}
          {hint && (
            <span className="usa-checkbox__label-description">
              {hint}
            </span>
          )}
        </label>
      </div>
    </div>
  );
}
