import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Organization } from '../../api/schemas';
import { useCan } from '../../api/session';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StageBadge } from '../../components/StageBadge';
import { useOrganizationPartnership } from './api';

/** The organization's place in the pipeline, or the way to open a partnership with it. */
export function OrganizationPartnership({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const can = useCan();
  const query = useOrganizationPartnership(organization);
  const partnership = query.data;

  return (
    <section aria-labelledby="organization-partnership-heading" className="margin-top-5">
      <h2 id="organization-partnership-heading">{t('organizations.partnershipHeading')}</h2>
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} headingLevel="h3" />}
      {partnership && (
        <p>
          <StageBadge stage={partnership.stage} />{' '}
          {t('organizations.partnershipSince', { date: formatDate(partnership.stageChangedOn) })}{' '}
          <Link to={`/partnerships/${partnership.id}`}>{t('organizations.viewPartnership')}</Link>
        </p>
      )}
      {partnership === null && (
        <>
          <p>{t('organizations.noPartnership')}</p>
          {can('partnerships', 'create') && !organization.isArchived && (
            <Link to={`/partnerships/new?organizationId=${organization.id}`} className="usa-button usa-button--outline">
              {t('organizations.startPartnership')}
            </Link>
          )}
        </>
      )}
    </section>
  );
}
