import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';
import { usePagedList } from '../../api/lists';
import type { VettingQueue, VettingRecord } from '../../api/schemas';

export const vettingKeys = {
  all: ['vetting'] as const,
  list: ['vetting', 'list'] as const,
  queue: ['vetting', 'queue'] as const,
};

export function useVettingList(params: QueryParams) {
  return usePagedList<VettingRecord>(vettingKeys.list, '/vetting', params);
}

/** Pending cases, and clearances that lapse before an offering their holder is enrolled in. */
export function useVettingQueue(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: vettingKeys.queue,
    queryFn: ({ signal }) => api.get<VettingQueue>('/vetting/queue', { signal }),
    enabled: options.enabled,
  });
}

/** A vetting result decides who may enroll: the queue, the lists and open offerings change. */
function useSaved() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: vettingKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['offerings'] });
  };
}

export function useSubmitVetting() {
  const saved = useSaved();
  return useMutation({ mutationFn: (body: unknown) => api.post<VettingRecord>('/vetting', body), onSuccess: saved });
}

export function useRecordVettingResult(record: Pick<VettingRecord, 'id' | 'version'>) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: unknown) => api.post<VettingRecord>(`/vetting/${record.id}/result`, body, { version: record.version }),
    onSuccess: saved,
  });
}
