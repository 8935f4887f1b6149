import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { PartnershipDetail } from '../../api/schemas';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePartnership, useUpdatePartnership } from './api';
import { PartnershipForm } from './PartnershipForm';

function EditForm({ partnership }: { partnership: PartnershipDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdatePartnership(partnership);
  return (
    <PartnershipForm
      partnership={partnership}
      submitLabel={t('common.saveChanges')}
      cancelTo={`/partnerships/${partnership.id}`}
      onSubmit={async ({ ownerId, summary, tracks, targetCountries }) => {
        const saved = await update.mutateAsync({ ownerId, summary, tracks, targetCountries });
        await navigate(`/partnerships/${saved.id}`, { state: { notice: t('common.saved') } });
      }}
    />
  );
}

export function EditPartnershipPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = usePartnership(id);
  return (
    <>
      <PageHeader title={query.data ? t('partnerships.editTitle', { name: query.data.organization.name }) : t('partnerships.oneTitleLoading')} />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {query.data && <EditForm key={query.data.id} partnership={query.data} />}
    </>
  );
}
