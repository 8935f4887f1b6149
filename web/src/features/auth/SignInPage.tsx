import { Alert } from '../../components/Alert';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { type Me, signInSchema } from '../../api/schemas';
import { meQueryKey, useMe, useRememberSession } from '../../api/session';
import { SingleColumn } from '../../app/Main';
import { Form } from '../../components/form/Form';
import { TextField } from '../../components/form/fields';
import { apiResolver } from '../../components/form/resolver';
import { PageHeader } from '../../components/PageHeader';

interface SignInValues {
  email: string;
  password: string;
}

/** After signing out, nothing of the last user's session stays in memory. */
function useForgetSessionAfterSignOut(isSignedOut: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!isSignedOut) return;
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    queryClient.setQueryData(meQueryKey, null);
  }, [isSignedOut, queryClient]);
}

/** Only a path inside Cadre, so a crafted link cannot send someone elsewhere after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
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
    resolver: apiResolver({ schema: signInSchema, toRequest: (values: SignInValues) => values }),
    shouldFocusError: false,
  });

  const isSignedOut = Boolean((location.state as { isSignedOut?: boolean } | null)?.isSignedOut);
  useForgetSessionAfterSignOut(isSignedOut);
  // Someone already signed in has nothing to do here (unless they have just signed out).
  if (me.data && !isSignedOut && !form.formState.isSubmitting) {
    return <Navigate to={me.data.user.mustChangePassword ? '/account/password' : next} replace />;
  }

  const signIn = async (body: SignInValues) => {
    const signedIn = await api.post<Me>('/auth/login', body, { isAuthProbe: true });
    remember(signedIn);
    await navigate(signedIn.user.mustChangePassword ? '/account/password' : next, { replace: true });
  };
  return (
    <SingleColumn>
      <div className="grid-row flex-justify-center">
        <div className="grid-col-12 tablet:grid-col-8 desktop:grid-col-6">
          <div className="bg-white padding-y-3 padding-x-3 tablet:padding-x-5 border border-base-lighter radius-md">
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
          </div>
        </div>
      </div>
    </SingleColumn>
  );
}
