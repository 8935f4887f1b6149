import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CloseReport as Report, OfferingDetail } from '../../api/schemas';
import { countryName, formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { courseName } from '../courses/names';
import { useOffering } from './api';
import { CancelOffering } from './CancelOffering';
import { CloseReport } from './CloseReport';
import { CloseSection } from './CloseSection';
import { FollowUpsSection } from './FollowUpsSection';
import { InstructorsSection } from './InstructorsSection';
import { IssuedCertifications } from './IssuedCertifications';
import { OfferingDetails } from './OfferingDetails';
import { RosterSection } from './RosterSection';
import { OfferingStatusTag } from './StatusTags';

/**
 * What the caller may do with the offering, as the server said in its `allowedActions`: the
 * page offers each section's buttons only when the action is there.
 */
export function OfferingWork({ offering, onClosed }: { offering: OfferingDetail; onClosed: (report: Report) => void }) {
  const can = (action: OfferingDetail['allowedActions'][number]) => offering.allowedActions.includes(action);
  return (
    <>
      <InstructorsSection offering={offering} canManage={can('addInstructor')} />
      <RosterSection offering={offering} canRecord={can('recordResults')} canEnroll={can('enroll')} />
      {can('close') && <CloseSection offering={offering} onClosed={onClosed} />}
      {offering.status === 'closed' && (can('recordFollowUp') || offering.followUps.length > 0) && (
        <FollowUpsSection offering={offering} canRecord={can('recordFollowUp')} />
      )}
      {offering.status === 'closed' && <IssuedCertifications offering={offering} />}
      {can('cancel') && <CancelOffering offering={offering} />}
    </>
  );
}

/**
 * One offering, from scheduling to follow-up: who teaches it, who takes it and how they did,
 * closing it (which certifies), and what the people trained went on to do.
 */
export function OfferingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useOffering(id);
  const offering = query.data;
  // The report exists only in the answer to closing: kept here while the page stays open.
  const [report, setReport] = useState<Report | null>(null);
  const reportHeading = useRef<HTMLHeadingElement>(null);

  const closed = (next: Report) => {
    flushSync(() => setReport(next));
    reportHeading.current?.focus();
  };

  return (
    <>
      <PageHeader
        title={offering ? courseName(offering.course) : t('offerings.oneTitle')}
        titleLang={offering?.course.language}
        lead={
          offering && (
            <>
              <OfferingStatusTag status={offering.status} />{' '}
              {t('offerings.lead', {
                place: [offering.city, countryName(offering.country)].filter(Boolean).join(', '),
                from: formatDate(offering.startOn),
                to: formatDate(offering.endOn),
              })}
            </>
          )
        }
        actions={
          offering && (
            <>
              {offering.allowedActions.includes('update') && (
                <Link to={`/offerings/${offering.id}/edit`} className="usa-button usa-button--outline">
                  {t('common.edit')}
                </Link>
              )}
              {offering.allowedActions.includes('enroll') && (
                <Link to={`/imports/new?kind=enrollments&offeringId=${offering.id}`} className="usa-button usa-button--outline">
                  {t('offerings.importSheet')}
                </Link>
              )}
            </>
          )
        }
      />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {offering && (
        <>
          {report && report.offering.id === offering.id && <CloseReport report={report} headingRef={reportHeading} />}
          <OfferingDetails offering={offering} />
          <OfferingWork offering={offering} onClosed={closed} />
        </>
      )}
    </>
  );
}
