import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';
import type { Agreement, Board, Page, PartnershipDetail } from '../../api/schemas';

export const partnershipKeys = {
  all: ['partnerships'] as const,
  board: ['partnerships', 'board'] as const,
  one: (id: string) => ['partnerships', 'one', id] as const,
  agreementsDue: (by: string) => ['agreements', 'due', by] as const,
  agreement: (id: string) => ['agreements', 'one', id] as const,
};

/** The pipeline, for one kind of organization, country or owner when the filters say so. */
export function useBoard(filters: QueryParams = {}) {
  return useQuery({
    queryKey: [...partnershipKeys.board, filters],
    queryFn: ({ signal }) => api.get<Board>('/partnerships/board', { query: filters, signal }),
  });
}

export function usePartnership(id: string) {
  return useQuery({
    queryKey: partnershipKeys.one(id),
    queryFn: ({ signal }) => api.get<PartnershipDetail>(`/partnerships/${id}`, { signal }),
  });
}

export function useAgreementsDue(by: string) {
  return useQuery({
    queryKey: partnershipKeys.agreementsDue(by),
    queryFn: ({ signal }) => api.get<Page<Agreement>>('/agreements', { query: { renewalDueBy: by, limit: 50 }, signal }),
  });
}

/** Every change answers with the whole partnership: keep it, and let lists refetch. */
function useSaved() {
  const queryClient = useQueryClient();
  return (partnership: PartnershipDetail) => {
    queryClient.setQueryData(partnershipKeys.one(partnership.id), partnership);
    void queryClient.invalidateQueries({ queryKey: partnershipKeys.board });
    void queryClient.invalidateQueries({ queryKey: ['organizations', 'partnership'] });
    void queryClient.invalidateQueries({ queryKey: ['agreements'] });
  };
}

export function useCreatePartnership() {
  const saved = useSaved();
  return useMutation({ mutationFn: (body: unknown) => api.post<PartnershipDetail>('/partnerships', body), onSuccess: saved });
}

export function useUpdatePartnership(partnership: Pick<PartnershipDetail, 'id' | 'version'>) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: unknown) => api.patch<PartnershipDetail>(`/partnerships/${partnership.id}`, partnership.version, body),
    onSuccess: saved,
  });
}

export function useChangeStage(partnership: Pick<PartnershipDetail, 'id' | 'version'>) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: unknown) => api.post<PartnershipDetail>(`/partnerships/${partnership.id}/stage-changes`, body, { version: partnership.version }),
    onSuccess: saved,
  });
}

export function useCreateAgreement(partnershipId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<Agreement>(`/partnerships/${partnershipId}/agreements`, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: partnershipKeys.one(partnershipId) });
      void queryClient.invalidateQueries({ queryKey: ['agreements'] });
    },
  });
}

export function useAgreement(id: string) {
  return useQuery({ queryKey: partnershipKeys.agreement(id), queryFn: ({ signal }) => api.get<Agreement>(`/agreements/${id}`, { signal }) });
}

export function useUpdateAgreement(agreement: Pick<Agreement, 'id' | 'version' | 'partnershipId'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.patch<Agreement>(`/agreements/${agreement.id}`, agreement.version, body),
    onSuccess: async (saved) => {
      queryClient.setQueryData(partnershipKeys.agreement(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: partnershipKeys.one(agreement.partnershipId) });
      void queryClient.invalidateQueries({ queryKey: ['agreements', 'due'] });
      void queryClient.invalidateQueries({ queryKey: partnershipKeys.board });
    },
  });
}

/** Who may own a partnership: active admins and program officers, and the current owner. */
export function useOwnerChoices(current: { id: string | null; name: string | null }) {
  const staff = useQuery({
    queryKey: ['users', 'assignable'],
    queryFn: ({ signal }) => api.get<{ items: { id: string; name: string }[] }>('/users/assignable', { signal }),
    select: (data) => data.items,
    staleTime: 60_000,
  });
  const choices = (staff.data ?? []).map((person) => ({ value: person.id, label: person.name }));
  if (current.id && !choices.some((choice) => choice.value === current.id)) choices.push({ value: current.id, label: current.name ?? current.id });
  return choices.sort((a, b) => a.label.localeCompare(b.label));
}
