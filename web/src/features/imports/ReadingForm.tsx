import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Import } from '../../api/schemas';
import { DetailList } from '../../components/DetailList';
import { formatCount } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useUpdateImport } from './api';

const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1', 'macintosh'] as const;
const DELIMITERS = [',', ';', '\t', '|'] as const;
const DELIMITER_KEYS = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' } as const;

/**
 * How the file reads (what was detected), its first rows as read, and a way to read it
 * differently when detection got it wrong: another encoding, delimiter, sheet or header row.
 */
export function ReadingForm({ view, isEditable }: { view: Import; isEditable: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateImport(view);
  const heading = useRef<HTMLHeadingElement>(null);
  const [encoding, setEncoding] = useState(view.encoding ?? 'utf-8');
  const [delimiter, setDelimiter] = useState(view.delimiter ?? ',');
  const [sheet, setSheet] = useState(view.sheet ?? view.sheets[0] ?? '');
  const [headerRow, setHeaderRow] = useState(String(view.headerRow));
  const [attempt, setAttempt] = useState(0);
  // A new version of the import (read again, or changed elsewhere on the page) is what the fields show.
  const [shownVersion, setShownVersion] = useState(view.version);
  if (shownVersion !== view.version) {
    setShownVersion(view.version);
    setEncoding(view.encoding ?? 'utf-8');
    setDelimiter(view.delimiter ?? ',');
    setSheet(view.sheet ?? view.sheets[0] ?? '');
    setHeaderRow(String(view.headerRow));
  }
  const delimiterName = (value: string | null) => (value && value in DELIMITER_KEYS ? t(`imports.reading.delimiters.${DELIMITER_KEYS[value as keyof typeof DELIMITER_KEYS]}`) : value);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    // Only what the user changed: a detected encoding the API does not take as a choice stays as detected.
    const changes = {
      ...(view.format === 'csv' && encoding !== view.encoding ? { encoding } : {}),
      ...(view.format === 'csv' && delimiter !== view.delimiter ? { delimiter } : {}),
      ...(view.format === 'xlsx' && sheet !== view.sheet ? { sheet } : {}),
      ...(Number(headerRow) !== view.headerRow ? { headerRow: Number(headerRow) } : {}),
    };
    update.mutate(changes, { onSuccess: () => heading.current?.focus() });
  }

  return (
    <section aria-labelledby="import-reading-heading" className="margin-top-4">
      <h2 id="import-reading-heading" ref={heading} tabIndex={-1}>
        {t('imports.reading.heading')}
      </h2>
      <p role="status" className="usa-sr-only">
        {update.isSuccess ? t('imports.reading.readAgain') : ''}
      </p>
      <DetailList
        items={[
          { label: t('imports.reading.format'), value: view.format.toUpperCase() },
          ...(view.format === 'csv'
            ? [
                { label: t('imports.reading.encoding'), value: view.encoding },
                { label: t('imports.reading.delimiter'), value: delimiterName(view.delimiter) },
              ]
            : [{ label: t('imports.reading.sheet'), value: view.sheet }]),
          { label: t('imports.reading.headerRow'), value: formatCount(view.headerRow) },
          { label: t('imports.reading.columns'), value: formatCount(view.headers.length) },
          { label: t('imports.reading.size'), value: t('imports.reading.bytes', { size: formatCount(view.byteSize) }) },
          { label: t('imports.reading.sha256'), value: <code className="import-value">{view.sha256}</code> },
        ]}
      />
      <Preview view={view} />
      {isEditable && (
        <details className="margin-top-2">
          <summary className="text-bold">{t('imports.reading.change')}</summary>
          {update.isError && <ProblemAlert error={update.error} heading={t('imports.reading.refused')} focusKey={attempt} headingLevel="h3" />}
          <form className="usa-form" onSubmit={submit}>
            {view.format === 'csv' ? (
              <>
                <label className="usa-label" htmlFor="import-encoding">
                  {t('imports.reading.encoding')}
                </label>
                <select id="import-encoding" className="usa-select" value={encoding} onChange={(event) => setEncoding(event.target.value)}>
                  {[...(view.encoding && !(ENCODINGS as readonly string[]).includes(view.encoding) ? [view.encoding] : []), ...ENCODINGS].map((value) => (
                    <option key={value} value={value}>
                      {value}
                    </option>
                  ))}
                </select>
                <label className="usa-label" htmlFor="import-delimiter">
                  {t('imports.reading.delimiter')}
                </label>
                <select id="import-delimiter" className="usa-select" value={delimiter} onChange={(event) => setDelimiter(event.target.value)}>
                  {DELIMITERS.map((value) => (
                    <option key={value} value={value}>
                      {delimiterName(value)}
                    </option>
                  ))}
                </select>
              </>
            ) : (
              <>
                <label className="usa-label" htmlFor="import-sheet">
                  {t('imports.reading.sheet')}
                </label>
                <select id="import-sheet" className="usa-select" value={sheet} onChange={(event) => setSheet(event.target.value)}>
                  {view.sheets.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </>
            )}
            <label className="usa-label" htmlFor="import-header-row">
              {t('imports.reading.headerRow')}
            </label>
            <input id="import-header-row" className="usa-input usa-input--small" type="number" min={1} max={1000} value={headerRow} onChange={(event) => setHeaderRow(event.target.value)} />
            <button type="submit" className="usa-button margin-top-2" disabled={update.isPending}>
              {t('imports.reading.apply')}
            </button>
          </form>
        </details>
      )}
    </section>
  );
}

/** The first rows as read, under their headers; a wide file shows its first columns. */
const PREVIEW_COLUMNS = 12;

function Preview({ view }: { view: Import }) {
  const { t } = useTranslation();
  if (view.preview.length === 0) return <p className="text-base-dark">{t('imports.reading.noRows')}</p>;
  const shown = view.headers.slice(0, PREVIEW_COLUMNS);
  return (
    <div className="import-preview margin-top-2" role="region" aria-labelledby="import-preview-caption" tabIndex={0}>
      <table className="usa-table usa-table--compact margin-top-0">
        <caption id="import-preview-caption">
          {t('imports.reading.previewCaption', { count: view.preview.length })}
          {view.headers.length > PREVIEW_COLUMNS && ` ${t('imports.reading.moreColumns', { count: view.headers.length - PREVIEW_COLUMNS, formatted: formatCount(view.headers.length - PREVIEW_COLUMNS) })}`}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('imports.problems.row')}</th>
            {shown.map((header, index) => (
              /* Headers repeat and can be blank: the position keeps them apart. */
              <th key={index} scope="col">
                {header || t('imports.mapping.blankHeader', { number: index + 1 })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.preview.map((line) => (
            <tr key={line.row}>
              <th scope="row">{line.row}</th>
              {shown.map((_, index) => (
                <td key={index}>{line.cells[index] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
