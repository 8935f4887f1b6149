import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useEndOtherSessions, useEndOwnSession, useOwnSessions } from './api';
import { SessionsTable } from './SessionsTable';

/** Where you are signed in, and signing out elsewhere: one session, or all but this one. */
export function SessionsPage() {
  const { t } = useTranslation();
  const sessions = useOwnSessions();
  const end = useEndOwnSession();
  const endOthers = useEndOtherSessions();
  const hasOthers = (sessions.data ?? []).some((session) => !session.isCurrent);
  return (
    <>
      <PageHeader title={t('sessions.title')} lead={t('sessions.lead')} />
      {sessions.isPending && <Loading />}
      {sessions.isError && <ProblemAlert error={sessions.error} />}
      {sessions.data && <SessionsTable sessions={sessions.data} caption={t('sessions.title')} end={end} />}
      {hasOthers && (
        <div className="margin-top-3">
          <ConfirmButton
            label={t('sessions.endOthers')}
            question={t('sessions.confirmEndOthers')}
            yes={t('sessions.confirmYes')}
            no={t('sessions.confirmNo')}
            onConfirm={() => endOthers.mutate()}
            isPending={endOthers.isPending}
            error={endOthers.error}
          />
        </div>
      )}
    </>
  );
}
