import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Me, User } from '../../api/schemas';
import { meQueryKey, useCurrentUser } from '../../api/session';
import { Form } from '../../components/form/Form';
import { TextField } from '../../components/form/fields';
import { lazyApiResolver } from '../../components/form/lazyResolver';
import { PageHeader } from '../../components/PageHeader';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

// In sign-in's chunk: zod and the API's schemas load at the form's first check (see lazyResolver).
const loadChangePasswordSchema = async () => (await import('../../../../src/modules/accounts/accounts.schemas.js')).changePasswordSchema;

/** Change one's own password; the first stop for anyone signed in with a one-time password. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<PasswordValues, unknown, { currentPassword: string; newPassword: string }>({
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    resolver: lazyApiResolver({
      loadSchema: loadChangePasswordSchema,
      toRequest: ({ currentPassword, newPassword }: PasswordValues) => ({ currentPassword, newPassword }),
      check: (values) => (values.confirmPassword !== values.newPassword ? [{ field: 'confirmPassword', message: t('auth.passwordsDiffer') }] : []),
    }),
    shouldFocusError: false,
  });

  const change = async (body: { currentPassword: string; newPassword: string }) => {
    const updated = await api.post<User>('/auth/password', body);
    // This session stays signed in: keep its CSRF token, take the user as the API now has it.
    queryClient.setQueryData<Me | null>(meQueryKey, (me) => me && { ...me, user: updated });
    await navigate('/', { replace: true, state: { notice: t('auth.passwordChanged') } });
  };

  return (
    <>
      <PageHeader
        title={user.mustChangePassword ? t('auth.choosePasswordTitle') : t('auth.changePasswordTitle')}
        lead={user.mustChangePassword ? t('auth.oneTimePasswordLead') : undefined}
      />
      <Form
        form={form}
        idPrefix="password"
        labels={{ currentPassword: user.mustChangePassword ? t('auth.oneTimePassword') : t('auth.currentPassword'), newPassword: t('auth.newPassword'), confirmPassword: t('auth.confirmPassword') }}
        onSubmit={change}
        submitLabel={t('auth.savePassword')}
      >
        <TextField name="currentPassword" type="password" autoComplete="current-password" isRequired />
        <TextField name="newPassword" type="password" autoComplete="new-password" hint={t('auth.newPasswordHint')} isRequired />
        <TextField name="confirmPassword" type="password" autoComplete="new-password" isRequired />
      </Form>
    </>
  );
}
