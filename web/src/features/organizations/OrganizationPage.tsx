import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Organization } from '../../api/schemas';
import { DetailList } from '../../components/DetailList';
import { countryName, formatInstant } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { OrganizationEngagements } from '../engagements/OrganizationEngagements';
import { OrganizationPeople } from '../people/OrganizationPeople';
import { useOrganization } from './api';
import { OrganizationActions } from './OrganizationActions';
import { OrganizationPartnership } from './OrganizationPartnership';
import { useSubdivisionName } from './subdivisions';

function OrganizationDetails({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const subdivision = useSubdivisionName(organization.subdivision);
  return (
    <>
      {organization.isArchived && (
        <div className="usa-alert usa-alert--warning usa-alert--slim margin-bottom-3">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{t('organizations.isArchivedNotice')}</p>
          </div>
        </div>
      )}
      <DetailList
        items={[
          { label: t('organizations.fields.kind'), value: t(`organizationKinds.${organization.kind}`) },
          { label: t('organizations.fields.country'), value: countryName(organization.country) },
          { label: t('organizations.fields.subdivision'), value: subdivision },
          { label: t('organizations.fields.city'), value: organization.city },
          {
            label: t('organizations.fields.parent'),
            value: organization.parentId && <Link to={`/organizations/${organization.parentId}`}>{t('organizations.viewParent')}</Link>,
          },
          {
            label: t('organizations.fields.website'),
            value: organization.website && (
              <a href={organization.website} rel="noopener noreferrer" target="_blank" className="usa-link usa-link--external">
                {organization.website}
              </a>
            ),
          },
          { label: t('organizations.fields.description'), value: organization.description && <span className="pre-line">{organization.description}</span> },
          { label: t('common.added'), value: formatInstant(organization.createdAt) },
        ]}
      />
    </>
  );
}

export function OrganizationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useOrganization(id);
  const organization = query.data;

  return (
    <>
      <PageHeader
        title={organization ? organization.name + (organization.acronym ? ` (${organization.acronym})` : '') : t('organizations.oneTitle')}
        actions={organization && <OrganizationActions organization={organization} />}
      />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {organization && (
        <>
          <OrganizationDetails organization={organization} />
          <OrganizationPartnership organization={organization} />
          <OrganizationPeople organization={organization} />
          <OrganizationEngagements organizationId={organization.id} />
        </>
      )}
    </>
  );
}
