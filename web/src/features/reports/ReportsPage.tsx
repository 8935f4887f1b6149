import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { apiUrl } from '../../api/client';
import { useCan } from '../../api/session';
import { Forbidden } from '../../app/Forbidden';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { defaultReportYear, useReportYears } from './api';
import { RecentRuns } from './RecentRuns';
import { RunForm } from './RunForm';
import { RunProgress } from './RunProgress';

/**
 * The year report and the IATI file: read the report, download it to print or edit, or run it in
 * the background and come back to it. For the program office and its viewers, as the API insists.
 */
export function ReportsPage() {
  const can = useCan();
  if (!can('reports', 'read')) return <Forbidden />;
  return <Reports />;
}

function Reports() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const years = useReportYears();
  const [runId, setRunId] = useState<string | null>(null);
  const fallback = defaultReportYear(years.data);
  const choices = [...new Set([...(years.data ?? []), fallback])].sort((a, b) => b - a);
  const asked = Number(params.get('year'));
  // A year the address names but no select offers (a typo, a stale link) gives way to the default.
  const year = choices.includes(asked) ? asked : fallback;

  return (
    <>
      <PageHeader title={t('reports.title')} lead={t('reports.lead')} />
      {years.isPending ? (
        <Loading />
      ) : (
        <>
          <div className="usa-form-group margin-top-0 report-year">
            <label className="usa-label margin-top-0" htmlFor="report-year">
              {t('reports.year')}
            </label>
            <span className="usa-hint display-block" id="report-year-hint">
              {t('reports.yearHint')}
            </span>
            <select
              id="report-year"
              className="usa-select"
              value={String(year)}
              aria-describedby="report-year-hint"
              // Choosing a year only changes what the links below fetch: nothing is opened or sent.
              onChange={(event) => setParams({ year: event.target.value }, { replace: true })}
            >
              {choices.map((choice) => (
                <option key={choice} value={String(choice)}>
                  {choice}
                </option>
              ))}
            </select>
          </div>

          <section aria-labelledby="year-report-heading" className="margin-top-4">
            <h2 id="year-report-heading">{t('reports.yearReport.heading', { year })}</h2>
            <p className="measure-5">{t('reports.yearReport.about')}</p>
            <ul className="usa-button-group report-links">
              <li className="usa-button-group__item">
                <a className="usa-button" href={apiUrl(`/reports/year/${year}`, { format: 'html' })} target="_blank" rel="noopener">
                  {t('reports.yearReport.read', { year })}
                  <span className="usa-sr-only"> {t('reports.newTab')}</span>
                </a>
              </li>
              <li className="usa-button-group__item">
                <a className="usa-button usa-button--outline" href={apiUrl(`/reports/year/${year}`, { format: 'pdf' })} download>
                  {t('reports.yearReport.pdf')}
                </a>
              </li>
              <li className="usa-button-group__item">
                <a className="usa-button usa-button--outline" href={apiUrl(`/reports/year/${year}`, { format: 'md' })} download>
                  {t('reports.yearReport.markdown')}
                </a>
              </li>
              <li className="usa-button-group__item">
                <a className="usa-button usa-button--outline" href={apiUrl('/reports/iati', { year })} download>
                  {t('reports.yearReport.iati')}
                </a>
              </li>
            </ul>
            <p className="usa-hint">{t('reports.yearReport.iatiHint')}</p>
            <p className="usa-hint measure-5">{t('reports.iati.about')}</p>
          </section>

          <section aria-labelledby="run-heading" className="margin-top-4">
            <h2 id="run-heading">{t('reports.run.heading')}</h2>
            <p className="measure-5">{t('reports.run.about')}</p>
            <RunForm key={year} year={year} onStarted={(run) => setRunId(run.id)} />
            {runId && <RunProgress runId={runId} />}
          </section>
        </>
      )}

      <section aria-labelledby="recent-runs-heading" className="margin-top-4">
        <h2 id="recent-runs-heading">{t('reports.recent.heading')}</h2>
        <RecentRuns />
      </section>
    </>
  );
}
