import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../api/client';
import type { Import } from '../../api/schemas';
import { formatCount } from '../../components/format';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useRowsLeftOut } from './api';

/** Rows named before a partial import; the download has every problem. */
const SHOWN_ROWS = 50;

/**
 * Before the valid rows only are imported: how many go in, which rows are left out and why (the
 * first ones, every problem as a download), and a confirmation that states the rows left out.
 */
export function PartialImport({ view, isPending, onConfirm, onCancel }: { view: Import; isPending: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const rows = useRowsLeftOut(view.id);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const valid = view.validCount ?? 0;
  const left = view.rowCount - valid;
  const shown = (rows.data ?? []).slice(0, SHOWN_ROWS);
  const more = left - shown.length;
  return (
    <section aria-labelledby="partial-import-heading" className="usa-summary-box margin-top-2">
      <h2 id="partial-import-heading" ref={heading} tabIndex={-1} className="usa-summary-box__heading">
        {t('imports.next.partialHeading', { count: valid, valid: formatCount(valid), left: formatCount(left) })}
      </h2>
      <div className="usa-summary-box__text">
        {rows.isPending && <Loading label={t('imports.next.partialLoading')} />}
        {rows.isError && <ProblemAlert error={rows.error} headingLevel="h3" />}
        {rows.data && (
          <>
            <p id="partial-import-rows">
              {more > 0 ? t('imports.next.partialRowsFirst', { shown: formatCount(shown.length), formatted: formatCount(left) }) : t('imports.next.partialRows', { count: left, formatted: formatCount(left) })}
            </p>
            <ul className="usa-list" aria-labelledby="partial-import-rows">
              {shown.map(({ row, problems }) => (
                <li key={row}>
                  <span className="text-bold">{t('imports.next.partialRow', { row: formatCount(row) })}</span>
                  {': '}
                  {problems.map((problem) => [problem.columnName, problem.value ? t('imports.next.quotedValue', { value: problem.value }) : null, problem.reason].filter(Boolean).join(' ')).join('; ')}
                </li>
              ))}
            </ul>
            {more > 0 && <p>{t('imports.next.partialMore', { count: more, formatted: formatCount(more) })}</p>}
            <p>
              <a href={apiUrl(`/imports/${view.id}/problems`, { format: 'csv' })} download>
                {t('imports.next.partialDownload')}
              </a>
            </p>
          </>
        )}
        <p>{t('imports.next.partialNote')}</p>
        <div className="usa-button-group">
          <button type="button" className="usa-button" disabled={isPending || !rows.data} onClick={onConfirm}>
            {t('imports.next.partialConfirm')}
          </button>
          <button type="button" className="usa-button usa-button--unstyled" onClick={onCancel}>
            {t('imports.next.partialCancel')}
          </button>
        </div>
      </div>
    </section>
  );
}
