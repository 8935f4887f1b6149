import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Import, ImportKindInfo } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { formatCount } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useImportKinds, useSaveMapping, useUpdateImport } from './api';

const DATE_FORMATS = ['YMD', 'DMY', 'MDY'] as const;
/** A very wide file lists its mapped columns and its first ones; the rest stay out unless mapped. */
const LISTED_COLUMNS = 100;

/**
 * Where each column goes: the field suggested from its header (in English, Spanish, French or
 * Portuguese), or none. Dates are read in the order the file uses, chosen when it cannot be told.
 * A mapping can be kept, by name, for the next file of the same kind.
 */
export function MappingForm({ view, isEditable, onUnsavedChange }: { view: Import; isEditable: boolean; onUnsavedChange: (isUnsaved: boolean) => void }) {
  const { t } = useTranslation();
  const kinds = useImportKinds();
  const update = useUpdateImport(view);
  const heading = useRef<HTMLHeadingElement>(null);
  const [fields, setFields] = useState<(string | null)[]>(() => view.mapping.map((entry) => entry.field));
  const [dateFormat, setDateFormat] = useState(view.dateFormat ?? '');
  const [attempt, setAttempt] = useState(0);
  // A new version of the import (saved here, or read again) is what the fields show.
  const [shownVersion, setShownVersion] = useState(view.version);
  if (shownVersion !== view.version) {
    setShownVersion(view.version);
    setFields(view.mapping.map((entry) => entry.field));
    setDateFormat(view.dateFormat ?? '');
  }
  const kind = kinds.data?.find((entry) => entry.kind === view.kind);
  const listed = view.mapping.filter((entry, index) => index < LISTED_COLUMNS || entry.field !== null);
  const isChanged = fields.some((field, index) => field !== view.mapping[index]?.field) || (dateFormat || null) !== view.dateFormat;
  const needsDateOrder = view.dateFormatStatus === 'needed' || view.dateFormatStatus === 'conflict';
  useEffect(() => onUnsavedChange(isChanged), [isChanged, onUnsavedChange]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    update.mutate(
      {
        mapping: fields.map((field, column) => ({ column, field })),
        dateFormat: dateFormat === '' ? null : dateFormat,
      },
      { onSuccess: () => heading.current?.focus() },
    );
  }

  return (
    <section aria-labelledby="import-mapping-heading" className="margin-top-4">
      <h2 id="import-mapping-heading" ref={heading} tabIndex={-1}>
        {t('imports.mapping.heading')}
      </h2>
      <p role="status" className="usa-sr-only">
        {update.isSuccess ? t('imports.mapping.saved') : ''}
      </p>
      <p className="measure-5">{t('imports.mapping.lead')}</p>
      {view.missingFields.length > 0 && (
        <Alert type="warning" headingLevel="h3" heading={t('imports.mapping.missingHeading')}>
          {t('imports.mapping.missing', { fields: view.missingFields.map((key) => fieldLabel(kind, key)).join(', ') })}
        </Alert>
      )}
      {needsDateOrder && (
        <Alert type="warning" headingLevel="h3" heading={t('imports.mapping.dateOrderHeading')}>
          {t(`imports.mapping.dateOrder.${view.dateFormatStatus as 'needed' | 'conflict'}`)}
        </Alert>
      )}
      {update.isError && <ProblemAlert error={update.error} heading={t('imports.mapping.refused')} focusKey={attempt} headingLevel="h3" />}
      <form onSubmit={submit}>
        <fieldset className="usa-fieldset" disabled={!isEditable}>
          <legend className="usa-sr-only">{t('imports.mapping.heading')}</legend>
          <table className="usa-table usa-table--borderless usa-table--stacked width-full">
            <caption className="usa-sr-only">{t('imports.mapping.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('imports.mapping.column')}</th>
                <th scope="col">{t('imports.mapping.sample')}</th>
                <th scope="col">{t('imports.mapping.field')}</th>
              </tr>
            </thead>
            <tbody>
              {listed.map((entry) => {
                const header = entry.header || t('imports.mapping.blankHeader', { number: entry.column + 1 });
                return (
                  <tr key={entry.column}>
                    <th scope="row" data-label={t('imports.mapping.column')}>
                      {header}
                    </th>
                    <td data-label={t('imports.mapping.sample')} className="import-sample">
                      {view.preview
                        .slice(0, 3)
                        .map((line) => line.cells[entry.column] ?? '')
                        .filter((cell) => cell !== '')
                        .join(' · ')}
                    </td>
                    <td data-label={t('imports.mapping.field')}>
                      <label className="usa-sr-only" htmlFor={`mapping-${entry.column}`}>
                        {t('imports.mapping.fieldOf', { header })}
                      </label>
                      <select
                        id={`mapping-${entry.column}`}
                        className="usa-select margin-top-0"
                        value={fields[entry.column] ?? ''}
                        onChange={(event) => {
                          const next = [...fields];
                          next[entry.column] = event.target.value === '' ? null : event.target.value;
                          setFields(next);
                        }}
                      >
                        <option value="">{t('imports.mapping.leaveOut')}</option>
                        {(kind?.fields ?? []).map((field) => (
                          <option key={field.key} value={field.key}>
                            {field.label}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {listed.length < view.mapping.length && (
            <p className="usa-hint">{t('imports.mapping.unlisted', { count: view.mapping.length - listed.length, formatted: formatCount(view.mapping.length - listed.length) })}</p>
          )}
          <label className="usa-label" htmlFor="import-date-format">
            {t('imports.mapping.dateFormat')}
          </label>
          <span className="usa-hint" id="import-date-format-hint">
            {t(`imports.mapping.dateStatus.${view.dateFormatStatus}`)}
          </span>
          <select id="import-date-format" className="usa-select" value={dateFormat} aria-describedby="import-date-format-hint" onChange={(event) => setDateFormat(event.target.value)}>
            <option value="">{t('imports.mapping.dateUnset')}</option>
            {DATE_FORMATS.map((format) => (
              <option key={format} value={format}>
                {t(`imports.mapping.dateFormats.${format}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="usa-button margin-top-2" disabled={!isChanged || update.isPending}>
            {t('imports.mapping.save')}
          </button>
        </fieldset>
      </form>
      {isEditable && <SaveMapping view={view} />}
    </section>
  );
}

function fieldLabel(kind: ImportKindInfo | undefined, key: string): string {
  return kind?.fields.find((field) => field.key === key)?.label ?? key;
}

/** Keeps the saved mapping (header → field) under a name, to apply to the next file. */
function SaveMapping({ view }: { view: Import }) {
  const { t } = useTranslation();
  const save = useSaveMapping(view.kind);
  const [name, setName] = useState('');
  const [attempt, setAttempt] = useState(0);
  const columns = Object.fromEntries(view.mapping.filter((entry) => entry.field !== null && entry.header !== '').map((entry) => [entry.header, entry.field as string]));

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    save.mutate({ name, columns, dateFormat: view.dateFormat });
  }

  return (
    <details className="margin-top-3">
      <summary className="text-bold">{t('imports.mapping.keep')}</summary>
      {save.isError && <ProblemAlert error={save.error} heading={t('imports.mapping.keepRefused')} focusKey={attempt} headingLevel="h3" />}
      {save.isSuccess && (
        <Alert type="success" headingLevel="h3" isSlim role="status">
          {t('imports.mapping.kept', { name: save.data.name })}
        </Alert>
      )}
      <form className="usa-form" onSubmit={submit}>
        <label className="usa-label" htmlFor="mapping-name">
          {t('imports.mapping.name')}
        </label>
        <span className="usa-hint" id="mapping-name-hint">
          {t('imports.mapping.nameHint')}
        </span>
        <input id="mapping-name" className="usa-input" value={name} maxLength={100} aria-describedby="mapping-name-hint" onChange={(event) => setName(event.target.value)} />
        <button type="submit" className="usa-button usa-button--outline margin-top-2" disabled={save.isPending || Object.keys(columns).length === 0}>
          {t('imports.mapping.keepButton')}
        </button>
      </form>
    </details>
  );
}
