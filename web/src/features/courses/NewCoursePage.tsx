import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../../api/session';
import { Forbidden } from '../../app/Forbidden';
import { PageHeader } from '../../components/PageHeader';
import { useCreateCourse } from './api';
import { CourseForm } from './CourseForm';

export function NewCoursePage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const create = useCreateCourse();
  if (!can('courses', 'create')) return <Forbidden />;
  return (
    <>
      <PageHeader title={t('courses.newTitle')} lead={t('courses.newLead')} />
      <CourseForm
        submitLabel={t('courses.create')}
        cancelTo="/courses"
        onSubmit={async (body) => {
          const course = await create.mutateAsync(body);
          await navigate(`/courses/${course.id}`, { state: { notice: t('courses.created', { code: course.code }) } });
        }}
      />
    </>
  );
}
