import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useEngagement, useUpdateEngagement } from './api';
import { EngagementForm } from './EngagementForm';
import type { EngagementDetail } from '../../api/schemas';

function EditForm({ engagement }: { engagement: EngagementDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateEngagement(engagement);
  return (
    <EngagementForm
      engagement={engagement}
      cancelTo={`/engagements/${engagement.id}`}
      onSubmit={async (body) => {
        await update.mutateAsync(body);
        await navigate(`/engagements/${engagement.id}`, { state: { notice: t('engagements.saved') } });
      }}
    />
  );
}

/** Correcting a meeting: its date, kind, who took part, summary and outcome (its follow-ups are edited one by one). */
export function EditEngagementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useEngagement(id);
  const engagement = query.data;
  return (
    <>
      <PageHeader title={engagement ? t('engagements.editTitle', { title: engagement.title }) : t('engagements.oneTitle')} lead={engagement?.organization.name} />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {engagement && <EditForm key={engagement.id} engagement={engagement} />}
    </>
  );
}
