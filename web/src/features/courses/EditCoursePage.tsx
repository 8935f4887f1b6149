import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { CourseDetail } from '../../api/schemas';
import { useCan } from '../../api/session';
import { Forbidden } from '../../app/Forbidden';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useCourse, useUpdateCourse } from './api';
import { CourseForm } from './CourseForm';

function EditForm({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateCourse(course);
  return (
    <CourseForm
      course={course}
      submitLabel={t('common.saveChanges')}
      cancelTo={`/courses/${course.id}`}
      onSubmit={async (body) => {
        const saved = await update.mutateAsync(body);
        const notice =
          saved.currentVersion > course.currentVersion ? t('courses.newVersionSaved', { version: saved.currentVersion }) : t('common.saved');
        await navigate(`/courses/${saved.id}`, { state: { notice } });
      }}
    />
  );
}

export function EditCoursePage() {
  const { t } = useTranslation();
  const can = useCan();
  const { id = '' } = useParams();
  const query = useCourse(id);
  const course = query.data;
  if (!can('courses', 'update')) return <Forbidden />;
  return (
    <>
      <PageHeader title={course ? t('courses.editTitle', { code: course.code }) : t('courses.editTitleLoading')} />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {course && <EditForm key={course.id} course={course} />}
    </>
  );
}
