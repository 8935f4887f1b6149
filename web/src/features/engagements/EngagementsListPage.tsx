import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ENGAGEMENT_KINDS } from '../../api/schemas';
import { useCan } from '../../api/session';
import { ExportLinks } from '../../components/ExportLinks';
import { FilterBar, FilterInput, FilterSelect } from '../../components/FilterBar';
import { countryName } from '../../components/format';
import { ListScope } from '../../components/ListScope';
import { PageHeader } from '../../components/PageHeader';
import { useOrganizationOptions } from '../organizations/api';
import { useEngagementList } from './api';
import { EngagementsTable } from './EngagementsTable';

const FILTERS = ['q', 'organizationId', 'kind', 'from', 'to', 'withdrawn'] as const;
/** The filters a dashboard figure opens the list with; shown above the table. */
const FIGURE_FILTERS = ['track', 'country'] as const;

export function EngagementsListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params] = useSearchParams();
  const filters = Object.fromEntries([...FILTERS, ...FIGURE_FILTERS].map((name) => [name, params.get(name) ?? undefined]));
  // The same query as the table's (one request): its first page carries the total.
  const total = useEngagementList({ ...filters, limit: 25 }).data?.pages[0]?.total;
  const organizations = useOrganizationOptions();

  return (
    <>
      <PageHeader
        title={t('engagements.listTitle')}
        actions={
          <>
            {can('engagements', 'create') && (
              <Link to="/engagements/new" className="usa-button">
                {t('nav.newEngagement')}
              </Link>
            )}
            <ExportLinks path="/engagements" params={filters} />
          </>
        }
      />
      <FilterBar names={FILTERS} label={t('engagements.filtersLabel')}>
        <FilterInput name="q" label={t('engagements.search')} isWide />
        <FilterSelect
          key={organizations.data?.length ?? 0}
          name="organizationId"
          label={t('engagements.fields.organization')}
          options={(organizations.data ?? []).map((organization) => ({ value: organization.id, label: `${organization.name} (${countryName(organization.country)})` }))}
          allLabel={t('engagements.allOrganizations')}
        />
        <FilterSelect
          name="kind"
          label={t('engagements.fields.kind')}
          options={ENGAGEMENT_KINDS.map((kind) => ({ value: kind, label: t(`engagementKinds.${kind}`) }))}
          allLabel={t('engagements.allKinds')}
        />
        <FilterInput name="from" type="date" label={t('engagements.from')} />
        <FilterInput name="to" type="date" label={t('engagements.to')} />
        <FilterSelect
          name="withdrawn"
          label={t('engagements.withdrawn.all')}
          options={(['included', 'only'] as const).map((value) => ({ value, label: t(`engagements.withdrawn.${value}`) }))}
          allLabel={t('engagements.withdrawn.hidden')}
        />
      </FilterBar>
      <ListScope total={total} noun={(count, formatted) => t('figures.totals.engagements', { count, formatted })} />
      <EngagementsTable params={filters} caption={t('engagements.listTitle')} />
    </>
  );
}
