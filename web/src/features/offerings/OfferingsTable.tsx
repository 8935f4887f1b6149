import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Offering } from '../../api/schemas';
import type { Column } from '../../components/DataTable';
import { countryName, formatCount, formatDate } from '../../components/format';
import { Foreign } from '../../language/Foreign';
import { courseName } from '../courses/names';
import { OfferingStatusTag } from './StatusTags';

/** The columns every list of offerings shows: what, when, where, its state and how full it is. */
export function useOfferingColumns({ isCourseShown = true }: { isCourseShown?: boolean } = {}): Column<Offering>[] {
  const { t } = useTranslation();
  const place = (offering: Offering) => [offering.city, countryName(offering.country)].filter(Boolean).join(', ');
  const dates = (offering: Offering) => t('common.dateRange', { from: formatDate(offering.startOn), to: formatDate(offering.endOn) });
  return [
    isCourseShown
      ? {
          key: 'course',
          header: t('offerings.fields.course'),
          cell: (offering) => (
            <>
              <Link to={`/offerings/${offering.id}`}>
                <Foreign lang={offering.course.language}>{courseName(offering.course)}</Foreign>
              </Link>
              <span className="display-block text-normal text-base-dark">{t('offerings.versionShort', { version: offering.courseVersion })}</span>
            </>
          ),
        }
      : { key: 'dates', header: t('offerings.fields.dates'), cell: (offering) => <Link to={`/offerings/${offering.id}`}>{dates(offering)}</Link> },
    ...(isCourseShown ? [{ key: 'dates', header: t('offerings.fields.dates'), cell: dates }] : []),
    { key: 'place', header: t('offerings.fields.place'), cell: place },
    { key: 'status', header: t('offerings.fields.status'), cell: (offering) => <OfferingStatusTag status={offering.status} /> },
    {
      key: 'enrolled',
      header: t('offerings.fields.enrolled'),
      cell: (offering) => t('offerings.enrolledOf', { enrolled: formatCount(offering.enrolledCount), capacity: formatCount(offering.capacity) }),
    },
    {
      key: 'instructors',
      header: t('offerings.fields.instructors'),
      cell: (offering) => offering.instructors.map((instructor) => instructor.name).join(', '),
    },
  ];
}
