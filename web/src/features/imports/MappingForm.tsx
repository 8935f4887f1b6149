import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Import, ImportKindInfo } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { formatCount } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useImportKinds, useSaveMapping, useUpdateImport } from './api';

const DATE_FORMATS = ['YMD', 'DMY', 'MDY'] as const;
/** A very wide file lists its mapped and undecided columns and its first ones; the rest are left out. */
const LISTED_COLUMNS = 100;
/** A column's choice: a field key, left out, or not decided yet ("Choose…"). */
const LEAVE_OUT = '-';
const UNDECIDED = '';

type ColumnEntry = Import['mapping'][number];

/** What a column's select shows: its field, "Leave out" once confirmed (or when it is empty), else "Choose…". */
function choiceOf(entry: ColumnEntry): string {
  if (entry.field !== null) return entry.field;
  return entry.state === 'left_out' || entry.state === 'empty' ? LEAVE_OUT : UNDECIDED;
}

/** The id of a column's select, for the links that lead to it. */
export const columnFieldId = (column: number) => `mapping-${column}`;

/** A column as the user knows it: its header, or its number when it has none. */
export function columnLabel(entry: Pick<ColumnEntry, 'header' | 'column'>, t: TFunction): string {
  return entry.header || t('imports.mapping.blankHeader', { number: entry.column + 1 });
}

/**
 * Where each column goes: the field suggested from its header (in English, Spanish, French or
 * Portuguese), or "Leave out". A column nothing suggests starts undecided ("Choose…"): nothing a
 * partner sent is dropped until someone says so. Dates are read in the order the file uses,
 * chosen when it cannot be told. A mapping can be kept, by name, for the next file of the same kind.
 */
export function MappingForm({
  view,
  isEditable,
  onUnsavedChange,
  showUndecided,
}: {
  view: Import;
  isEditable: boolean;
  onUnsavedChange: (isUnsaved: boolean) => void;
  /** Marks the undecided columns as errors, once the user tried to go on without deciding them. */
  showUndecided: boolean;
}) {
  const { t } = useTranslation();
  const kinds = useImportKinds();
  const update = useUpdateImport(view);
  const heading = useRef<HTMLHeadingElement>(null);
  const [choices, setChoices] = useState<string[]>(() => view.mapping.map(choiceOf));
  const [dateFormat, setDateFormat] = useState(view.dateFormat ?? '');
  const [attempt, setAttempt] = useState(0);
  // A new version of the import (saved here, or read again) is what the fields show.
  const [shownVersion, setShownVersion] = useState(view.version);
  if (shownVersion !== view.version) {
    setShownVersion(view.version);
    setChoices(view.mapping.map(choiceOf));
    setDateFormat(view.dateFormat ?? '');
  }
  const kind = kinds.data?.find((entry) => entry.kind === view.kind);
  const listed = view.mapping.filter((entry, index) => index < LISTED_COLUMNS || entry.state === 'mapped' || choices[index] === UNDECIDED);
  const undecided = view.mapping.filter((entry) => choices[entry.column] === UNDECIDED);
  const isChanged = choices.some((choice, index) => choice !== choiceOf(view.mapping[index] as ColumnEntry)) || (dateFormat || null) !== view.dateFormat;
  const needsDateOrder = view.dateFormatStatus === 'needed' || view.dateFormatStatus === 'conflict';
  useEffect(() => onUnsavedChange(isChanged), [isChanged, onUnsavedChange]);

  function choose(column: number, choice: string) {
    setChoices((current) => current.map((value, index) => (index === column ? choice : value)));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    update.mutate(
      {
        mapping: choices.map((choice, column) => ({ column, field: choice === LEAVE_OUT || choice === UNDECIDED ? null : choice })),
        leftOut: choices.flatMap((choice, column) => (choice === LEAVE_OUT ? [column] : [])),
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
                const header = columnLabel(entry, t);
                const isError = showUndecided && choices[entry.column] === UNDECIDED;
                const errorId = `${columnFieldId(entry.column)}-error`;
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
                    <td data-label={t('imports.mapping.field')} className={isError ? 'usa-form-group--error margin-top-0' : undefined}>
                      <label className="usa-sr-only" htmlFor={columnFieldId(entry.column)}>
                        {t('imports.mapping.fieldOf', { header })}
                      </label>
                      {isError && (
                        <span className="usa-error-message" id={errorId}>
                          {t('imports.mapping.undecidedError')}
                        </span>
                      )}
                      <select
                        id={columnFieldId(entry.column)}
                        className={`usa-select margin-top-0 ${isError ? 'usa-input--error' : ''}`}
                        value={choices[entry.column] ?? UNDECIDED}
                        aria-invalid={isError ? true : undefined}
                        aria-describedby={isError ? errorId : undefined}
                        onChange={(event) => choose(entry.column, event.target.value)}
                      >
                        <option value={UNDECIDED}>{t('imports.mapping.choose')}</option>
                        <option value={LEAVE_OUT}>{t('imports.mapping.leaveOut')}</option>
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
          {undecided.length > 0 && (
            <div className="margin-top-1">
              <p className="margin-bottom-1" id="mapping-undecided">
                {t('imports.mapping.undecided', { count: undecided.length, columns: undecided.map((entry) => columnLabel(entry, t)).join(', ') })}
              </p>
              <button
                type="button"
                className="usa-button usa-button--outline"
                aria-describedby="mapping-undecided"
                onClick={() => setChoices((current) => current.map((choice) => (choice === UNDECIDED ? LEAVE_OUT : choice)))}
              >
                {t('imports.mapping.leaveOutRest', { count: undecided.length })}
              </button>
            </div>
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
  const leftOut = view.mapping.filter((entry) => entry.state === 'left_out' && entry.header !== '').map((entry) => entry.header);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    save.mutate({ name, columns, leftOut, dateFormat: view.dateFormat });
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
