import { useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VettingQueue, VettingRecord } from '../../api/schemas';
import { useCan } from '../../api/session';
import { Alert } from '../../components/Alert';
import { type Column, DataTable } from '../../components/DataTable';
import { daysBetween, formatCount, formatDate, todayIso } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useVettingQueue } from './api';
import { caseColumns, personColumn, VettedPerson } from './vettingColumns';
import { VettingResultForm } from './VettingResultForm';

type Lapsing = VettingQueue['expiringBeforeNextOffering'][number];

/** Cases waiting for a result, each with a button that opens its form under the table. */
function PendingCases({ pending }: { pending: VettingRecord[] }) {
  const { t } = useTranslation();
  const [openId, setOpenId] = useState<string | null>(null);
  const [saved, setSaved] = useState<VettingRecord | null>(null);
  const open = (record: VettingRecord) => {
    flushSync(() => {
      setSaved(null);
      setOpenId(record.id);
    });
    document.getElementById('vetting-form-heading')?.focus();
  };
  const done = (record: VettingRecord, result: VettingRecord | null) => {
    flushSync(() => {
      setOpenId(null);
      setSaved(result);
    });
    // A recorded case leaves the queue, so focus goes to the news; otherwise back to its button.
    document.getElementById(result ? 'pending-heading' : `vetting-record-${record.id}`)?.focus();
  };
  const columns: Column<VettingRecord>[] = [
    personColumn(t),
    ...caseColumns(t),
    {
      key: 'waiting',
      header: t('vetting.fields.waiting'),
      cell: (record) => {
        const days = daysBetween(record.submittedOn, todayIso());
        return t('vetting.days', { count: days, formatted: formatCount(days) });
      },
    },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (record) =>
        record.allowedActions.includes('recordResult') && (
          <button
            id={`vetting-record-${record.id}`}
            type="button"
            className="usa-button usa-button--outline usa-button--small"
            aria-label={t('vetting.recordResultFor', { name: record.person.name })}
            onClick={() => open(record)}
          >
            {t('vetting.recordResult')}
          </button>
        ),
    },
  ];
  const openRecord = pending.find((record) => record.id === openId);
  return (
    <section aria-labelledby="pending-heading" className="margin-top-3">
      <h2 id="pending-heading" tabIndex={-1}>
        {t('vetting.pendingHeading', { count: pending.length })}
      </h2>
      {saved && (
        <Alert type="success" headingLevel="h3" isSlim role="status" className="margin-bottom-2">
          {t('vetting.resultSaved', { name: saved.person.name, status: t(`vettingStatuses.${saved.status}`) })}
        </Alert>
      )}
      <DataTable caption={t('vetting.pendingCaption')} isCaptionHidden columns={columns} rows={pending} rowKey={(record) => record.id} empty={t('vetting.nonePending')} />
      {openRecord && (
        <div className="margin-top-3 border-top border-base-lighter padding-top-2">
          <h3 id="vetting-form-heading" tabIndex={-1} className="margin-top-0">
            {t('vetting.formHeading', { name: openRecord.person.name, reference: openRecord.caseReference })}
          </h3>
          <VettingResultForm key={openRecord.id} record={openRecord} onDone={(result) => done(openRecord, result)} />
        </div>
      )}
    </section>
  );
}

function LapsingClearances({ rows }: { rows: Lapsing[] }) {
  const { t } = useTranslation();
  const columns: Column<Lapsing>[] = [
    { key: 'person', header: t('vetting.fields.person'), cell: (row) => <VettedPerson record={row.record} /> },
    { key: 'validUntil', header: t('vetting.fields.validUntil'), cell: (row) => formatDate(row.record.validUntil) },
    {
      key: 'offering',
      header: t('vetting.fields.offering'),
      cell: (row) => (
        <>
          <Link to={`/offerings/${row.offering.id}`}>{row.offering.courseTitle}</Link>
          <span className="display-block text-base-dark">{t('vetting.startsOn', { date: formatDate(row.offering.startOn) })}</span>
        </>
      ),
    },
  ];
  return (
    <section aria-labelledby="lapsing-heading" className="margin-top-5">
      <h2 id="lapsing-heading">{t('vetting.lapsingHeading', { count: rows.length })}</h2>
      <p className="usa-hint margin-top-0">{t('vetting.lapsingHint')}</p>
      <DataTable caption={t('vetting.lapsingCaption')} isCaptionHidden columns={columns} rows={rows} rowKey={(row) => `${row.record.id}-${row.offering.id}`} empty={t('vetting.noneLapsing')} />
    </section>
  );
}

/** What needs the program office's attention on vetting today. */
export function VettingQueuePage() {
  const { t } = useTranslation();
  const can = useCan();
  const query = useVettingQueue();
  return (
    <>
      <PageHeader
        title={t('vetting.queueTitle')}
        lead={t('vetting.lead')}
        actions={
          can('vetting', 'create') && (
            <Link to="/vetting/new" className="usa-button">
              {t('nav.submitVetting')}
            </Link>
          )
        }
      />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {query.data && (
        <>
          <PendingCases pending={query.data.pending} />
          <LapsingClearances rows={query.data.expiringBeforeNextOffering} />
        </>
      )}
    </>
  );
}
