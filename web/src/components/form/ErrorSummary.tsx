import { useContext } from 'react';
import { type FieldErrors, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LinkErrorSummary } from '../LinkErrorSummary';
import { FormMetaContext, fieldId, SENTENCE_ERROR, useFieldLabel } from './meta';

interface FieldError {
  name: string;
  message: string;
  type: unknown;
}

/** Every field error in a form, however deep (rows of participants, follow-ups). */
function flatten(errors: FieldErrors | Record<string, unknown>, prefix = ''): FieldError[] {
  const found: FieldError[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object' || key === 'ref') continue;
    const name = prefix ? `${prefix}.${key}` : key;
    const leaf = value as { message?: unknown; type?: unknown };
    if (typeof leaf.message === 'string' && leaf.type !== undefined) {
      found.push({ name: key === 'root' ? prefix : name, message: leaf.message, type: leaf.type });
    } else {
      found.push(...flatten(value as Record<string, unknown>, name));
    }
  }
  return found;
}

/**
 * The USWDS error summary: one link per problem, to its field. It takes focus after each failed
 * submit so that keyboard and screen reader users learn at once what to fix; errors that come back
 * while someone types (a row just added, still empty) do not pull focus away from their field.
 */
export function ErrorSummary({ focusKey }: { focusKey: number }) {
  const { t } = useTranslation();
  const meta = useContext(FormMetaContext);
  const labelOf = useFieldLabel();
  const { formState } = useFormContext();
  const items = flatten(formState.errors);
  return (
    <LinkErrorSummary
      id={`${meta.idPrefix}-error-summary`}
      heading={t('form.errorSummary', { count: items.length })}
      items={items.map((item) => ({ fieldId: fieldId(meta.idPrefix, item.name), text: t(item.type === SENTENCE_ERROR ? 'form.sentenceError' : 'form.fieldError', { label: labelOf(item.name), message: item.message }) }))}
      focusKey={focusKey}
    />
  );
}
