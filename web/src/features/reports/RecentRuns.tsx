import { useTranslation } from 'react-i18next';
import type { ReportRun } from '../../api/schemas';
import { DataTable } from '../../components/DataTable';
import { formatInstant } from '../../components/format';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useReportRuns } from './api';
import { describeRun } from './documents';

const STATUS_CLASS: Record<ReportRun['status'], string> = {
  running: 'bg-primary',
  done: 'bg-success-darker',
  failed: 'bg-secondary-darker',
};

function RunStatus({ run }: { run: ReportRun }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`usa-tag status-tag ${STATUS_CLASS[run.status]}`}>{t(`reports.statuses.${run.status}`)}</span>
      {run.status === 'running' && <span className="display-block text-base-dark">{t('reports.run.step', { progress: run.progress, step: run.message ?? '' })}</span>}
      {run.status === 'failed' && run.message && <span className="display-block text-base-dark">{run.message}</span>}
    </>
  );
}

/** The signed-in user's latest runs, newest first, each with its document once done. */
export function RecentRuns() {
  const { t } = useTranslation();
  const query = useReportRuns();
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} headingLevel="h3" />;
  return (
    <DataTable
      caption={t('reports.recent.caption')}
      isCaptionHidden
      rows={query.data}
      rowKey={(run) => run.id}
      empty={t('reports.recent.empty')}
      columns={[
        { key: 'what', header: t('reports.recent.document'), cell: (run) => describeRun(run, t) },
        { key: 'started', header: t('reports.recent.started'), cell: (run) => formatInstant(run.createdAt) },
        { key: 'status', header: t('reports.recent.status'), cell: (run) => <RunStatus run={run} /> },
        {
          key: 'download',
          header: t('reports.recent.download'),
          cell: (run) =>
            run.download ? (
              <a href={run.download} download>
                {run.filename ?? t('reports.recent.downloadFallback')}
              </a>
            ) : (
              ''
            ),
        },
      ]}
    />
  );
}
