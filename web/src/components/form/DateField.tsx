import { useState } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DATE_CHECK, dateExample, dateProblem, formatDateInput, parseDateInput } from './dates';
import { describedBy, FieldShell, useField } from './fields';

interface DateFieldProps {
  name: string;
  label?: string;
  hint?: string;
  isRequired?: boolean;
  className?: string;
  inputClassName?: string;
}

/**
 * A calendar date typed as the interface's locale writes it ("12/31/2010" in American English),
 * with that example under the label. The form keeps `YYYY-MM-DD` once what is typed is a real
 * date, and the text itself until then, which the API's schema refuses and the resolver words
 * as "Enter a real date, such as 12/31/2010".
 */
export function DateField({ name, label, hint, isRequired, className, inputClassName }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const field = useField(name, label);
  const { control } = useFormContext();
  // The resolver, not react-hook-form, runs this check: it words a date field's problem.
  const {
    field: { ref, name: inputName, value: formValue, onChange, onBlur },
  } = useController({ name, control, rules: { validate: { [DATE_CHECK]: (value: unknown) => dateProblem(value, locale, t) ?? true } } });
  const value = typeof formValue === 'string' ? formValue : '';
  // What is shown, and the form value it stands for; a value set from outside (a reset after a
  // stale save) replaces it.
  const [shown, setShown] = useState({ text: formatDateInput(value, locale), value });
  if (shown.value !== value) setShown({ text: formatDateInput(value, locale), value });

  const example = t('form.dateExample', { example: dateExample(locale) });
  const fullHint = hint ? `${hint} ${example}` : example;
  return (
    <FieldShell {...field} hint={fullHint} isRequired={isRequired} className={className}>
      <input
        id={field.id}
        ref={ref}
        name={inputName}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className={`usa-input usa-input--medium ${field.error ? 'usa-input--error' : ''} ${inputClassName ?? ''}`}
        aria-describedby={describedBy(field, true)}
        aria-invalid={field.error ? true : undefined}
        aria-required={isRequired || undefined}
        value={shown.text}
        onChange={(event) => {
          const text = event.target.value;
          const typed = parseDateInput(text, locale) ?? text.trim();
          setShown({ text, value: typed });
          onChange(typed);
        }}
        onBlur={onBlur}
      />
    </FieldShell>
  );
}
