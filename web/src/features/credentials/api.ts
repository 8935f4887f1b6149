import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Credential } from '../../api/schemas';

export const credentialKeys = {
  all: ['credentials'] as const,
  list: ['credentials', 'list'] as const,
  one: (id: string) => ['credentials', 'one', id] as const,
};

/** Every credential: a program defines a handful, so the API sends them all at once. */
export function useCredentials() {
  return useQuery({
    queryKey: credentialKeys.list,
    queryFn: ({ signal }) => api.get<{ items: Credential[] }>('/credentials', { signal }),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

export function useCredential(id: string) {
  return useQuery({
    queryKey: credentialKeys.one(id),
    queryFn: ({ signal }) => api.get<Credential>(`/credentials/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

function useSaved() {
  const queryClient = useQueryClient();
  return (credential: Credential) => {
    queryClient.setQueryData(credentialKeys.one(credential.id), credential);
    void queryClient.invalidateQueries({ queryKey: credentialKeys.list });
    // Courses show the names of the credentials they grant and require.
    void queryClient.invalidateQueries({ queryKey: ['courses'] });
  };
}

export function useCreateCredential() {
  const saved = useSaved();
  return useMutation({ mutationFn: (body: unknown) => api.post<Credential>('/credentials', body), onSuccess: saved });
}

export function useUpdateCredential(credential: Pick<Credential, 'id' | 'version'>) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: unknown) => api.patch<Credential>(`/credentials/${credential.id}`, credential.version, body),
    onSuccess: saved,
  });
}
