import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { DeploymentDetail } from '../../api/schemas';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Forbidden } from '../../app/Forbidden';
import { useDeployment, useUpdateDeployment } from './api';
import { DeploymentForm } from './DeploymentForm';

function EditForm({ deployment }: { deployment: DeploymentDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateDeployment(deployment);
  return (
    <DeploymentForm
      deployment={deployment}
      submitLabel={t('deployments.saveChanges')}
      cancelTo={`/deployments/${deployment.id}`}
      onSubmit={async (body) => {
        const saved = await update.mutateAsync(body);
        await navigate(`/deployments/${saved.id}`, { state: { notice: t('deployments.saved') } });
      }}
    />
  );
}

/** Corrects a deployment: its name and purpose, host, dates, places and the languages it asks for. */
export function EditDeploymentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useDeployment(id);
  const deployment = query.data;
  if (deployment && !deployment.allowedActions.includes('update')) return <Forbidden />;
  return (
    <>
      <PageHeader title={deployment ? t('deployments.editTitle', { title: deployment.title }) : t('deployments.editTitleLoading')} />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {deployment && <EditForm key={deployment.id} deployment={deployment} />}
    </>
  );
}
