import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Import } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { formatCount } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isWorking, useStartImport } from './api';
import { ImportOutcome } from './ImportStatus';

/** A roster whose rows name no agency needs the import's own: the API refuses to check it without. */
export function isAgencyMissing(view: Import): boolean {
  return view.kind === 'people' && view.organizationId === null && !view.mapping.some((entry) => entry.field === 'organization');
}

/** Where the records an import wrote are listed. */
function recordsLink(view: Import): string {
  if (view.kind === 'people') return view.organizationId ? `/people?organizationId=${view.organizationId}` : '/people';
  if (view.kind === 'organizations') return '/organizations';
  if (view.kind === 'enrollments' && view.offeringId) return `/offerings/${view.offeringId}`;
  return '/certifications';
}

/**
 * What can be done next, by where the import stands: check the rows, watch the progress, import
 * (all or nothing, or the valid rows only), then what was written.
 */
export function ImportActions({ view, hasUnsavedColumns }: { view: Import; hasUnsavedColumns: boolean }) {
  const { t } = useTranslation();
  const start = useStartImport(view.id);
  const [attempt, setAttempt] = useState(0);
  const run = (step: Parameters<typeof start.mutate>[0]) => {
    setAttempt((n) => n + 1);
    start.mutate(step);
  };
  // Rows are checked against the saved columns: unsaved changes on screen would be checked as they were.
  const blocked = hasUnsavedColumns || view.missingFields.length > 0 || view.dateFormatStatus === 'needed' || view.dateFormatStatus === 'conflict' || isAgencyMissing(view);
  const problems = view.problemCount ?? 0;
  const valid = view.validCount ?? 0;

  return (
    <section aria-labelledby="import-next-heading" className="margin-top-2">
      <h2 id="import-next-heading" className="usa-sr-only">
        {t('imports.next.heading')}
      </h2>
      <p role="status" className="usa-sr-only">
        {view.status === 'uploaded' ? '' : t(`imports.next.announce.${view.status}`)}
      </p>
      {start.isError && <ProblemAlert error={start.error} heading={t('imports.next.refused')} focusKey={attempt} />}

      {isWorking(view.status) && (
        <div className="report-run__progress">
          <p id="import-progress-label" className="margin-y-1 text-bold">
            {t(`imports.next.working.${view.status}`)}
          </p>
          <progress className="report-run__bar" max={100} value={view.progress} aria-labelledby="import-progress-label" />
          <p className="margin-y-1 text-base-dark">{t('imports.next.step', { progress: view.progress, step: view.message ?? '' })}</p>
        </div>
      )}

      {view.status === 'uploaded' && (
        <>
          <p className="measure-5">{hasUnsavedColumns ? t('imports.next.saveFirst') : isAgencyMissing(view) ? t('imports.next.agencyFirst') : blocked ? t('imports.next.mapFirst') : t('imports.next.checkFirst')}</p>
          <button type="button" className="usa-button" disabled={blocked || start.isPending} onClick={() => run({ action: 'validate' })}>
            {t('imports.next.validate')}
          </button>
        </>
      )}

      {view.status === 'validated' && problems === 0 && (
        <Alert type="success" headingLevel="h2" heading={t('imports.next.allValid', { count: valid, formatted: formatCount(valid) })}>
          <p>{t('imports.next.allValidBody')}</p>
          <button type="button" className="usa-button" disabled={start.isPending} onClick={() => run({ action: 'commit', mode: 'all' })}>
            {t('imports.next.commitAll', { count: valid, formatted: formatCount(valid) })}
          </button>
        </Alert>
      )}

      {view.status === 'validated' && problems > 0 && (
        <Alert type="warning" headingLevel="h2" heading={t('imports.next.someInvalid', { count: problems, formatted: formatCount(problems) })}>
          <p>{t('imports.next.someInvalidBody', { valid: formatCount(valid), rows: formatCount(view.rowCount) })}</p>
          <div className="usa-button-group">
            <button type="button" className="usa-button usa-button--outline" disabled={start.isPending} onClick={() => run({ action: 'validate' })}>
              {t('imports.next.revalidate')}
            </button>
            {valid > 0 && (
              <button type="button" className="usa-button" disabled={start.isPending} onClick={() => run({ action: 'commit', mode: 'valid_only' })}>
                {t('imports.next.commitValid', { count: valid, formatted: formatCount(valid) })}
              </button>
            )}
          </div>
        </Alert>
      )}

      {view.status === 'committed' && (
        <Alert type="success" headingLevel="h2" heading={t('imports.next.done')}>
          <p>
            <ImportOutcome summary={view.summary} />
          </p>
          <Link to={recordsLink(view)}>{t(`imports.next.records.${view.kind}`)}</Link>
        </Alert>
      )}

      {view.status === 'failed' && (
        <Alert type="error" headingLevel="h2" heading={t('imports.next.failed')}>
          <p>{view.message ?? t('problem.unexpected')}</p>
          <button type="button" className="usa-button" disabled={blocked || start.isPending} onClick={() => run({ action: 'validate' })}>
            {t('imports.next.validate')}
          </button>
        </Alert>
      )}
    </section>
  );
}
