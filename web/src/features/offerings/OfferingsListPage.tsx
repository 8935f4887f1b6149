import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { OFFERING_STATUSES } from '../../api/schemas';
import { useCan, useCurrentUser } from '../../api/session';
import { useCountryChoices } from '../../components/choices';
import { PagedTable } from '../../components/DataTable';
import { ExportLinks } from '../../components/ExportLinks';
import { FilterBar, FilterInput, FilterSelect } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { useCourseOptions } from '../courses/api';
import { courseName } from '../courses/names';
import { useOfferingList } from './api';
import { useOfferingColumns } from './OfferingsTable';

const FILTERS = ['courseId', 'status', 'country', 'from', 'to'] as const;

/**
 * Offerings, latest start first. Staff and viewers see every one; a coordinator those their
 * people take part in; an instructor those they teach or take (the API chooses).
 */
export function OfferingsListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const can = useCan();
  const [params] = useSearchParams();
  const countries = useCountryChoices();
  const courses = useCourseOptions();
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? undefined]));
  const query = useOfferingList({ ...filters, limit: 25 });
  const columns = useOfferingColumns();
  // An account bound to a person or an agency sees that one's offerings.
  const own = user.personId ? 'instructor' : user.organizationId ? 'coordinator' : null;

  return (
    <>
      <PageHeader
        title={own ? t(`offerings.ownListTitle.${own}`) : t('offerings.listTitle')}
        actions={
          <>
            {can('offerings', 'create') && (
              <Link to="/offerings/new" className="usa-button">
                {t('nav.newOffering')}
              </Link>
            )}
            <ExportLinks path="/offerings" params={filters} />
          </>
        }
      />
      <FilterBar names={FILTERS} label={t('offerings.filtersLabel')}>
        <FilterSelect
          key={courses.data?.length ?? 0}
          name="courseId"
          label={t('offerings.fields.course')}
          options={(courses.data ?? []).map((course) => ({ value: course.id, label: courseName(course) }))}
          allLabel={t('offerings.allCourses')}
        />
        <FilterSelect
          name="status"
          label={t('offerings.fields.status')}
          options={OFFERING_STATUSES.map((status) => ({ value: status, label: t(`offeringStatuses.${status}`) }))}
          allLabel={t('offerings.allStatuses')}
        />
        <FilterSelect name="country" label={t('offerings.fields.country')} options={countries} allLabel={t('offerings.allCountries')} />
        <FilterInput name="from" type="date" label={t('offerings.runningFrom')} />
        <FilterInput name="to" type="date" label={t('offerings.runningTo')} />
      </FilterBar>
      <PagedTable query={query} caption={t('offerings.listTitle')} isCaptionHidden columns={columns} rowKey={(offering) => offering.id} empty={t('offerings.empty')} />
    </>
  );
}
