import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PartnershipDetail, Task } from '../../api/schemas';
import { useCan } from '../../api/session';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { EngagementsTable } from '../engagements/EngagementsTable';
import { useTaskList } from '../tasks/api';
import { useTaskColumns } from '../tasks/TaskTable';

const SHOWN = 25;

/**
 * Each follow-up once, in its latest version: just after it is marked done or reopened, one list
 * has refetched and the other not yet, so for a moment both hold it.
 */
export function latestOnce(tasks: Task[]): Task[] {
  const latest = new Map<string, Task>();
  for (const task of tasks) {
    const seen = latest.get(task.id);
    if (!seen || seen.version < task.version) latest.set(task.id, task);
  }
  return tasks.filter((task) => latest.get(task.id) === task);
}

/** The partner's meetings, calls and visits (withdrawn ones left out, as everywhere), newest first. */
export function PartnershipMeetings({ partnership }: { partnership: PartnershipDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const { id: organizationId, name } = partnership.organization;
  return (
    <section aria-labelledby="partnership-meetings-heading" className="margin-top-5">
      <div className="section-heading">
        <h2 id="partnership-meetings-heading">{t('partnerships.meetings.heading')}</h2>
        {can('engagements', 'create') && (
          <Link to={`/engagements/new?organizationId=${organizationId}`} className="usa-button usa-button--outline">
            {t('partnerships.meetings.log')}
          </Link>
        )}
      </div>
      <EngagementsTable params={{ organizationId }} isOrganizationShown={false} caption={t('partnerships.meetings.caption', { name })} limit={10} />
      <p>
        <Link to={`/engagements?organizationId=${organizationId}`}>{t('partnerships.meetings.all', { name })}</Link>
      </p>
    </section>
  );
}

/** The partner's follow-ups: open ones first (soonest due first, overdue marked), then those done, latest first. */
export function PartnershipFollowUps({ partnership }: { partnership: PartnershipDetail }) {
  const { t } = useTranslation();
  const { id: organizationId, name } = partnership.organization;
  const open = useTaskList({ organizationId, status: 'open', order: 'asc', limit: SHOWN });
  const done = useTaskList({ organizationId, status: 'done', order: 'desc', limit: 10 });
  const columns = useTaskColumns({ isContextShown: false, isEngagementShown: true });
  const rows = latestOnce([...(open.data?.pages.flatMap((page) => page.items) ?? []), ...(done.data?.pages.flatMap((page) => page.items) ?? [])]);
  return (
    <section aria-labelledby="partnership-follow-ups-heading" className="margin-top-5">
      <h2 id="partnership-follow-ups-heading">{t('partnerships.followUps.heading')}</h2>
      {(open.isPending || done.isPending) && <Loading />}
      {open.isError && <ProblemAlert error={open.error} />}
      {open.data && done.data && (
        <DataTable
          caption={t('partnerships.followUps.caption', { name })}
          isCaptionHidden
          columns={columns}
          rows={rows}
          rowKey={(task) => task.id}
          empty={t('partnerships.followUps.empty')}
        />
      )}
      <p>
        <Link to="/tasks">{t('partnerships.followUps.all')}</Link>
      </p>
    </section>
  );
}
