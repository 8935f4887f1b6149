import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePagedList } from '../../api/lists';
import type { Partnership } from '../../api/schemas';
import { type Column, PagedTable } from '../../components/DataTable';
import { ExportLinks } from '../../components/ExportLinks';
import { countryName } from '../../components/format';
import { ListScope } from '../../components/ListScope';
import { PageHeader } from '../../components/PageHeader';
import { StageBadge } from '../../components/StageBadge';
import { BoardPage } from './BoardPage';

/** The filters a dashboard figure (partners) opens the list with. */
const FIGURE_FILTERS = ['asOf', 'track', 'country', 'organizationId', 'kind', 'stage'] as const;

/** The partnerships a figure counts, as a list: opened from the dashboard with the pipeline as it stood on a day. */
export function PartnershipsListPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const filters = Object.fromEntries(FIGURE_FILTERS.map((name) => [name, params.get(name) ?? undefined]));
  const query = usePagedList<Partnership>(['partnerships', 'list'], '/partnerships', { ...filters, limit: 25 });
  const columns: Column<Partnership>[] = [
    { key: 'organization', header: t('figures.organization'), cell: (partnership) => <Link to={`/partnerships/${partnership.id}`}>{partnership.organization.name}</Link> },
    { key: 'kind', header: t('figures.kind'), cell: (partnership) => t(`organizationKinds.${partnership.organization.kind}`) },
    { key: 'country', header: t('figures.country'), cell: (partnership) => countryName(partnership.organization.country) },
    { key: 'stage', header: t('figures.stageAt'), cell: (partnership) => <StageBadge stage={partnership.stage} /> },
  ];
  return (
    <>
      <PageHeader
        title={t('figures.partnershipsTitle')}
        lead={t('figures.partnershipsLead')}
        actions={
          <>
            <Link to="/partnerships" className="usa-button usa-button--outline">
              {t('figures.toBoard')}
            </Link>
            <ExportLinks path="/partnerships" params={filters} />
          </>
        }
      />
      <ListScope total={query.data?.pages[0]?.total} noun={(count, formatted) => t('figures.totals.partnerships', { count, formatted })} />
      <PagedTable query={query} caption={t('figures.partnershipsCaption')} isCaptionHidden columns={columns} rowKey={(partnership) => partnership.id} empty={t('figures.partnershipsEmpty')} />
    </>
  );
}

/** `/partnerships`: the pipeline board, or the list a figure opened (it names the day the pipeline is read at). */
export function PartnershipsIndexPage() {
  const [params] = useSearchParams();
  return params.has('asOf') ? <PartnershipsListPage /> : <BoardPage />;
}
