import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { OfferingDetail } from '../../api/schemas';
import { Forbidden } from '../../app/Forbidden';
import { countryName } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { courseName } from '../courses/names';
import { useOffering, useUpdateOffering } from './api';
import { OfferingForm } from './OfferingForm';

function EditForm({ offering }: { offering: OfferingDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateOffering(offering);
  return (
    <OfferingForm
      courseId={offering.course.id}
      offering={offering}
      submitLabel={t('offerings.saveChanges')}
      cancelTo={`/offerings/${offering.id}`}
      onSubmit={async (body) => {
        const saved = await update.mutateAsync(body);
        await navigate(`/offerings/${saved.id}`, { state: { notice: t('offerings.saved') } });
      }}
    />
  );
}

/** Corrects a scheduled offering: its dates, place, seats and organizations. */
export function EditOfferingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useOffering(id);
  const offering = query.data;
  if (offering && !offering.allowedActions.includes('update')) return <Forbidden />;
  return (
    <>
      <PageHeader
        title={offering ? t('offerings.editTitle', { course: courseName(offering.course) }) : t('offerings.editTitleLoading')}
        lead={offering && t('offerings.editLead', { country: countryName(offering.country) })}
      />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {offering && <EditForm key={offering.id} offering={offering} />}
    </>
  );
}
