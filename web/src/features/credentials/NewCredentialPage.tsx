import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../../api/session';
import { Forbidden } from '../../app/Forbidden';
import { PageHeader } from '../../components/PageHeader';
import { useCreateCredential } from './api';
import { CredentialForm } from './CredentialForm';

export function NewCredentialPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const create = useCreateCredential();
  if (!can('credentials', 'create')) return <Forbidden />;
  return (
    <>
      <PageHeader title={t('credentials.newTitle')} lead={t('credentials.newLead')} />
      <CredentialForm
        submitLabel={t('credentials.create')}
        cancelTo="/credentials"
        onSubmit={async (body) => {
          const credential = await create.mutateAsync(body);
          await navigate(`/credentials/${credential.id}`, { state: { notice: t('credentials.created', { name: credential.name }) } });
        }}
      />
    </>
  );
}
