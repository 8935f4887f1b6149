import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useCan } from '../../api/session';
import { Forbidden } from '../../app/Forbidden';
import { PageHeader } from '../../components/PageHeader';
import { courseName } from '../courses/names';
import { useScheduleOffering } from './api';
import { OfferingForm } from './OfferingForm';

/** Schedules an offering; `?courseId=` comes from a course's page. */
export function NewOfferingPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const schedule = useScheduleOffering();
  const courseId = params.get('courseId') ?? '';
  if (!can('offerings', 'create')) return <Forbidden />;
  return (
    <>
      <PageHeader title={t('offerings.newTitle')} lead={t('offerings.newLead')} />
      <OfferingForm
        courseId={courseId}
        cancelTo={courseId ? `/courses/${courseId}` : '/offerings'}
        onSubmit={async (body) => {
          const offering = await schedule.mutateAsync(body);
          await navigate(`/offerings/${offering.id}`, { state: { notice: t('offerings.created', { course: courseName(offering.course) }) } });
        }}
      />
    </>
  );
}
