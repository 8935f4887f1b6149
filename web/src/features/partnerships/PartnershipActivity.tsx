import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PartnershipDetail } from '../../api/schemas';
import { useCan } from '../../api/session';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { EngagementsTable } from '../engagements/EngagementsTable';
import { useTaskList } from '../tasks/api';
import { useTaskColumns } from '../tasks/TaskTable';

const SHOWN = 25;

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
  const rows = [...(open.data?.pages.flatMap((page) => page.items) ?? []), ...(done.data?.pages.flatMap((page) => page.items) ?? [])];
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
