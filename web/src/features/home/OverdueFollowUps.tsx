import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useTaskList } from '../tasks/api';

const SHOWN = 10;

export function OverdueFollowUps() {
  const { t } = useTranslation();
  const query = useTaskList({ isOverdue: 'true', status: 'open', limit: SHOWN });
  const tasks = query.data?.pages[0]?.items ?? [];
  const hasMore = Boolean(query.data?.pages[0]?.nextCursor);

  return (
    <section aria-labelledby="overdue-follow-ups-heading" className="home-panel">
      <h2 id="overdue-follow-ups-heading" className="margin-top-0">
        {t('home.overdueHeading')}
      </h2>
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} headingLevel="h3" />}
      {query.isSuccess && tasks.length === 0 && <p>{t('home.noOverdue')}</p>}
      {tasks.length > 0 && (
        <ul className="usa-list usa-list--unstyled record-list">
          {tasks.map((task) => (
            <li key={task.id} className="record-list__item">
              <Link to={task.engagementId ? `/engagements/${task.engagementId}` : '/tasks?view=overdue'} className="text-bold">
                {task.title}
              </Link>
              <span className="record-list__meta">
                <span className="text-secondary-dark text-bold">{t('home.dueOn', { date: formatDate(task.dueOn) })}</span>
                {task.organizationName && <> · {task.organizationName}</>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {(hasMore || tasks.length > 0) && (
        <Link to="/tasks?view=overdue">{t('home.allOverdue')}</Link>
      )}
    </section>
  );
}
