import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CourseDetail } from '../../api/schemas';
import { useCan } from '../../api/session';
import { type Column, DataTable, PagedTable } from '../../components/DataTable';
import { DetailList } from '../../components/DetailList';
import { formatCount, formatInstant, languageName } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useOfferingList } from '../offerings/api';
import { useOfferingColumns } from '../offerings/OfferingsTable';
import { useCourse } from './api';
import { courseName } from './names';

type Version = CourseDetail['versions'][number];

function CourseDetails({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const credentialLink = (credential: CourseDetail['grantsCredential']) =>
    credential && <Link to={`/credentials/${credential.id}`}>{credential.name}</Link>;
  return (
    <DetailList
      items={[
        { label: t('courses.fields.level'), value: t(`courseLevels.${course.level}`) },
        { label: t('courses.fields.track'), value: t(`tracks.${course.track}`) },
        { label: t('courses.fields.language'), value: languageName(course.language) },
        { label: t('courses.fields.hours'), value: formatCount(course.hours) },
        { label: t('courses.fields.currentVersion'), value: t('offerings.versionShort', { version: course.currentVersion }) },
        { label: t('courses.fields.grantsCredential'), value: credentialLink(course.grantsCredential) },
        { label: t('courses.fields.requiresCredential'), value: credentialLink(course.requiresCredential) },
        { label: t('courses.fields.description'), value: course.description && <span className="pre-line">{course.description}</span> },
      ]}
    />
  );
}

function Versions({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const rows = [...course.versions].sort((a, b) => b.number - a.number);
  const columns: Column<Version>[] = [
    { key: 'number', header: t('courses.fields.version'), cell: (version) => t('offerings.versionShort', { version: version.number }) },
    { key: 'title', header: t('courses.fields.title'), cell: (version) => version.title },
    { key: 'hours', header: t('courses.fields.hours'), cell: (version) => formatCount(version.hours) },
    { key: 'created', header: t('courses.fields.versionCreated'), cell: (version) => formatInstant(version.createdAt) },
  ];
  return (
    <section aria-labelledby="course-versions-heading" className="margin-top-5">
      <h2 id="course-versions-heading">{t('courses.versionsHeading')}</h2>
      <p className="usa-hint margin-top-0">{t('courses.versionsHint')}</p>
      <DataTable caption={t('courses.versionsHeading')} isCaptionHidden columns={columns} rows={rows} rowKey={(version) => version.id} empty="" />
    </section>
  );
}

function CourseOfferings({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const query = useOfferingList({ courseId: course.id, limit: 10 });
  const columns = useOfferingColumns({ isCourseShown: false });
  return (
    <section aria-labelledby="course-offerings-heading" className="margin-top-5">
      <h2 id="course-offerings-heading">{t('courses.offeringsHeading')}</h2>
      <PagedTable query={query} caption={t('courses.offeringsCaption', { code: course.code })} isCaptionHidden columns={columns} rowKey={(offering) => offering.id} empty={t('courses.noOfferings')} />
    </section>
  );
}

export function CoursePage() {
  const { t } = useTranslation();
  const can = useCan();
  const { id = '' } = useParams();
  const query = useCourse(id);
  const course = query.data;
  const canSchedule = Boolean(course && !course.isArchived && can('offerings', 'create'));
  const canEdit = Boolean(course?.allowedActions.includes('update'));
  return (
    <>
      <PageHeader
        title={course ? courseName(course) : t('courses.oneTitle')}
        lead={course?.isArchived && t('courses.archivedNotice')}
        actions={
          course &&
          (canSchedule || canEdit) && (
            <>
              {canSchedule && (
                <Link to={`/offerings/new?courseId=${course.id}`} className="usa-button">
                  {t('nav.newOffering')}
                </Link>
              )}
              {canEdit && (
                <Link to={`/courses/${course.id}/edit`} className="usa-button usa-button--outline">
                  {t('common.edit')}
                </Link>
              )}
            </>
          )
        }
      />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {course && (
        <>
          <section aria-labelledby="course-details-heading">
            <h2 id="course-details-heading" className="margin-top-0">
              {t('courses.detailsHeading')}
            </h2>
            <CourseDetails course={course} />
          </section>
          <Versions course={course} />
          <CourseOfferings course={course} />
        </>
      )}
    </>
  );
}
