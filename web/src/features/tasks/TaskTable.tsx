import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Task } from '../../api/schemas';
import { useCan } from '../../api/session';
import type { Column } from '../../components/DataTable';
import { formatDate } from '../../components/format';
import { TaskActions } from './TaskActions';

export function TaskStatus({ task }: { task: Task }) {
  const { t } = useTranslation();
  if (task.isOverdue) return <span className="usa-tag bg-secondary-dark">{t('tasks.overdue')}</span>;
  if (task.status === 'done') return <span className="usa-tag bg-success-darker">{t('taskStatuses.done')}</span>;
  return <span className="usa-tag bg-base-dark">{t(`taskStatuses.${task.status}`)}</span>;
}

/**
 * Columns of a follow-up list; on an engagement's own page its engagement and partner go without
 * saying, and on a partnership's its partner does.
 */
export function useTaskColumns({ isContextShown = true, isEngagementShown }: { isContextShown?: boolean; isEngagementShown?: boolean } = {}): Column<Task>[] {
  const { t } = useTranslation();
  const can = useCan();
  const columns: Column<Task>[] = [
    { key: 'title', header: t('tasks.fields.title'), cell: (task) => task.title },
    { key: 'due', header: t('tasks.fields.dueOn'), cell: (task) => formatDate(task.dueOn) },
    { key: 'status', header: t('tasks.fields.status'), cell: (task) => <TaskStatus task={task} /> },
  ];
  if (isContextShown) {
    columns.push({
      key: 'organization',
      header: t('tasks.fields.organization'),
      cell: (task) => (task.organizationId ? <Link to={`/organizations/${task.organizationId}`}>{task.organizationName}</Link> : ''),
    });
  }
  if (isEngagementShown ?? isContextShown) {
    columns.push({
      key: 'engagement',
      header: t('tasks.fields.engagement'),
      cell: (task) => (task.engagementId ? <Link to={`/engagements/${task.engagementId}`}>{task.engagementTitle}</Link> : ''),
    });
  }
  // The column is there for a role that may change follow-ups; each row's button follows what the server allows on it.
  if (can('tasks', 'update')) {
    columns.push({ key: 'actions', header: t('common.actions'), cell: (task) => <TaskActions task={task} /> });
  }
  return columns;
}
