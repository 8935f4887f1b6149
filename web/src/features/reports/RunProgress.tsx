import { useTranslation } from 'react-i18next';
import type { ReportRun } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useReportRun } from './api';
import { describeRun } from './documents';

/**
 * The run just started: a progress bar while it works (asked every second), then its download,
 * or why it failed. Only the start and the end are announced, not every step.
 */
export function RunProgress({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const query = useReportRun(runId);
  const run = query.data;
  if (!run) return query.isError ? <ProblemAlert error={query.error} headingLevel="h3" /> : null;
  const what = describeRun(run, t);
  return (
    <div className="report-run margin-top-3">
      <p role="status" className="usa-sr-only">
        {run.status === 'running' ? t('reports.run.announceRunning', { what }) : run.status === 'done' ? t('reports.run.announceDone', { what }) : t('reports.run.announceFailed', { what })}
      </p>
      {run.status === 'running' && <RunningBar run={run} what={what} />}
      {run.status === 'done' && run.download && (
        <Alert type="success" headingLevel="h3" heading={t('reports.run.doneHeading', { what })}>
          <a href={run.download} download className="text-bold">
            {t('reports.run.download', { filename: run.filename ?? what })}
          </a>
        </Alert>
      )}
      {run.status === 'failed' && (
        <Alert type="error" headingLevel="h3" heading={t('reports.run.failedHeading', { what })}>
          {run.message ?? t('problem.unexpected')}
        </Alert>
      )}
      {/* A failed poll keeps the last progress on screen and says why it is not moving. */}
      {query.isError && <ProblemAlert error={query.error} headingLevel="h3" />}
    </div>
  );
}

function RunningBar({ run, what }: { run: ReportRun; what: string }) {
  const { t } = useTranslation();
  const labelId = `run-${run.id}-label`;
  return (
    <div className="report-run__progress">
      <p id={labelId} className="margin-y-1 text-bold">
        {t('reports.run.working', { what })}
      </p>
      <progress className="report-run__bar" max={100} value={run.progress} aria-labelledby={labelId} />
      <p className="margin-y-1 text-base-dark">{t('reports.run.step', { progress: run.progress, step: run.message ?? '' })}</p>
    </div>
  );
}
