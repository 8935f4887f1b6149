import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DetailList } from '../../components/DetailList';
import { formatInstant } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useEndUserSession, useRevokeUserToken, useSignOutEverywhere, useUser, useUserCredentials } from './api';
import { SessionsTable } from './SessionsTable';
import { TokensTable } from './TokensTable';

/** One user account, for an admin: who they are, where they are signed in, their API tokens. */
export function UserPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const user = useUser(id);
  const credentials = useUserCredentials(id);
  const endSession = useEndUserSession(id);
  const revokeToken = useRevokeUserToken(id);
  const signOutEverywhere = useSignOutEverywhere(id);

  if (user.isPending) return <Loading />;
  if (user.isError) return <ProblemAlert error={user.error} />;
  const account = user.data;
  return (
    <>
      <PageHeader title={account.name} lead={account.email} />
      <DetailList
        items={[
          { label: t('users.fields.role'), value: t(`roles.${account.role}`) },
          {
            label: t('users.fields.status'),
            value: account.isDisabled ? t('users.disabled') : account.mustChangePassword ? t('users.mustChangePassword') : t('users.active'),
          },
          { label: t('users.fields.lastSignIn'), value: account.lastSignInAt ? formatInstant(account.lastSignInAt) : t('users.never') },
        ]}
      />
      <section aria-labelledby="user-sessions-heading" className="margin-top-4">
        <h2 id="user-sessions-heading">{t('sessions.title')}</h2>
        {credentials.isPending && <Loading />}
        {credentials.isError && <ProblemAlert error={credentials.error} headingLevel="h3" />}
        {credentials.data && <SessionsTable sessions={credentials.data.sessions} caption={t('sessions.title')} end={endSession} />}
      </section>
      <section aria-labelledby="user-tokens-heading" className="margin-top-4">
        <h2 id="user-tokens-heading">{t('tokens.title')}</h2>
        {credentials.data && <TokensTable tokens={credentials.data.tokens} caption={t('tokens.title')} revoke={revokeToken} />}
      </section>
      <section aria-labelledby="user-everywhere-heading" className="margin-top-4">
        <h2 id="user-everywhere-heading">{t('sessions.everywhereHeading')}</h2>
        <p>{t('sessions.everywhereExplanation')}</p>
        <ConfirmButton
          label={t('sessions.signOutEverywhere')}
          question={t('sessions.confirmSignOutEverywhere', { name: account.name })}
          yes={t('sessions.confirmYes')}
          no={t('sessions.confirmNo')}
          onConfirm={() => signOutEverywhere.mutate(id)}
          isPending={signOutEverywhere.isPending}
          error={signOutEverywhere.error}
        />
        {signOutEverywhere.isSuccess && (
          <p role="status">{t('sessions.signedOutEverywhere', { sessions: signOutEverywhere.data.sessions, tokens: signOutEverywhere.data.tokens })}</p>
        )}
      </section>
    </>
  );
}
