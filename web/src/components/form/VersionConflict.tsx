import { useTranslation } from 'react-i18next';
import { Alert } from '../Alert';

/** One field someone else changed while the form was open: its label and both values, as shown. */
export interface ChangedField {
  field: string;
  label: string;
  before: string;
  after: string;
}

type Describe = (field: string, value: unknown) => string | null;

const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A value as a person reads it. An id says nothing to a reader, so unless the form describes it
 * (an owner's name), the field is listed as changed without its values.
 */
function shown(value: unknown, describe: Describe | undefined, field: string, empty: string): string | null {
  const described = describe?.(field, value);
  if (described !== undefined && described !== null) return described;
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return empty;
  if (Array.isArray(value)) {
    const parts = value.map((item) => shown(item, undefined, field, empty));
    return parts.includes(null) ? null : parts.join(', ');
  }
  if (typeof value === 'string') return ID_PATTERN.test(value) ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** The fields whose values differ between the version the user started from and the latest one. */
export function changedFields(
  started: Record<string, unknown>,
  latest: Record<string, unknown>,
  labels: Record<string, string>,
  empty: string,
  describe?: Describe,
): ChangedField[] {
  const fields = [...new Set([...Object.keys(started), ...Object.keys(latest)])];
  return fields
    .filter((field) => JSON.stringify(started[field] ?? null) !== JSON.stringify(latest[field] ?? null))
    .map((field) => ({
      field,
      label: labels[field] ?? field,
      before: shown(started[field], describe, field, empty) ?? '',
      after: shown(latest[field], describe, field, empty) ?? '',
    }));
}

interface VersionConflictProps {
  changes: ChangedField[];
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  isSaving: boolean;
}

/**
 * Shown when a save was refused because someone else saved the record first: what they changed,
 * and the two ways on. Keeping mine saves what the form holds over the latest version (the save
 * now carries that version); taking theirs puts the latest values in the form.
 */
export function VersionConflict({ changes, onKeepMine, onTakeTheirs, isSaving }: VersionConflictProps) {
  const { t } = useTranslation();
  return (
    <div className="margin-bottom-3" tabIndex={-1} data-testid="version-conflict">
      <Alert type="warning" heading={t('form.conflict.heading')} role="alert">
        <span className="display-block">{changes.length > 0 ? t('form.conflict.changed', { count: changes.length }) : t('form.conflict.sameValues')}</span>
        {changes.length > 0 && (
          <table className="usa-table usa-table--borderless usa-table--compact margin-y-1">
            <caption className="usa-sr-only">{t('form.conflict.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('form.conflict.field')}</th>
                <th scope="col">{t('form.conflict.before')}</th>
                <th scope="col">{t('form.conflict.after')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.field}>
                  <th scope="row">{change.label}</th>
                  <td>{change.before || t('form.conflict.notShown')}</td>
                  <td>{change.after || t('form.conflict.notShown')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <span className="display-block">{t('form.conflict.choose')}</span>
        <div className="margin-top-1">
          <button type="button" className="usa-button" onClick={onKeepMine} disabled={isSaving}>
            {t('form.conflict.keepMine')}
          </button>
          <button type="button" className="usa-button usa-button--outline" onClick={onTakeTheirs} disabled={isSaving}>
            {t('form.conflict.takeTheirs')}
          </button>
        </div>
      </Alert>
    </div>
  );
}
