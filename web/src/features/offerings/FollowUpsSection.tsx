import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OfferingDetail } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { type Column, DataTable } from '../../components/DataTable';
import { formatCount, formatDate, todayIso } from '../../components/format';
import { FollowUpForm } from './FollowUpForm';
import { followUpWindow } from './trainingDates';

type FollowUp = OfferingDetail['followUps'][number];

/**
 * Three to twelve months after an offering, the program office asks whether the people it
 * trained went on to teach. The window is said plainly; the form is offered while it is open.
 */
export function FollowUpsSection({ offering, canRecord }: { offering: OfferingDetail; canRecord: boolean }) {
  const { t } = useTranslation();
  const [formKey, setFormKey] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const period = followUpWindow(offering.endOn);
  const today = todayIso();
  const isWindowOpen = today >= period.start && today <= period.end;
  const hasCompleted = offering.enrollments.some((enrollment) => enrollment.status === 'completed');

  const columns: Column<FollowUp>[] = [
    { key: 'name', header: t('followUps.fields.person'), cell: (row) => <Link to={`/people/${row.personId}`}>{row.name}</Link> },
    { key: 'recordedOn', header: t('followUps.fields.recordedOn'), cell: (row) => formatDate(row.recordedOn) },
    { key: 'hasTaught', header: t('followUps.fields.hasTaught'), cell: (row) => (row.hasTaught ? t('common.yes') : t('common.no')) },
    { key: 'offeringsTaught', header: t('followUps.fields.offeringsTaught'), cell: (row) => formatCount(row.offeringsTaught) },
    { key: 'peopleTrained', header: t('followUps.fields.peopleTrained'), cell: (row) => formatCount(row.peopleTrained) },
    { key: 'agencyReport', header: t('followUps.fields.agencyReport'), cell: (row) => row.agencyReport ?? '' },
  ];

  return (
    <section aria-labelledby="follow-ups-heading" className="margin-top-5">
      <h2 id="follow-ups-heading">{t('followUps.heading')}</h2>
      <p className="margin-top-0">{t('followUps.window', { from: formatDate(period.start), to: formatDate(period.end) })}</p>
      <div ref={noticeRef} tabIndex={-1} className="focus-target">
        {notice && (
          <Alert type="success" headingLevel="h3" isSlim role="status" className="margin-bottom-2">
            {notice}
          </Alert>
        )}
      </div>
      <DataTable caption={t('followUps.heading')} isCaptionHidden columns={columns} rows={offering.followUps} rowKey={(row) => row.personId} empty={t('followUps.empty')} />
      {canRecord && hasCompleted && (
        <div className="margin-top-3 border-top border-base-lighter padding-top-2">
          <h3 className="margin-top-0">{t('followUps.formHeading')}</h3>
          {today < period.start && <p>{t('followUps.notYet', { date: formatDate(period.start) })}</p>}
          {today > period.end && <p>{t('followUps.over', { date: formatDate(period.end) })}</p>}
          {isWindowOpen && (
            <FollowUpForm
              key={formKey}
              offering={offering}
              onRecorded={(name) => {
                flushSync(() => {
                  setFormKey((key) => key + 1);
                  setNotice(t('followUps.recorded', { name }));
                });
                noticeRef.current?.focus();
              }}
            />
          )}
        </div>
      )}
    </section>
  );
}
