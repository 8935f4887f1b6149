import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OfferingDetail } from '../../api/schemas';
import { DetailList } from '../../components/DetailList';
import { Foreign } from '../../language/Foreign';
import { countryName, formatCount, formatDate, formatInstant } from '../../components/format';
import { courseName } from '../courses/names';

/** What was taught (the course version of the day), when, where, by whom and for how many. */
export function OfferingDetails({ offering }: { offering: OfferingDetail }) {
  const { t } = useTranslation();
  const organization = (value: OfferingDetail['hostOrganization']) =>
    value && (
      <Link to={`/organizations/${value.id}`}>
        <Foreign>{value.name}</Foreign>
      </Link>
    );
  return (
    <section aria-labelledby="offering-details-heading">
      <h2 id="offering-details-heading" className="margin-top-0">
        {t('offerings.detailsHeading')}
      </h2>
      <DetailList
        items={[
          {
            label: t('offerings.fields.course'),
            value: (
              <>
                <Link to={`/courses/${offering.course.id}`}>
                  <Foreign lang={offering.course.language}>{courseName(offering.course)}</Foreign>
                </Link>
                <span className="display-block text-base-dark">{t('offerings.versionTaught', { version: offering.courseVersion })}</span>
              </>
            ),
          },
          { label: t('offerings.fields.dates'), value: t('common.dateRange', { from: formatDate(offering.startOn), to: formatDate(offering.endOn) }) },
          { label: t('offerings.fields.place'), value: [offering.city, countryName(offering.country)].filter(Boolean).join(', ') },
          { label: t('offerings.fields.hostOrganization'), value: organization(offering.hostOrganization) },
          { label: t('offerings.fields.deliveringOrganization'), value: organization(offering.deliveringOrganization) },
          {
            label: t('offerings.fields.enrolled'),
            value: t('offerings.enrolledOf', { enrolled: formatCount(offering.enrolledCount), capacity: formatCount(offering.capacity) }),
          },
          { label: t('offerings.fields.isUsFunded'), value: offering.isUsFunded ? t('offerings.usFundedYes') : t('common.no') },
          { label: t('offerings.fields.isRefresher'), value: offering.isRefresher ? t('offerings.refresherYes') : t('common.no') },
          { label: t('offerings.fields.closedAt'), value: formatInstant(offering.closedAt) },
          ...(offering.cancelReason ? [{ label: t('offerings.fields.cancelReason'), value: <span className="pre-line">{offering.cancelReason}</span> }] : []),
          { label: t('offerings.fields.notes'), value: offering.notes && <span className="pre-line">{offering.notes}</span> },
        ]}
      />
    </section>
  );
}
