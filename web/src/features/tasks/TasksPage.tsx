import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { QueryParams } from '../../api/client';
import { PagedTable } from '../../components/DataTable';
import { ExportLinks } from '../../components/ExportLinks';
import { ListScope } from '../../components/ListScope';
import { PageHeader } from '../../components/PageHeader';
import { useTaskList } from './api';
import { useTaskColumns } from './TaskTable';

const VIEWS = ['open', 'overdue', 'done'] as const;
type View = (typeof VIEWS)[number];

const VIEW_QUERY: Record<View, QueryParams> = {
  open: { status: 'open', order: 'asc' },
  overdue: { status: 'open', isOverdue: 'true', order: 'asc' },
  done: { status: 'done', order: 'desc' },
};

/** The filters a dashboard figure (overdue follow-ups) opens the list with; shown above the table. */
const FIGURE_FILTERS = ['dueFrom', 'dueBy', 'track', 'country', 'organizationId'] as const;

/** Follow-ups by due date: open, overdue or done. */
export function TasksPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const requested = params.get('view');
  const view: View = VIEWS.find((candidate) => candidate === requested) ?? (params.get('isOverdue') === 'true' ? 'overdue' : 'open');
  const figure = Object.fromEntries(FIGURE_FILTERS.map((name) => [name, params.get(name) ?? undefined]));
  const listed = { ...VIEW_QUERY[view], ...figure };
  const query = useTaskList({ ...listed, limit: 25 });
  const columns = useTaskColumns();

  return (
    <>
      <PageHeader
        title={t('tasks.title')}
        actions={<ExportLinks path="/tasks" params={listed} />}
      />
      <nav aria-label={t('tasks.viewsLabel')} className="margin-bottom-3">
        <ul className="usa-button-group usa-button-group--segmented">
          {VIEWS.map((candidate) => (
            <li key={candidate} className="usa-button-group__item">
              <Link
                to={`/tasks?view=${candidate}`}
                className={`usa-button ${candidate === view ? '' : 'usa-button--outline'}`}
                aria-current={candidate === view ? 'page' : undefined}
              >
                {t(`tasks.views.${candidate}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <ListScope total={query.data?.pages[0]?.total} noun={(count, formatted) => t('figures.totals.tasks', { count, formatted })} />
      <PagedTable
        query={query}
        caption={t(`tasks.captions.${view}`)}
        columns={columns}
        rowKey={(task) => task.id}
        empty={t(`tasks.empty.${view}`)}
      />
    </>
  );
}
