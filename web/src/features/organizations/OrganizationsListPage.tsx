import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Organization } from '../../api/schemas';
import { useCan } from '../../api/session';
import { type Column, PagedTable } from '../../components/DataTable';
import { ExportLinks } from '../../components/ExportLinks';
import { countryName } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { Foreign } from '../../language/Foreign';
import { ImportedRecordsNotice } from '../imports/ImportedRecordsNotice';
import { useOrganizationList } from './api';
import { FILTER_NAMES, OrganizationFilters } from './OrganizationFilters';

export function OrganizationsListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params] = useSearchParams();
  const filters = Object.fromEntries(FILTER_NAMES.map((name) => [name, params.get(name) ?? undefined]));
  const query = useOrganizationList({ ...filters, limit: 25 });

  const columns: Column<Organization>[] = [
    {
      key: 'name',
      header: t('organizations.fields.name'),
      cell: (organization) => (
        <>
          <Link to={`/organizations/${organization.id}`}>
            <Foreign>{organization.name}</Foreign>
          </Link>
          {organization.acronym && <span className="text-base-dark"> ({organization.acronym})</span>}
          {organization.isArchived && <span className="usa-tag bg-base-dark margin-left-1">{t('organizations.archived')}</span>}
        </>
      ),
    },
    { key: 'kind', header: t('organizations.fields.kind'), cell: (organization) => t(`organizationKinds.${organization.kind}`) },
    { key: 'country', header: t('organizations.fields.country'), cell: (organization) => countryName(organization.country) },
    { key: 'city', header: t('organizations.fields.city'), cell: (organization) => organization.city ?? '' },
  ];

  return (
    <>
      <PageHeader
        title={t('organizations.listTitle')}
        actions={
          <>
            {can('organizations', 'create') && (
              <>
                <Link to="/organizations/new" className="usa-button">
                  {t('nav.newOrganization')}
                </Link>
                <Link to="/imports/new?kind=organizations" className="usa-button usa-button--outline">
                  {t('organizations.importList')}
                </Link>
              </>
            )}
            <ExportLinks path="/organizations" params={filters} />
          </>
        }
      />
      <ImportedRecordsNotice records="organizations" />
      <OrganizationFilters />
      <PagedTable
        query={query}
        caption={t('organizations.listCaption')}
        isCaptionHidden
        columns={columns}
        rowKey={(organization) => organization.id}
        empty={t('organizations.empty')}
      />
    </>
  );
}
