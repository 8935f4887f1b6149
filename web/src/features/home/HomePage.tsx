import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/session';
import { PageHeader } from '../../components/PageHeader';
import { OverdueFollowUps } from './OverdueFollowUps';
import { PipelineSummary } from './PipelineSummary';
import { RenewalsDue } from './RenewalsDue';

/** What needs attention today: overdue follow-ups, agreements up for renewal, the pipeline. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (user.role === 'instructor') {
    return (
      <>
        <PageHeader title={t('home.title')} lead={t('home.welcome', { name: user.name })} />
        <p>{t('home.instructorNote')}</p>
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
