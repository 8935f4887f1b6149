import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Assignment, AssignmentStatus } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { type Column, DataTable } from '../../components/DataTable';
import { FilterBar, FilterInput, FilterSelect } from '../../components/FilterBar';
import { formatCount, formatDate, todayIso } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useTimeline } from './api';
import { PersonDaysSection } from './PersonDaysSection';
import { AssignmentStatusTag } from './StatusTags';
import { TimelineChart } from './TimelineChart';
import { thisYear } from './timelineScale';

const FILTERS = ['from', 'to', 'by'] as const;
const SHOWN_STATUSES: AssignmentStatus[] = ['nominated', 'selected', 'ready', 'deployed', 'returned'];

function Legend() {
  const { t } = useTranslation();
  return (
    <ul className="timeline-legend" aria-label={t('timeline.legend')}>
      {SHOWN_STATUSES.map((status) => (
        <li key={status}>
          <span className={`timeline-legend__swatch timeline__bar--${status}`} aria-hidden="true" />
          {t(`assignmentStatuses.${status}`)}
        </li>
      ))}
    </ul>
  );
}

/** Who is where when: a calendar of assignments over a window, the same as a table, and person-days. */
export function TimelinePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const fallback = thisYear(todayIso());
  const period = { from: params.get('from') || fallback.from, to: params.get('to') || fallback.to };
  const isWindowValid = period.to >= period.from;
  const groupBy = params.get('by') === 'deployment' ? 'deployment' : 'person';
  const query = useTimeline(period, isWindowValid);
  const items = query.data ?? [];
  const range = t('common.dateRange', { from: formatDate(period.from), to: formatDate(period.to) });
  const currentYear = Number(fallback.from.slice(0, 4));
  const years = Array.from({ length: currentYear - 1999 }, (_, index) => currentYear + 1 - index);

  const columns: Column<Assignment>[] = [
    { key: 'person', header: t('assignments.fields.person'), cell: (a) => <Link to={`/people/${a.person.id}`}>{a.person.name}</Link> },
    { key: 'deployment', header: t('assignments.fields.deployment'), cell: (a) => <Link to={`/deployments/${a.deploymentId}`}>{a.deploymentTitle}</Link> },
    { key: 'status', header: t('assignments.fields.status'), cell: (a) => <AssignmentStatusTag status={a.status} /> },
    { key: 'dates', header: t('assignments.fields.dates'), cell: (a) => t('common.dateRange', { from: formatDate(a.startOn), to: formatDate(a.endOn) }) },
    { key: 'days', header: t('assignments.fields.personDays'), cell: (a) => formatCount(a.personDays) },
  ];

  return (
    <>
      <PageHeader title={t('timeline.title')} lead={t('timeline.lead')} />
      <FilterBar names={FILTERS} label={t('timeline.windowLabel')}>
        <FilterInput name="from" type="date" label={t('timeline.from')} />
        <FilterInput name="to" type="date" label={t('timeline.to')} />
        <FilterSelect
          name="by"
          label={t('timeline.groupBy')}
          options={(['person', 'deployment'] as const).map((value) => ({ value, label: t(`timeline.groups.${value}`) }))}
        />
      </FilterBar>
      {!isWindowValid && (
        <Alert type="error" isSlim role="alert" className="margin-bottom-3">
          {t('timeline.invalidWindow')}
        </Alert>
      )}
      {isWindowValid && query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {query.data && items.length === 0 && <p className="text-base-dark">{t('timeline.empty', { range })}</p>}
      {isWindowValid && items.length > 0 && (
        <>
          <TimelineChart items={items} period={period} groupBy={groupBy} caption={t(`timeline.captions.${groupBy}`, { range })} />
          <Legend />
          <section aria-labelledby="timeline-table-heading" className="margin-top-4">
            <h2 id="timeline-table-heading">{t('timeline.tableHeading')}</h2>
            <DataTable caption={t('timeline.tableCaption', { range })} isCaptionHidden columns={columns} rows={items} rowKey={(a) => a.id} empty="" />
          </section>
        </>
      )}
      <PersonDaysSection years={years} />
    </>
  );
}
