import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Organization } from '../../api/schemas';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useOrganization, useUpdateOrganization } from './api';
import { OrganizationForm } from './OrganizationForm';

function EditForm({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateOrganization(organization);
  return (
    <OrganizationForm
      organization={organization}
      submitLabel={t('common.saveChanges')}
      cancelTo={`/organizations/${organization.id}`}
      onSubmit={async (body) => {
        const saved = await update.mutateAsync(body);
        await navigate(`/organizations/${saved.id}`, { state: { notice: t('common.saved') } });
      }}
    />
  );
}

export function EditOrganizationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const organization = useOrganization(id);
  return (
    <>
      <PageHeader title={organization.data ? t('organizations.editTitle', { name: organization.data.name }) : t('organizations.editTitleLoading')} />
      {organization.isPending && <Loading />}
      {organization.isError && <ProblemAlert error={organization.error} />}
      {organization.data && <EditForm key={organization.data.id} organization={organization.data} />}
    </>
  );
}
