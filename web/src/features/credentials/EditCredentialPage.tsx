import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Credential } from '../../api/schemas';
import { useCan } from '../../api/session';
import { Forbidden } from '../../app/Forbidden';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useCredential, useUpdateCredential } from './api';
import { CredentialForm } from './CredentialForm';

function EditForm({ credential }: { credential: Credential }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateCredential(credential);
  return (
    <CredentialForm
      credential={credential}
      submitLabel={t('common.saveChanges')}
      cancelTo={`/credentials/${credential.id}`}
      onSubmit={async (body) => {
        const saved = await update.mutateAsync(body);
        await navigate(`/credentials/${saved.id}`, { state: { notice: t('common.saved') } });
      }}
    />
  );
}

export function EditCredentialPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { id = '' } = useParams();
  const query = useCredential(id);
  const credential = query.data;
  if (!can('credentials', 'update')) return <Forbidden />;
  return (
    <>
      <PageHeader title={credential ? t('credentials.editTitle', { name: credential.name }) : t('credentials.editTitleLoading')} lead={t('credentials.editLead')} />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {credential && <EditForm key={credential.id} credential={credential} />}
    </>
  );
}
