import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';

/** What the fields of one form share: their labels (by field path without row numbers) and id prefix. */
export interface FormMeta {
  idPrefix: string;
  labels: Record<string, string>;
}

/** The error type of a problem worded as a whole sentence ("Enter a date"), shown after its label and a colon. */
export const SENTENCE_ERROR = 'sentence';

export const FormMetaContext = createContext<FormMeta>({ idPrefix: 'field', labels: {} });

/** `participants.0.name` → `participants.name`: the label key shared by every row. */
export function labelKey(name: string): string {
  return name
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('.');
}

export function fieldId(idPrefix: string, name: string): string {
  return `${idPrefix}-${name.replace(/\./g, '-')}`;
}

/** The row number (from 1) of a field inside a list of rows, if it is in one. */
function rowOf(name: string): number | null {
  const index = name.split('.').find((part) => /^\d+$/.test(part));
  return index === undefined ? null : Number(index) + 1;
}

/** Names a field for people: its label, and its row when it sits in a list of rows. */
export function useFieldLabel() {
  const { t } = useTranslation();
  const meta = useContext(FormMetaContext);
  return (name: string): string => {
    const label = meta.labels[labelKey(name)] ?? meta.labels[name] ?? name;
    const row = rowOf(name);
    return row === null ? label : t('form.inRow', { label, row });
  };
}
