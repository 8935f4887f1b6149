import { useTranslation } from 'react-i18next';
import { useCan, useCurrentUser } from '../../api/session';
import { PageHeader } from '../../components/PageHeader';
import { DashboardPage } from '../reports/DashboardPage';
import { InstructorHome } from './InstructorHome';
import { OverdueFollowUps } from './OverdueFollowUps';
import { PipelineSummary } from './PipelineSummary';
import { RenewalsDue } from './RenewalsDue';

/**
 * Each role's home. The program office and its viewers land on the dashboard (the program in
 * figures, then today's work); a coordinator on what needs attention today: overdue follow-ups,
 * agreements up for renewal and the pipeline; an instructor on their open offerings.
 */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const can = useCan();
  if (can('reports', 'read')) return <DashboardPage />;
  // Who works no partner follow-ups (an instructor) lands on their teaching.
  if (!can('tasks', 'read')) {
    return (
      <>
        <PageHeader title={t('home.title')} lead={t('home.welcome', { name: user.name })} />
        <InstructorHome personId={user.personId} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('home.title')} lead={t('home.welcome', { name: user.name })} />
      <div className="grid-row grid-gap-lg">
        <div className="grid-col-12 desktop:grid-col-7">
          <OverdueFollowUps />
          <RenewalsDue />
        </div>
        <div className="grid-col-12 desktop:grid-col-5">
          <PipelineSummary />
        </div>
      </div>
    </>
  );
}
