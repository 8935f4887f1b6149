import { useTranslation } from 'react-i18next';
import { canWrite, useCurrentUser } from '../../api/session';
import { PageHeader } from '../../components/PageHeader';
import { CertificationsExpiring } from './CertificationsExpiring';
import { InstructorHome } from './InstructorHome';
import { OverdueFollowUps } from './OverdueFollowUps';
import { PipelineSummary } from './PipelineSummary';
import { RenewalsDue } from './RenewalsDue';
import { VettingPending } from './VettingPending';

/**
 * What needs attention today: overdue follow-ups, agreements up for renewal, the pipeline, and
 * for the program office certifications running out and vetting waiting for a result.
 */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (user.role === 'instructor') {
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
          {canWrite(user) && (
            <>
              <CertificationsExpiring />
              <VettingPending />
            </>
          )}
          <PipelineSummary />
        </div>
      </div>
    </>
  );
}
