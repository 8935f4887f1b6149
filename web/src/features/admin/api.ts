import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';
import { usePagedList } from '../../api/lists';
import type { ApiToken, AuditEvent, ChainReport, User } from '../../api/schemas';

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
