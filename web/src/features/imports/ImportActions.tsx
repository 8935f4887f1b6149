import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Import } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { formatCount } from '../../components/format';
import { LinkErrorSummary } from '../../components/LinkErrorSummary';
import { ProblemAlert } from '../../components/ProblemAlert';
import { type ImportStep, isWorking, useStartImport } from './api';
import { ImportOutcome } from './ImportStatus';
import { columnFieldId, columnLabel } from './MappingForm';
import { PartialImport } from './PartialImport';

/** A roster whose rows name no agency needs the import's own: the API refuses to check it without. */
export function isAgencyMissing(view: Import): boolean {
  return view.kind === 'people' && view.organizationId === null && !view.mapping.some((entry) => entry.field === 'organization');
}

/** Where the records an import wrote are listed. */
function recordsLink(view: Import): string {
  // People and organizations: exactly those this import created or changed.
  if (view.kind === 'people') return `/people?importId=${view.id}`;
  if (view.kind === 'organizations') return `/organizations?importId=${view.id}&archived=include`;
  if (view.kind === 'enrollments' && view.offeringId) return `/offerings/${view.offeringId}`;
  return '/certifications';
}

/** "See the 37 people this import created or changed"; an attendance sheet opens its offering. */
function RecordsLink({ view }: { view: Import }) {
  const { t } = useTranslation();
  const written = view.summary ? view.summary.created + view.summary.updated : 0;
  if (view.kind === 'people' || view.kind === 'organizations') {
    if (written === 0) return null;
    return <Link to={recordsLink(view)}>{t(`imports.next.records.${view.kind}`, { count: written, formatted: formatCount(written) })}</Link>;
  }
  return <Link to={recordsLink(view)}>{t(`imports.next.records.${view.kind}`)}</Link>;
}

/**
 * What can be done next, by where the import stands: check the rows (once every column is
 * accounted for), watch the progress, import (all or nothing, or, once confirmed, the valid rows
 * only), then what was written.
 */
export function ImportActions({ view, hasUnsavedColumns, onUndecidedShown }: { view: Import; hasUnsavedColumns: boolean; onUndecidedShown: () => void }) {
  const { t } = useTranslation();
  const start = useStartImport(view.id);
  const [attempt, setAttempt] = useState(0);
  const [undecidedAttempt, setUndecidedAttempt] = useState(0);
  const [isConfirmingPartial, setIsConfirmingPartial] = useState(false);
  const run = (step: ImportStep) => {
    setAttempt((n) => n + 1);
    setIsConfirmingPartial(false);
    start.mutate(step);
  };
  // Rows are checked against the saved columns: unsaved changes on screen would be checked as they were.
  const blocked = hasUnsavedColumns || view.missingFields.length > 0 || view.dateFormatStatus === 'needed' || view.dateFormatStatus === 'conflict' || isAgencyMissing(view);
  const undecided = view.mapping.filter((entry) => entry.state === 'unconfirmed');
  // Going on with undecided columns is refused here, by name, before the API would refuse it.
  const validate = () => {
    if (undecided.length === 0) return run({ action: 'validate' });
    start.reset();
    setUndecidedAttempt((n) => n + 1);
    onUndecidedShown();
  };
  const problems = view.problemCount ?? 0;
  const valid = view.validCount ?? 0;
  const leftOut = view.rowCount - valid;
  const intro = hasUnsavedColumns
    ? t('imports.next.saveFirst')
    : isAgencyMissing(view)
      ? t('imports.next.agencyFirst')
      : blocked
        ? t('imports.next.mapFirst')
        : undecided.length > 0
          ? t('imports.next.columnsFirst')
          : t('imports.next.checkFirst');

  return (
    <section aria-labelledby="import-next-heading" className="margin-top-2">
      <h2 id="import-next-heading" className="usa-sr-only">
        {t('imports.next.heading')}
      </h2>
      <p role="status" className="usa-sr-only">
        {view.status === 'uploaded' ? '' : t(`imports.next.announce.${view.status}`)}
      </p>
      {start.isError && <ProblemAlert error={start.error} heading={t('imports.next.refused')} focusKey={attempt} />}
      {undecidedAttempt > 0 && undecided.length > 0 && <UndecidedColumns columns={undecided} focusKey={undecidedAttempt} />}

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
          <p className="measure-5">{intro}</p>
          <button type="button" className="usa-button" disabled={blocked || start.isPending} onClick={validate}>
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
            <button type="button" className="usa-button usa-button--outline" disabled={start.isPending} onClick={validate}>
              {t('imports.next.revalidate')}
            </button>
            {valid > 0 && !isConfirmingPartial && (
              <button type="button" className="usa-button" disabled={start.isPending} onClick={() => setIsConfirmingPartial(true)}>
                {t('imports.next.commitValid', { count: valid, formatted: formatCount(valid) })}
              </button>
            )}
          </div>
        </Alert>
      )}

      {view.status === 'validated' && problems > 0 && isConfirmingPartial && (
        <PartialImport
          view={view}
          isPending={start.isPending}
          onConfirm={() => run({ action: 'commit', mode: 'valid_only', leaveOutRows: leftOut })}
          onCancel={() => setIsConfirmingPartial(false)}
        />
      )}

      {view.status === 'committed' && (
        <Alert type="success" headingLevel="h2" heading={t('imports.next.done')}>
          <p>
            <ImportOutcome summary={view.summary} />
          </p>
          <RecordsLink view={view} />
        </Alert>
      )}

      {view.status === 'failed' && (
        <Alert type="error" headingLevel="h2" heading={t('imports.next.failed')}>
          <p>{view.message ?? t('problem.unexpected')}</p>
          <button type="button" className="usa-button" disabled={blocked || start.isPending} onClick={validate}>
            {t('imports.next.validate')}
          </button>
        </Alert>
      )}
    </section>
  );
}

/** The columns still undecided, each a link to its choice: shown (and focused) when the user tries to go on. */
function UndecidedColumns({ columns, focusKey }: { columns: Import['mapping']; focusKey: number }) {
  const { t } = useTranslation();
  return (
    <LinkErrorSummary
      id="import-undecided-heading"
      heading={t('imports.next.undecidedHeading', { count: columns.length })}
      lead={t('imports.next.undecidedBody')}
      items={columns.map((entry) => ({ fieldId: columnFieldId(entry.column), text: t('imports.next.undecidedItem', { column: columnLabel(entry, t) }) }))}
      focusKey={focusKey}
    />
  );
}
