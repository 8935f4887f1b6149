import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';
import { usePagedList } from '../../api/lists';
import type { Certification, Transcript } from '../../api/schemas';

export const certificationKeys = {
  all: ['certifications'] as const,
  list: ['certifications', 'list'] as const,
  one: (id: string) => ['certifications', 'one', id] as const,
  transcript: (personId: string) => ['transcripts', personId] as const,
};

/** The window the "expiring" view and the home page's panel look ahead. */
export const EXPIRING_WITHIN_DAYS = 90;

export function useCertificationList(params: QueryParams, options: { enabled?: boolean } = {}) {
  return usePagedList<Certification>(certificationKeys.list, '/certifications', params, options);
}

export function useCertification(id: string) {
  return useQuery({
    queryKey: certificationKeys.one(id),
    queryFn: ({ signal }) => api.get<Certification>(`/certifications/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

/** A person's courses taken and taught, with results and certifications (not for viewers). */
export function useTranscript(personId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: certificationKeys.transcript(personId),
    queryFn: ({ signal }) => api.get<Transcript>(`/people/${personId}/transcript`, { signal }),
    enabled: options.enabled,
  });
}

export function useRevokeCertification(certification: Pick<Certification, 'id' | 'version'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<Certification>(`/certifications/${certification.id}/revocation`, body, { version: certification.version }),
    onSuccess: (saved) => {
      queryClient.setQueryData(certificationKeys.one(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: certificationKeys.list });
      void queryClient.invalidateQueries({ queryKey: ['transcripts'] });
    },
  });
}
