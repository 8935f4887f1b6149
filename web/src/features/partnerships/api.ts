import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Agreement, Board, Page, PartnershipDetail, User } from '../../api/schemas';
import { isAdmin, useCurrentUser } from '../../api/session';

export const partnershipKeys = {
  all: ['partnerships'] as const,
  board: ['partnerships', 'board'] as const,
  one: (id: string) => ['partnerships', 'one', id] as const,
  agreementsDue: (by: string) => ['agreements', 'due', by] as const,
};

export function useBoard() {
  return useQuery({ queryKey: partnershipKeys.board, queryFn: ({ signal }) => api.get<Board>('/partnerships/board', { signal }) });
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

/**
 * Who may own a partnership: active admins and program officers. Only admins may list users,
 * so a program officer is offered themself (and the current owner).
 */
export function useOwnerChoices(current: { id: string | null; name: string | null }) {
  const user = useCurrentUser();
  const admin = isAdmin(user);
  const staff = useQuery({
    queryKey: ['users', 'owners'],
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(
        (['admin', 'program_officer'] as const).map((role) => api.get<Page<User>>('/users', { query: { role, limit: 200 }, signal })),
      );
      return pages.flatMap((page) => page.items).filter((candidate) => !candidate.isDisabled);
    },
    enabled: admin,
  });
  const people = admin ? (staff.data ?? []) : [user];
  const choices = people.map((person) => ({ value: person.id, label: person.name }));
  if (current.id && !choices.some((choice) => choice.value === current.id)) choices.push({ value: current.id, label: current.name ?? current.id });
  return choices.sort((a, b) => a.label.localeCompare(b.label));
}
