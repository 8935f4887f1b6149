import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';
import { usePagedList } from '../../api/lists';
import type { CloseReport, Enrollment, Offering, OfferingDetail } from '../../api/schemas';

export const offeringKeys = {
  all: ['offerings'] as const,
  list: ['offerings', 'list'] as const,
  one: (id: string) => ['offerings', 'one', id] as const,
};

export function useOfferingList(params: QueryParams) {
  return usePagedList<Offering>(offeringKeys.list, '/offerings', params);
}

export function useOffering(id: string) {
  return useQuery({
    queryKey: offeringKeys.one(id),
    queryFn: ({ signal }) => api.get<OfferingDetail>(`/offerings/${id}`, { signal }),
    enabled: id !== '',
  });
}

/** A change answering with the whole offering: keep it, and let lists refetch. */
function useSaved() {
  const queryClient = useQueryClient();
  return (offering: OfferingDetail) => {
    queryClient.setQueryData(offeringKeys.one(offering.id), offering);
    void queryClient.invalidateQueries({ queryKey: offeringKeys.list });
  };
}

export function useScheduleOffering() {
  const saved = useSaved();
  return useMutation({ mutationFn: (body: unknown) => api.post<OfferingDetail>('/offerings', body), onSuccess: saved });
}

/** A correction, or a cancellation (`{ status: 'cancelled', cancelReason }`): the same PATCH with If-Match. */
export function useUpdateOffering(offering: Pick<OfferingDetail, 'id' | 'version'>) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: unknown) => api.patch<OfferingDetail>(`/offerings/${offering.id}`, offering.version, body),
    onSuccess: saved,
  });
}

export function useSetInstructor(offering: Pick<OfferingDetail, 'id' | 'version'>) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: unknown) => api.put<OfferingDetail>(`/offerings/${offering.id}/instructors`, offering.version, body),
    onSuccess: saved,
  });
}

export function useRemoveInstructor(offering: Pick<OfferingDetail, 'id' | 'version'>) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (personId: string) =>
      api.delete<OfferingDetail>(`/offerings/${offering.id}/instructors/${personId}`, offering.version),
    onSuccess: saved,
  });
}

/**
 * An enrollment's change answers with the enrollment alone, but the offering's count and the
 * people's transcripts change with it: fetch the offering again.
 */
function useEnrollmentSaved(offeringId: string) {
  const queryClient = useQueryClient();
  return async () => {
    void queryClient.invalidateQueries({ queryKey: offeringKeys.list });
    void queryClient.invalidateQueries({ queryKey: ['transcripts'] });
    await queryClient.invalidateQueries({ queryKey: offeringKeys.one(offeringId) });
  };
}

export function useEnroll(offeringId: string) {
  const saved = useEnrollmentSaved(offeringId);
  return useMutation({ mutationFn: (body: unknown) => api.post<Enrollment>(`/offerings/${offeringId}/enrollments`, body), onSuccess: saved });
}

export function useRecordResult(enrollment: Pick<Enrollment, 'id' | 'offeringId' | 'version'>) {
  const saved = useEnrollmentSaved(enrollment.offeringId);
  return useMutation({
    mutationFn: (body: unknown) => api.patch<Enrollment>(`/offerings/${enrollment.offeringId}/enrollments/${enrollment.id}`, enrollment.version, body),
    onSuccess: saved,
  });
}

/** Closing certifies people: the certification lists, transcripts and cascade change with it. */
export function useCloseOffering(offering: Pick<OfferingDetail, 'id' | 'version'>) {
  const queryClient = useQueryClient();
  return useMutation({
    // While Cadre's address is not public, closing names the address its certificates will point to.
    mutationFn: (acknowledgedAddress?: string) =>
      api.post<CloseReport>(`/offerings/${offering.id}/close`, acknowledgedAddress ? { acknowledgedAddress } : undefined, { version: offering.version }),
    onSuccess: (report) => {
      queryClient.setQueryData(offeringKeys.one(offering.id), report.offering);
      for (const key of [offeringKeys.list, ['certifications'], ['transcripts'], ['cascade']]) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

export function useRecordFollowUp(offeringId: string) {
  const saved = useSaved();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<OfferingDetail>(`/offerings/${offeringId}/follow-ups`, body),
    onSuccess: (offering) => {
      saved(offering);
      void queryClient.invalidateQueries({ queryKey: ['cascade'] });
    },
  });
}
