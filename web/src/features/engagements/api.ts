import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';
import { usePagedList } from '../../api/lists';
import type { Engagement, EngagementDetail } from '../../api/schemas';

export const engagementKeys = {
  all: ['engagements'] as const,
  list: ['engagements', 'list'] as const,
  one: (id: string) => ['engagements', 'one', id] as const,
};

export function useEngagementList(params: QueryParams) {
  return usePagedList<Engagement>(engagementKeys.list, '/engagements', params);
}

export function useEngagement(id: string) {
  return useQuery({
    queryKey: engagementKeys.one(id),
    queryFn: ({ signal }) => api.get<EngagementDetail>(`/engagements/${id}`, { signal }),
  });
}

/** Every change answers with the whole engagement: keep it, and let lists, follow-ups and figures refetch. */
function useSaved() {
  const queryClient = useQueryClient();
  return (engagement: EngagementDetail) => {
    queryClient.setQueryData(engagementKeys.one(engagement.id), engagement);
    void queryClient.invalidateQueries({ queryKey: engagementKeys.list });
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    void queryClient.invalidateQueries({ queryKey: ['reports'] });
  };
}

export function useCreateEngagement() {
  const saved = useSaved();
  return useMutation({ mutationFn: (body: unknown) => api.post<EngagementDetail>('/engagements', body), onSuccess: saved });
}

export function useUpdateEngagement(engagement: Pick<EngagementDetail, 'id' | 'version'>) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: unknown) => api.patch<EngagementDetail>(`/engagements/${engagement.id}`, engagement.version, body),
    onSuccess: saved,
  });
}

export function useWithdrawEngagement(engagement: Pick<EngagementDetail, 'id' | 'version'>) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: { reason: string }) => api.post<EngagementDetail>(`/engagements/${engagement.id}/withdrawal`, body, { version: engagement.version }),
    onSuccess: saved,
  });
}
