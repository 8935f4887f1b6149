import { useContext, useEffect, useRef } from 'react';
import { type FieldErrors, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormMetaContext, fieldId, useFieldLabel } from './meta';

interface FieldError {
  name: string;
  message: string;
}

/** Every field error in a form, however deep (rows of participants, follow-ups). */
function flatten(errors: FieldErrors | Record<string, unknown>, prefix = ''): FieldError[] {
  const found: FieldError[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object' || key === 'ref') continue;
    const name = prefix ? `${prefix}.${key}` : key;
    const leaf = value as { message?: unknown; type?: unknown };
    if (typeof leaf.message === 'string' && leaf.type !== undefined) {
      found.push({ name: key === 'root' ? prefix : name, message: leaf.message });
    } else {
      found.push(...flatten(value as Record<string, unknown>, name));
    }
  }
  return found;
}

/**
 * The USWDS error summary: one link per problem, to its field. It takes focus after each failed
 * submit so that keyboard and screen reader users learn at once what to fix.
 */
export function ErrorSummary({ focusKey }: { focusKey: number }) {
  const { t } = useTranslation();
  const meta = useContext(FormMetaContext);
  const labelOf = useFieldLabel();
  const { formState } = useFormContext();
  const ref = useRef<HTMLDivElement>(null);
  const focusedKey = useRef(0);
  const items = flatten(formState.errors);
  const hasItems = items.length > 0;

  // Once per failed submit: errors that come back while someone types (a row just added, still
  // empty) must not pull focus away from the field they are in.
  useEffect(() => {
    if (focusKey === focusedKey.current || !hasItems) return;
    focusedKey.current = focusKey;
    ref.current?.focus();
  }, [focusKey, hasItems]);

  if (!hasItems) return null;
  return (
    <div ref={ref} tabIndex={-1} className="usa-alert usa-alert--error margin-bottom-3 error-summary" aria-labelledby={`${meta.idPrefix}-error-summary`}>
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading" id={`${meta.idPrefix}-error-summary`}>
          {t('form.errorSummary', { count: items.length })}
        </h2>
        <ul className="usa-list usa-list--unstyled">
          {items.map((item) => (
            <li key={item.name}>
              <a
                href={`#${fieldId(meta.idPrefix, item.name)}`}
                onClick={(event) => {
                  const target = document.getElementById(fieldId(meta.idPrefix, item.name));
                  if (!target) return;
                  event.preventDefault();
                  target.focus();
                  target.scrollIntoView({ block: 'center' });
                }}
              >
                {t('form.fieldError', { label: labelOf(item.name), message: item.message })}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
