import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DEPLOYMENT_STATUSES, type Deployment } from '../../api/schemas';
import { useCan } from '../../api/session';
import { useCountryChoices } from '../../components/choices';
import { type Column, PagedTable } from '../../components/DataTable';
import { ExportLinks } from '../../components/ExportLinks';
import { FilterBar, FilterInput, FilterSelect } from '../../components/FilterBar';
import { countryName, formatCount, formatDate } from '../../components/format';
import { ListScope } from '../../components/ListScope';
import { PageHeader } from '../../components/PageHeader';
import { useDeploymentList } from './api';
import { DeploymentStatusTag } from './StatusTags';

const FILTERS = ['status', 'hostCountry', 'from', 'to'] as const;
/** The filters a dashboard figure opens the list with; shown above the table. */
const FIGURE_FILTERS = ['track', 'cancelled', 'organizationId'] as const;

/** Deployments, latest start first. */
export function DeploymentsListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params] = useSearchParams();
  const countries = useCountryChoices();
  const filters = Object.fromEntries([...FILTERS, ...FIGURE_FILTERS].map((name) => [name, params.get(name) ?? undefined]));
  const query = useDeploymentList({ ...filters, limit: 25 });

  const columns: Column<Deployment>[] = [
    {
      key: 'title',
      header: t('deployments.fields.title'),
      cell: (deployment) => (
        <>
          <Link to={`/deployments/${deployment.id}`}>{deployment.title}</Link>
          {deployment.hostOrganization && <span className="display-block text-normal text-base-dark">{deployment.hostOrganization.name}</span>}
        </>
      ),
    },
    { key: 'status', header: t('deployments.fields.status'), cell: (deployment) => <DeploymentStatusTag status={deployment.status} /> },
    { key: 'country', header: t('deployments.fields.hostCountry'), cell: (deployment) => countryName(deployment.hostCountry) },
    {
      key: 'dates',
      header: t('deployments.fields.dates'),
      cell: (deployment) => t('common.dateRange', { from: formatDate(deployment.startOn), to: formatDate(deployment.endOn) }),
    },
    {
      key: 'headcount',
      header: t('deployments.fields.headcount'),
      cell: (deployment) => formatCount(deployment.rotations.reduce((sum, rotation) => sum + rotation.authorizedHeadcount, 0)),
    },
    { key: 'personDays', header: t('deployments.fields.personDays'), cell: (deployment) => formatCount(deployment.personDays) },
  ];

  return (
    <>
      <PageHeader
        title={t('deployments.listTitle')}
        actions={
          <>
            {can('deployments', 'create') && (
              <Link to="/deployments/new" className="usa-button">
                {t('nav.newDeployment')}
              </Link>
            )}
            <Link to="/deployments/timeline" className="usa-button usa-button--outline">
              {t('nav.timeline')}
            </Link>
            <ExportLinks path="/deployments" params={filters} />
          </>
        }
      />
      <FilterBar names={FILTERS} label={t('deployments.filtersLabel')}>
        <FilterSelect
          name="status"
          label={t('deployments.fields.status')}
          options={DEPLOYMENT_STATUSES.map((status) => ({ value: status, label: t(`deploymentStatuses.${status}`) }))}
          allLabel={t('deployments.allStatuses')}
        />
        <FilterSelect name="hostCountry" label={t('deployments.fields.hostCountry')} options={countries} allLabel={t('deployments.allCountries')} />
        <FilterInput name="from" type="date" label={t('deployments.runningFrom')} />
        <FilterInput name="to" type="date" label={t('deployments.runningTo')} />
      </FilterBar>
      <ListScope total={query.data?.pages[0]?.total} noun={(count, formatted) => t('figures.totals.deployments', { count, formatted })} />
      <PagedTable query={query} caption={t('deployments.listTitle')} isCaptionHidden columns={columns} rowKey={(deployment) => deployment.id} empty={t('deployments.empty')} />
    </>
  );
}
