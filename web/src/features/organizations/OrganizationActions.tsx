import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Organization } from '../../api/schemas';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useArchiveOrganization } from './api';

function ArchiveButton({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const archive = useArchiveOrganization(organization);
  return (
    <>
      <button
        type="button"
        className="usa-button usa-button--outline"
        disabled={archive.isPending}
        onClick={() => archive.mutate(!organization.isArchived)}
      >
        {organization.isArchived ? t('organizations.restore') : t('organizations.archive')}
      </button>
      {archive.isError && <ProblemAlert error={archive.error} />}
    </>
  );
}

/** Edit and archive, offered exactly when the server's policy allows them on this organization. */
export function OrganizationActions({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const can = (action: Organization['allowedActions'][number]) => organization.allowedActions.includes(action);
  if (!can('update') && !can('archive')) return null;
  return (
    <>
      {can('update') && (
        <Link to={`/organizations/${organization.id}/edit`} className="usa-button">
          {t('common.edit')}
        </Link>
      )}
      {can('archive') && <ArchiveButton organization={organization} />}
    </>
  );
}
