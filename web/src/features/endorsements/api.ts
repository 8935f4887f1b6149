import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Endorsement } from '../../api/schemas';
import { PUBLIC_QUERY_KEY } from '../../app/publicPages';

export const endorsementKeys = {
  all: ['endorsements'] as const,
};

/** Every endorsement, latest first: a program makes a handful, so the API sends them at once. */
export function useEndorsements(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: endorsementKeys.all,
    queryFn: ({ signal }) => api.get<{ items: Endorsement[] }>('/endorsements', { signal }),
    select: (data) => data.items,
    enabled: options.enabled,
  });
}

export function useEndorse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<Endorsement>('/endorsements', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: endorsementKeys.all }),
  });
}

/** Withdrawing flags what was issued under the endorsement: public certificate pages change too. */
export function useWithdrawEndorsement(endorsement: Pick<Endorsement, 'id' | 'version'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<Endorsement>(`/endorsements/${endorsement.id}/withdrawal`, body, { version: endorsement.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: endorsementKeys.all });
      void queryClient.invalidateQueries({ queryKey: [PUBLIC_QUERY_KEY] });
    },
  });
}
