import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useCreateDeployment } from './api';
import { DeploymentForm } from './DeploymentForm';

/** Plans a deployment; it starts in planning with its first rotation. */
export function NewDeploymentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateDeployment();
  return (
    <>
      <PageHeader title={t('deployments.newTitle')} lead={t('deployments.newLead')} />
      <DeploymentForm
        cancelTo="/deployments"
        onSubmit={async (body) => {
          const deployment = await create.mutateAsync(body);
          await navigate(`/deployments/${deployment.id}`, { state: { notice: t('deployments.created', { title: deployment.title }) } });
        }}
      />
    </>
  );
}
