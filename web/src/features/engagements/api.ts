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

export function useCreateEngagement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<EngagementDetail>('/engagements', body),
    onSuccess: (engagement) => {
      queryClient.setQueryData(engagementKeys.one(engagement.id), engagement);
      void queryClient.invalidateQueries({ queryKey: engagementKeys.list });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}
