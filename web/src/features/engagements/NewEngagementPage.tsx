import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useCreateEngagement } from './api';
import { EngagementForm } from './EngagementForm';

export function NewEngagementPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreateEngagement();
  const organizationId = params.get('organizationId') ?? undefined;
  return (
    <>
      <PageHeader title={t('engagements.newTitle')} lead={t('engagements.newLead')} />
      <EngagementForm
        organizationId={organizationId}
        cancelTo={organizationId ? `/organizations/${organizationId}` : '/engagements'}
        onSubmit={async (body) => {
          const engagement = await create.mutateAsync(body);
          await navigate(`/engagements/${engagement.id}`, { state: { notice: t('engagements.created') } });
        }}
      />
    </>
  );
}
