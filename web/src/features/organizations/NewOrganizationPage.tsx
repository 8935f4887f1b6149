import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useCreateOrganization } from './api';
import { OrganizationForm } from './OrganizationForm';

export function NewOrganizationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateOrganization();
  return (
    <>
      <PageHeader title={t('organizations.newTitle')} />
      <OrganizationForm
        submitLabel={t('organizations.create')}
        cancelTo="/organizations"
        onSubmit={async (body) => {
          const organization = await create.mutateAsync(body);
          await navigate(`/organizations/${organization.id}`, { state: { notice: t('organizations.created', { name: organization.name }) } });
        }}
      />
    </>
  );
}
