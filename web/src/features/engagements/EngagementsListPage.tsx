import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { apiUrl } from '../../api/client';
import { ENGAGEMENT_KINDS } from '../../api/schemas';
import { canWrite, useCurrentUser } from '../../api/session';
import { FilterBar, FilterInput, FilterSelect } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { EngagementsTable } from './EngagementsTable';

const FILTERS = ['q', 'kind', 'from', 'to'] as const;

export function EngagementsListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? undefined]));

  return (
    <>
      <PageHeader
        title={t('engagements.listTitle')}
        actions={
          <>
            {canWrite(user) && (
              <Link to="/engagements/new" className="usa-button">
                {t('nav.newEngagement')}
              </Link>
            )}
            <a className="usa-button usa-button--outline" href={apiUrl('/engagements', { ...filters, format: 'csv' })} download>
              {t('common.exportCsv')}
            </a>
          </>
        }
      />
      <FilterBar names={FILTERS} label={t('engagements.filtersLabel')}>
        <FilterInput name="q" label={t('engagements.search')} isWide />
        <FilterSelect
          name="kind"
          label={t('engagements.fields.kind')}
          options={ENGAGEMENT_KINDS.map((kind) => ({ value: kind, label: t(`engagementKinds.${kind}`) }))}
          allLabel={t('engagements.allKinds')}
        />
        <FilterInput name="from" type="date" label={t('engagements.from')} />
        <FilterInput name="to" type="date" label={t('engagements.to')} />
      </FilterBar>
      <EngagementsTable params={filters} caption={t('engagements.listTitle')} />
    </>
  );
}
