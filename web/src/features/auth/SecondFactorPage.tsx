import { startAuthentication } from '@simplewebauthn/browser';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { isProblem } from '../../api/problem';
import type { Me, PendingSignIn } from '../../api/schemas';
import { useRememberSession } from '../../api/session';
import { Alert } from '../../components/Alert';
import { Form } from '../../components/form/Form';
import { TextField } from '../../components/form/fields';
import { lazyApiResolver } from '../../components/form/lazyResolver';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { firstStop, safeNext, SignInCard } from './SignInCard';

type Method = 'totp' | 'recovery_code';

// In sign-in's chunk: zod and the API's schemas load at the form's first check (see lazyResolver).
const loadCodeSchema = async () => (await import('../../../../src/modules/accounts/mfa.schemas.js')).confirmTotpSchema;

function CodeForm({ method, onSignedIn }: { method: Method; onSignedIn: (me: Me) => Promise<void> }) {
  const { t } = useTranslation();
  const form = useForm<{ code: string }, unknown, { code: string }>({
    defaultValues: { code: '' },
    resolver: lazyApiResolver({ loadSchema: loadCodeSchema, toRequest: (values: { code: string }) => values }),
    shouldFocusError: false,
  });
  const isTotp = method === 'totp';
  return (
    <Form
      form={form}
      idPrefix={method}
      labels={{ code: isTotp ? t('auth.totpCode') : t('auth.recoveryCode') }}
      submitLabel={t('auth.verify')}
      hasRequiredNote={false}
      problemHeading={t('auth.signInFailed')}
      onSubmit={async ({ code }) => onSignedIn(await api.post<Me>('/auth/login/second-factor', { method, code }, { isAuthProbe: true }))}
    >
      <TextField
        name="code"
        autoComplete="one-time-code"
        inputMode={isTotp ? 'numeric' : 'text'}
        hint={isTotp ? t('auth.totpCodeHint') : t('auth.recoveryCodeHint')}
        inputClassName={isTotp ? 'usa-input--small' : undefined}
        isRequired
      />
    </Form>
  );
}

function PasskeyButton({ options, onSignedIn }: { options: PendingSignIn['passkeyOptions']; onSignedIn: (me: Me) => Promise<void> }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setIsBusy] = useState(false);
  const signInWithPasskey = async () => {
    setIsBusy(true);
    setError(null);
    try {
      const response = await startAuthentication({ optionsJSON: options as Parameters<typeof startAuthentication>[0]['optionsJSON'] });
      await onSignedIn(await api.post<Me>('/auth/login/second-factor', { method: 'passkey', response }, { isAuthProbe: true }));
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="usa-button" disabled={isBusy} onClick={() => void signInWithPasskey()}>
        {t('auth.usePasskey')}
      </button>
      {error !== null && (isProblem(error) ? <ProblemAlert error={error} heading={t('auth.signInFailed')} /> : <Alert type="error" isSlim>{t('auth.passkeyCancelled')}</Alert>)}
    </>
  );
}

/** The second step of signing in: the authenticator app's code, a passkey, or a recovery code. */
export function SecondFactorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remember = useRememberSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const pending = useQuery({
    queryKey: ['pending-sign-in'],
    queryFn: () => api.get<PendingSignIn>('/auth/login/second-factor', { isAuthProbe: true }),
    staleTime: Infinity,
    gcTime: 0,
  });
  const methods = pending.data?.methods ?? [];
  const [chosen, setChosen] = useState<Method | null>(null);
  const method: Method | null = chosen ?? (methods.includes('totp') ? 'totp' : methods.includes('recovery_code') && !methods.includes('passkey') ? 'recovery_code' : null);
  const onSignedIn = async (me: Me) => {
    remember(me);
    await navigate(firstStop(me, next), { replace: true });
  };

  return (
    <SignInCard>
      <PageHeader title={t('auth.secondFactorTitle')} lead={<span className="font-body-sm">{t('auth.secondFactorLead')}</span>} />
      {pending.isPending && <Loading />}
      {pending.isError && (
        <Alert type="warning" headingLevel="h2" heading={t('auth.pendingExpiredHeading')}>
          {isProblem(pending.error, 401) ? t('auth.pendingExpired') : <ProblemAlert error={pending.error} />}{' '}
          <Link to="/sign-in">{t('auth.signInAgain')}</Link>
        </Alert>
      )}
      {pending.data && (
        <>
          {methods.includes('passkey') && (
            <div className="margin-bottom-3">
              <PasskeyButton options={pending.data.passkeyOptions} onSignedIn={onSignedIn} />
            </div>
          )}
          {method && <CodeForm key={method} method={method} onSignedIn={onSignedIn} />}
          <ul className="usa-list usa-list--unstyled margin-top-3">
            {method !== 'totp' && methods.includes('totp') && (
              <li>
                <button type="button" className="usa-button usa-button--unstyled" onClick={() => setChosen('totp')}>
                  {t('auth.useTotpInstead')}
                </button>
              </li>
            )}
            {method !== 'recovery_code' && methods.includes('recovery_code') && (
              <li>
                <button type="button" className="usa-button usa-button--unstyled" onClick={() => setChosen('recovery_code')}>
                  {t('auth.useRecoveryCode')}
                </button>
              </li>
            )}
          </ul>
        </>
      )}
    </SignInCard>
  );
}
