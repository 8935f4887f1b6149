import { Alert } from '../../components/Alert';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { Me, PendingSignIn, SignInOptions } from '../../api/schemas';
import { meQueryKey, useMe, useRememberSession } from '../../api/session';
import { Form } from '../../components/form/Form';
import { TextField } from '../../components/form/fields';
import { lazyApiResolver } from '../../components/form/lazyResolver';
import { PageHeader } from '../../components/PageHeader';
import { firstStop, safeNext, SignInCard } from './SignInCard';

interface SignInValues {
  email: string;
  password: string;
}

// The first page most visitors see: zod and the API's schemas load at the first check, not before it paints.
const loadSignInSchema = async () => (await import('../../../../src/modules/accounts/accounts.schemas.js')).signInSchema;

/** After signing out, nothing of the last user's session stays in memory. */
function useForgetSessionAfterSignOut(isSignedOut: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!isSignedOut) return;
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    queryClient.setQueryData(meQueryKey, null);
  }, [isSignedOut, queryClient]);
}

/** The identity provider's button, when Cadre is configured with one. */
function IdentityProviderButton() {
  const { t } = useTranslation();
  const options = useQuery({
    queryKey: ['sign-in-options'],
    queryFn: ({ signal }) => api.get<SignInOptions>('/auth/options', { signal, isPublic: true }),
    staleTime: Infinity,
  });
  const provider = options.data?.identityProvider;
  if (!provider) return null;
  return (
    <div className="margin-top-4 border-top border-base-lighter padding-top-3">
      <p className="margin-top-0">{t('auth.orWithProvider')}</p>
      {/* A full page load: the provider's pages are not part of this app. */}
      <a className="usa-button usa-button--outline width-full" href={provider.startUrl}>
        {t('auth.signInWith', { name: provider.name })}
      </a>
    </div>
  );
}

export function SignInPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const remember = useRememberSession();
  const next = safeNext(params.get('next'));
  const form = useForm<SignInValues, unknown, { email: string; password: string }>({
    defaultValues: { email: '', password: '' },
    resolver: lazyApiResolver({ loadSchema: loadSignInSchema, toRequest: (values: SignInValues) => values }),
    shouldFocusError: false,
  });

  // Set by this page's own sign-in, which then leads on by itself. Until the router has left this
  // page, a click in the navigation that has just appeared may already lead elsewhere: sending
  // the visitor to their first stop from here would take them back.
  const [hasSignedInHere, setHasSignedInHere] = useState(false);

  const isSignedOut = Boolean((location.state as { isSignedOut?: boolean } | null)?.isSignedOut);
  useForgetSessionAfterSignOut(isSignedOut);
  // Someone already signed in has nothing to do here (unless they have just signed out).
  if (me.data && !isSignedOut && !hasSignedInHere) {
    return <Navigate to={firstStop(me.data, next)} replace />;
  }

  const signIn = async (body: SignInValues) => {
    const answer = await api.post<Me | PendingSignIn>('/auth/login', body, { isAuthProbe: true });
    if ('secondFactorRequired' in answer) {
      await navigate(`/sign-in/second-factor?next=${encodeURIComponent(next)}`);
      return;
    }
    setHasSignedInHere(true);
    remember(answer);
    await navigate(firstStop(answer, next), { replace: true });
  };
  return (
    <SignInCard>
      <PageHeader title={t('auth.signInTitle')} lead={<span className="font-body-sm">{t('auth.signInLead')}</span>} />
      {isSignedOut && (
        <Alert type="info" headingLevel="h2" isSlim className="margin-bottom-2">
          {t('auth.signedOut')}
        </Alert>
      )}
      <Form
        form={form}
        idPrefix="sign-in"
        labels={{ email: t('auth.email'), password: t('auth.password') }}
        onSubmit={signIn}
        submitLabel={t('auth.signIn')}
        hasRequiredNote={false}
        problemHeading={t('auth.signInFailed')}
      >
        <TextField name="email" type="email" autoComplete="username" isRequired />
        <TextField name="password" type="password" autoComplete="current-password" isRequired />
      </Form>
      <IdentityProviderButton />
    </SignInCard>
  );
}
