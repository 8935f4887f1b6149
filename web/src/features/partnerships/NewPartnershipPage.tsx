import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useCreatePartnership } from './api';
import { PartnershipForm } from './PartnershipForm';

/** Opens a partnership at the prospect stage; `?organizationId=` comes from an organization's page. */
export function NewPartnershipPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreatePartnership();
  const organizationId = params.get('organizationId') ?? undefined;
  return (
    <>
      <PageHeader title={t('partnerships.newTitle')} lead={t('partnerships.newLead')} />
      <PartnershipForm
        organizationId={organizationId}
        submitLabel={t('partnerships.create')}
        cancelTo={organizationId ? `/organizations/${organizationId}` : '/partnerships'}
        onSubmit={async (body) => {
          const partnership = await create.mutateAsync(body);
          await navigate(`/partnerships/${partnership.id}`, { state: { notice: t('partnerships.created', { name: partnership.organization.name }) } });
        }}
      />
    </>
  );
}
