import { type ReactNode, useRef } from 'react';
import { flushSync } from 'react-dom';
import { type ArrayPath, type FieldArray, type FieldValues, useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

interface RowsFieldProps<TValues extends FieldValues, TName extends ArrayPath<TValues>> {
  name: TName;
  legend: string;
  hint?: string;
  /** The heading of one row, such as "Participant 2". */
  rowLabel: (index: number) => string;
  addLabel: string;
  emptyRow: FieldArray<TValues, TName>;
  renderRow: (index: number) => ReactNode;
}

/**
 * Rows a person can add and remove (participants, follow-up tasks). Adding focuses the new row's
 * first field; removing returns focus to the Add button, which stays put.
 */
export function RowsField<TValues extends FieldValues, TName extends ArrayPath<TValues>>({
  name,
  legend,
  hint,
  rowLabel,
  addLabel,
  emptyRow,
  renderRow,
}: RowsFieldProps<TValues, TName>) {
  const { t } = useTranslation();
  const { control } = useFormContext<TValues>();
  const { fields, append, remove } = useFieldArray({ control, name });
  const addButton = useRef<HTMLButtonElement>(null);

  return (
    <fieldset className="usa-fieldset margin-top-4 rows-field">
      <legend className="usa-legend usa-legend--large">{legend}</legend>
      {hint && <p className="usa-hint margin-y-1">{hint}</p>}
      {fields.map((field, index) => (
        <fieldset key={field.id} className="usa-fieldset rows-field__row">
          <legend className="usa-legend rows-field__legend">{rowLabel(index)}</legend>
          <div className="rows-field__inputs">{renderRow(index)}</div>
          <button
            type="button"
            className="usa-button usa-button--unstyled rows-field__remove"
            onClick={() => {
              flushSync(() => remove(index));
              addButton.current?.focus();
            }}
          >
            {t('form.removeItem', { item: rowLabel(index) })}
          </button>
        </fieldset>
      ))}
      <button ref={addButton} type="button" className="usa-button usa-button--outline margin-top-2" onClick={() => append(emptyRow)}>
        {addLabel}
      </button>
    </fieldset>
  );
}
