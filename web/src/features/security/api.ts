import { startRegistration } from '@simplewebauthn/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AccountSecurity, Enrolled, TotpEnrolment } from '../../api/schemas';
import { meQueryKey } from '../../api/session';

const securityKey = ['account-security'] as const;

export function useAccountSecurity() {
  return useQuery({ queryKey: securityKey, queryFn: ({ signal }) => api.get<AccountSecurity>('/account/security', { signal }) });
}

/** After a change, the page's figures are the server's, and `me` says whether enrolment is still owed. */
function useSettle() {
  const queryClient = useQueryClient();
  return (security: AccountSecurity) => {
    queryClient.setQueryData(securityKey, security);
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
  };
}

export function useStartTotp() {
  return useMutation({ mutationFn: () => api.post<TotpEnrolment>('/account/totp') });
}

export function useConfirmTotp() {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: { code: string }) => api.post<Enrolled>('/account/totp/confirm', body),
    onSuccess: (enrolled) => settle(enrolled.security),
  });
}

export function useRemoveTotp() {
  const settle = useSettle();
  return useMutation({ mutationFn: () => api.delete<AccountSecurity>('/account/totp'), onSuccess: settle });
}

/** Asks the server for options, lets the browser make the passkey (the person touches their key or unlocks the device), then adds it. */
export function useAddPasskey() {
  const settle = useSettle();
  return useMutation({
    mutationFn: async ({ name }: { name: string }) => {
      const options = await api.post<Parameters<typeof startRegistration>[0]['optionsJSON']>('/account/passkeys/options');
      const response = await startRegistration({ optionsJSON: options });
      return api.post<Enrolled>('/account/passkeys', { name, response });
    },
    onSuccess: (enrolled) => settle(enrolled.security),
  });
}

export function useRemovePasskey() {
  const settle = useSettle();
  return useMutation({ mutationFn: (id: string) => api.delete<AccountSecurity>(`/account/passkeys/${id}`), onSuccess: settle });
}

export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ recoveryCodes: string[] }>('/account/recovery-codes'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: securityKey }),
  });
}
