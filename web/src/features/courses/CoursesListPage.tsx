import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { COURSE_LEVELS, type Course, TRACKS } from '../../api/schemas';
import { useCan } from '../../api/session';
import { type Column, PagedTable } from '../../components/DataTable';
import { FilterBar, FilterInput, FilterSelect } from '../../components/FilterBar';
import { formatCount, languageName } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useCourseList } from './api';
import { courseName } from './names';

const FILTERS = ['q', 'track', 'level'] as const;

/** The course catalogue, by code. */
export function CoursesListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? undefined]));
  const query = useCourseList({ ...filters, limit: 25 });

  const columns: Column<Course>[] = [
    {
      key: 'course',
      header: t('courses.fields.course'),
      cell: (course) => (
        <>
          <Link to={`/courses/${course.id}`}>{courseName(course)}</Link>
          {course.isArchived && <span className="display-block text-normal text-base-dark">{t('courses.archived')}</span>}
        </>
      ),
    },
    { key: 'level', header: t('courses.fields.level'), cell: (course) => t(`courseLevels.${course.level}`) },
    { key: 'track', header: t('courses.fields.track'), cell: (course) => t(`tracks.${course.track}`) },
    { key: 'language', header: t('courses.fields.language'), cell: (course) => languageName(course.language) },
    { key: 'hours', header: t('courses.fields.hours'), cell: (course) => formatCount(course.hours) },
    { key: 'grants', header: t('courses.fields.grantsCredential'), cell: (course) => course.grantsCredential?.name ?? '' },
  ];

  return (
    <>
      <PageHeader
        title={t('courses.listTitle')}
        actions={
          can('courses', 'create') && (
            <Link to="/courses/new" className="usa-button">
              {t('nav.newCourse')}
            </Link>
          )
        }
      />
      <FilterBar names={FILTERS} label={t('courses.filtersLabel')}>
        <FilterInput name="q" label={t('courses.search')} isWide />
        <FilterSelect name="track" label={t('courses.fields.track')} options={TRACKS.map((track) => ({ value: track, label: t(`tracks.${track}`) }))} allLabel={t('courses.allTracks')} />
        <FilterSelect
          name="level"
          label={t('courses.fields.level')}
          options={COURSE_LEVELS.map((level) => ({ value: level, label: t(`courseLevels.${level}`) }))}
          allLabel={t('courses.allLevels')}
        />
      </FilterBar>
      <PagedTable query={query} caption={t('courses.listTitle')} isCaptionHidden columns={columns} rowKey={(course) => course.id} empty={t('courses.empty')} />
    </>
  );
}
