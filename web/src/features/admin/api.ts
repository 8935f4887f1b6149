import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';
import { usePagedList } from '../../api/lists';
import type { ApiToken, AuditEvent, ChainReport, Session, User, UserCredentials } from '../../api/schemas';

export interface CreatedUser {
  user: User;
  oneTimePassword: string | null;
}

export interface CreatedToken {
  token: ApiToken;
  secret: string;
}

export function useUserList(params: QueryParams) {
  return usePagedList<User>(['users', 'list'], '/users', params);
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<CreatedUser>('/users', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useAuditLog(params: QueryParams) {
  return usePagedList<AuditEvent>(['audit', 'list'], '/audit', params);
}

/** Checks the whole hash chain on demand; never cached, a check is a fresh check. */
export function useVerifyChain() {
  return useMutation({ mutationFn: () => api.get<ChainReport>('/audit/verification') });
}

export function useTokens() {
  return useQuery({ queryKey: ['tokens'], queryFn: ({ signal }) => api.get<{ items: ApiToken[] }>('/tokens', { signal }), select: (data) => data.items });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<CreatedToken>('/tokens', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<ApiToken>(`/tokens/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
}

export function useUser(id: string) {
  return useQuery({ queryKey: ['users', 'one', id], queryFn: ({ signal }) => api.get<User>(`/users/${id}`, { signal }) });
}

/** Where the signed-in user is signed in. */
export function useOwnSessions() {
  return useQuery({ queryKey: ['sessions', 'own'], queryFn: ({ signal }) => api.get<{ items: Session[] }>('/auth/sessions', { signal }), select: (data) => data.items });
}

export function useEndOwnSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<null>(`/auth/sessions/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['sessions', 'own'] }),
  });
}

export function useEndOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<{ sessions: number }>('/auth/sessions'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['sessions', 'own'] }),
  });
}

/** A user's sessions and tokens, for an admin. */
export function useUserCredentials(userId: string) {
  return useQuery({ queryKey: ['sessions', 'user', userId], queryFn: ({ signal }) => api.get<UserCredentials>(`/users/${userId}/sessions`, { signal }) });
}

function useUserCredentialsChange<T>(userId: string, request: (id: string) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['sessions', 'user', userId] }),
  });
}

export const useEndUserSession = (userId: string) => useUserCredentialsChange(userId, (id) => api.delete<null>(`/users/${userId}/sessions/${id}`));
export const useRevokeUserToken = (userId: string) => useUserCredentialsChange(userId, (id) => api.delete<ApiToken>(`/users/${userId}/tokens/${id}`));
export const useSignOutEverywhere = (userId: string) =>
  useUserCredentialsChange(userId, () => api.delete<{ sessions: number; tokens: number }>(`/users/${userId}/sessions`));
